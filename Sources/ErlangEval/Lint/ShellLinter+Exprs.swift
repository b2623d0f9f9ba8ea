import ErlangSyntax

/// Walking expressions and patterns in erl_lint's order: a match's value
/// before its pattern, a call's function before its arguments, a
/// receive's `after` before its clauses.
extension ShellLinter {
    /// Checks a body: each expression sees what the ones before it bound.
    func body(_ exprs: [Expr], _ scope: inout Scope) throws(EvalDiagnostic) {
        for e in exprs { try expr(e, &scope) }
    }

    /// Checks `e` used as a value, adding what it binds to `scope`.
    func expr(_ e: Expr, _ scope: inout Scope) throws(EvalDiagnostic) {
        switch e {
        case .integer, .bigInteger, .float, .atom, .char, .string:
            return
        case .recordIndex(let name, let field):
            try checkRecord(name, fields: [field])
        case .variable(let name, let at):
            try use(name, at: at, scope)
        case .tuple(let items):
            try body(items, &scope)
        case .list(let items, let tail):
            try body(items, &scope)
            if let tail { try expr(tail, &scope) }
        case .binary(let segments):
            for segment in segments {
                try expr(segment.value, &scope)
                if let size = segment.size { try expr(size, &scope) }
                try checkSegment(segment)
            }
        case .map(let base, let fields):
            if let base { try expr(base, &scope) }
            for field in fields {
                if base == nil, field.isExact {
                    throw EvalDiagnostic("only association operators '=>' are allowed in map construction",
                                         at: field.operatorLocation)
                }
                try expr(field.key, &scope)
                try expr(field.value, &scope)
            }
        case .record(let base, let name, let fields):
            if let base { try expr(base, &scope) }
            try checkRecord(name, fields: fields.map(\.name))
            for field in fields { try expr(field.value, &scope) }
        case .recordAccess(let base, let name, let field):
            try expr(base, &scope)
            try checkRecord(name, fields: [field])
        case .match(let pattern, let value, _):
            try expr(value, &scope)
            try self.pattern(pattern, &scope)
        case .binaryOp(let op, let l, let r, let at) where op == "andalso" || op == "orelse":
            try expr(l, &scope)
            var right = scope
            try expr(r, &right)
            markUnsafe(bornIn: [right], of: &scope, Unsafe(construct: op, location: at))
        case .binaryOp(_, let l, let r, _):
            try expr(l, &scope)
            try expr(r, &scope)
        case .unaryOp(_, let operand, _):
            try expr(operand, &scope)
        case .call(let function, let arguments, _):
            switch function {
            case .atom:
                break
            case .remote, .integer, .bigInteger, .float, .char, .string, .variable, .tuple, .list, .binary,
                 .map, .record, .recordAccess, .recordIndex, .match, .binaryOp, .unaryOp, .call,
                 .functionReference, .fun, .caseOf, .ifClauses, .receive, .tryCatch, .catchExpr, .block,
                 .listComprehension, .binaryComprehension:
                try expr(function, &scope)
            }
            try body(arguments, &scope)
        case .remote(let module, let function):
            try expr(module, &scope)
            try expr(function, &scope)
        case .functionReference(let module, let function, let arity):
            guard let module else { return }
            try expr(module, &scope)
            try expr(function, &scope)
            try expr(arity, &scope)
        case .fun(let name, let clauses):
            try funClauses(name, clauses, scope)
        case .caseOf(let subject, let clauses):
            try expr(subject, &scope)
            let at = keywordLocation("case", before: clauses.first?.location)
            try branches(clauses, &scope, Unsafe(construct: "case", location: at))
        case .ifClauses(let clauses):
            let at = keywordLocation("if", before: clauses.first?.location)
            try branches(clauses, &scope, Unsafe(construct: "if", location: at))
        case .receive(let clauses, let after):
            try receive(clauses, after, &scope)
        case .tryCatch(let tryBody, let ofClauses, let catchClauses, let after):
            try tryCatch(tryBody, ofClauses, catchClauses, after, &scope)
        case .catchExpr(let inner):
            var inside = scope
            try expr(inner, &inside)
            let at = keywordLocation("catch", before: Self.someLocation(in: inner))
            markUnsafe(bornIn: [inside], of: &scope, Unsafe(construct: "catch", location: at))
        case .block(let exprs):
            try body(exprs, &scope)
        case .listComprehension(let template, let qualifiers), .binaryComprehension(let template, let qualifiers):
            var inside = scope
            for qualifier in qualifiers {
                switch qualifier {
                case .generator(let p, let source), .binaryGenerator(let p, let source):
                    try expr(source, &inside)
                    try pattern(p, &inside, fresh: true)
                case .filter(let condition):
                    try expr(condition, &inside)
                }
            }
            try expr(template, &inside)
        }
    }

