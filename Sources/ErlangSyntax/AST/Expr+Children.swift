/// Rewriting an expression one level down: each expression directly inside
/// it (in clauses, qualifiers, segments and fields too) replaced by what
/// `transform` makes of it. A rewrite of a whole tree calls this from its
/// own `transform`; the parser bounds the nesting such a walk recurses over.
extension Expr {
    /// This expression with each directly contained expression transformed.
    public func mappingChildren<E: Error>(_ transform: (Expr) throws(E) -> Expr) throws(E) -> Expr {
        func all(_ items: [Expr]) throws(E) -> [Expr] {
            var mapped: [Expr] = []
            mapped.reserveCapacity(items.count)
            for item in items { mapped.append(try transform(item)) }
            return mapped
        }
        func optional(_ item: Expr?) throws(E) -> Expr? {
            guard let item else { return nil }
            return try transform(item)
        }
        func clauses(_ items: [Clause]) throws(E) -> [Clause] {
            var mapped: [Clause] = []
            mapped.reserveCapacity(items.count)
            for var clause in items {
                clause.patterns = try all(clause.patterns)
                var guards: [[Expr]] = []
                for conjunction in clause.guards { guards.append(try all(conjunction)) }
                clause.guards = guards
                clause.body = try all(clause.body)
                mapped.append(clause)
            }
            return mapped
        }
        func qualifiers(_ items: [Qualifier]) throws(E) -> [Qualifier] {
            var mapped: [Qualifier] = []
            mapped.reserveCapacity(items.count)
            for item in items {
                switch item {
                case .generator(let pattern, let source):
                    mapped.append(.generator(try transform(pattern), try transform(source)))
                case .binaryGenerator(let pattern, let source):
                    mapped.append(.binaryGenerator(try transform(pattern), try transform(source)))
                case .filter(let condition):
                    mapped.append(.filter(try transform(condition)))
                }
            }
            return mapped
        }
        switch self {
        case .integer, .bigInteger, .float, .atom, .char, .string, .variable, .recordIndex:
            return self
        case .tuple(let items):
            return .tuple(try all(items))
        case .list(let items, let tail):
            return .list(try all(items), tail: try optional(tail))
        case .binary(let segments):
            var mapped: [BinarySegment] = []
            for var segment in segments {
                segment.value = try transform(segment.value)
                segment.size = try optional(segment.size)
                mapped.append(segment)
            }
            return .binary(mapped)
        case .map(let base, let fields):
            var mapped: [MapField] = []
            for var field in fields {
                field.key = try transform(field.key)
                field.value = try transform(field.value)
                mapped.append(field)
            }
            return .map(base: try optional(base), fields: mapped)
        case .record(let base, let name, let fields):
            var mapped: [RecordField] = []
            for var field in fields {
                field.value = try transform(field.value)
                mapped.append(field)
            }
            return .record(base: try optional(base), name: name, fields: mapped)
        case .recordAccess(let base, let record, let field):
            return .recordAccess(try transform(base), record: record, field: field)
        case .match(let left, let right, let location):
            return .match(try transform(left), try transform(right), location)
        case .binaryOp(let op, let left, let right, let location):
            return .binaryOp(op, try transform(left), try transform(right), location)
        case .unaryOp(let op, let operand, let location):
            return .unaryOp(op, try transform(operand), location)
        case .call(let function, let arguments, let location):
            return .call(function: try transform(function), arguments: try all(arguments), location)
        case .remote(let module, let function):
            return .remote(module: try transform(module), function: try transform(function))
        case .functionReference(let module, let function, let arity):
            return .functionReference(module: try optional(module), function: try transform(function),
                                      arity: try transform(arity))
        case .fun(let name, let funClauses):
            return .fun(name: name, clauses: try clauses(funClauses))
        case .caseOf(let subject, let caseClauses):
            return .caseOf(try transform(subject), try clauses(caseClauses))
        case .ifClauses(let ifClauses):
            return .ifClauses(try clauses(ifClauses))
        case .receive(let receiveClauses, let after):
            var mappedAfter = after
            if let after {
                mappedAfter = ReceiveAfter(timeout: try transform(after.timeout), body: try all(after.body))
            }
            return .receive(try clauses(receiveClauses), after: mappedAfter)
        case .tryCatch(let body, let ofClauses, let catchClauses, let after):
            return .tryCatch(body: try all(body), ofClauses: try clauses(ofClauses),
                             catchClauses: try clauses(catchClauses), after: try all(after))
        case .catchExpr(let inner):
            return .catchExpr(try transform(inner))
        case .block(let body):
            return .block(try all(body))
        case .listComprehension(let template, let quals):
            return .listComprehension(try transform(template), try qualifiers(quals))
        case .binaryComprehension(let template, let quals):
            return .binaryComprehension(try transform(template), try qualifiers(quals))
        }
    }
}