    /// Checks pattern `p`, binding its variables. A variable already bound
    /// is compared, unless `fresh` (a fun head or a generator), where it is
    /// a new one. Sizes, map keys and arithmetic in a pattern are uses.
    func pattern(_ p: Expr, _ scope: inout Scope, fresh: Bool = false) throws(EvalDiagnostic) {
        switch p {
        case .variable(let name, let at):
            guard name != "_" else { return }
            if !fresh, !isBound(name, scope), scope.unsafe[name] != nil { try use(name, at: at, scope) }
            scope.bind(name)
        case .integer, .bigInteger, .float, .atom, .char, .string:
            return
        case .recordIndex(let name, let field):
            try checkRecord(name, fields: [field])
        case .tuple(let items):
            for item in items { try pattern(item, &scope, fresh: fresh) }
        case .list(let items, let tail):
            for item in items { try pattern(item, &scope, fresh: fresh) }
            if let tail { try pattern(tail, &scope, fresh: fresh) }
        case .binary(let segments):
            for (index, segment) in segments.enumerated() {
                try pattern(segment.value, &scope, fresh: fresh)
                if let size = segment.size { var inner = scope; try expr(size, &inner) }
                try checkSegment(segment)
                if index < segments.count - 1, Self.isUnsizedTail(segment) {
                    throw EvalDiagnostic("a binary field without size is only allowed at the end of a binary pattern",
                                         at: Self.someLocation(in: segment.value) ?? firstSegmentLocation)
                }
            }
        case .map(_, let fields):
            for field in fields {
                guard field.isExact else { throw EvalDiagnostic("illegal pattern", at: field.operatorLocation) }
                var inner = scope
                try expr(field.key, &inner)
                try pattern(field.value, &scope, fresh: fresh)
            }
        case .record(_, let name, let fields):
            try checkRecord(name, fields: fields.map(\.name))
            for field in fields { try pattern(field.value, &scope, fresh: fresh) }
        case .match(let l, let r, _):
            try pattern(l, &scope, fresh: fresh)
            try pattern(r, &scope, fresh: fresh)
        case .binaryOp("++", let prefix, let rest, let at):
            // `"pre" ++ Rest`: a prefix of character codes, then a pattern.
            guard Pattern.literalCodes(prefix) != nil else { throw EvalDiagnostic("illegal pattern", at: at) }
            try pattern(rest, &scope, fresh: fresh)
        case .binaryOp(_, _, _, let at), .unaryOp(_, _, let at):
            // Arithmetic on literals only (`-1`, `1 bsl 4`): a variable,
            // bound or not, makes it no pattern.
            guard Self.isConstantPatternExpression(p) else { throw EvalDiagnostic("illegal pattern", at: at) }
        case .recordAccess, .call, .remote, .functionReference, .fun, .caseOf, .ifClauses,
             .receive, .tryCatch, .catchExpr, .block, .listComprehension, .binaryComprehension:
            // Not a legal pattern (the evaluator says so); its variables are uses.
            var inner = scope
            try expr(p, &inner)
        }
    }

    /// Whether `segment` is a binary or bitstring field with no size: in
    /// a pattern it takes the rest, so only the last field may be one.
    static func isUnsizedTail(_ segment: BinarySegment) -> Bool {
        guard segment.size == nil, let spec = try? SegmentSpec(specifiers: segment.specifiers) else { return false }
        switch spec.kind {
        case .binary, .bitstring: return true
        case .integer, .float, .utf8, .utf16, .utf32: return false
        }
    }

    /// Whether `e` is arithmetic on number literals, the only operator
    /// expressions erl_lint takes as a pattern (it folds them to a value).
    static func isConstantPatternExpression(_ e: Expr) -> Bool {
        switch e {
        case .integer, .bigInteger, .float, .char:
            return true
        case .unaryOp(let op, let operand, _):
            return ["+", "-", "bnot"].contains(op) && isConstantPatternExpression(operand)
        case .binaryOp(let op, let left, let right, _):
            return ["+", "-", "*", "/", "div", "rem", "band", "bor", "bxor", "bsl", "bsr"].contains(op)
                && isConstantPatternExpression(left) && isConstantPatternExpression(right)
        default:
            return false
        }
    }

    /// A location somewhere inside `e` (its first variable, operator or
    /// call), to find the keyword of the construct around it.
    static func someLocation(in e: Expr) -> SourceLocation? {
        switch e {
        case .variable(_, let at), .match(_, _, let at), .binaryOp(_, _, _, let at), .unaryOp(_, _, let at),
             .call(_, _, let at):
            return at
        case .tuple(let items), .block(let items):
            return items.lazy.compactMap { someLocation(in: $0) }.first
        case .list(let items, let tail):
            return items.lazy.compactMap { someLocation(in: $0) }.first ?? tail.flatMap { someLocation(in: $0) }
        case .caseOf(_, let clauses), .ifClauses(let clauses), .receive(let clauses, _), .fun(_, let clauses):
            return clauses.first?.location
        case .catchExpr(let inner), .recordAccess(let inner, _, _):
            return someLocation(in: inner)
        case .tryCatch(let body, let ofClauses, let catchClauses, _):
            return body.lazy.compactMap { someLocation(in: $0) }.first
                ?? ofClauses.first?.location ?? catchClauses.first?.location
        case .integer, .bigInteger, .float, .atom, .char, .string, .binary, .map, .record, .recordIndex, .remote,
             .functionReference, .listComprehension, .binaryComprehension:
            return nil
        }
    }
}
