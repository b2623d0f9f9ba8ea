extension Parser {
    /// expr_max -> var | atomic | list | binary | tuple | map | record
    ///           | '(' expr ')' | 'begin' exprs 'end' | if | case | receive | fun | try
    mutating func exprMax() throws -> Expr {
        guard let token = current else { throw unexpected() }
        switch token.kind {
        case .variable(let name):
            advance()
            return .variable(name, token.location)
        case .atom(let a):
            advance()
            return .atom(a)
        case .integer(let i):
            advance()
            return .integer(i)
        case .bigInteger(let b):
            advance()
            return .bigInteger(b)
        case .float(let f):
            advance()
            return .float(f)
        case .char(let c):
            advance()
            return .char(c)
        case .string(var codes):
            advance()
            while case .string(let more)? = currentKind {
                codes += more
                advance()
            }
            return .string(codes)
        case .symbol("("):
            advance()
            let inner = try nested { try $0.expr() }
            try expectSymbol(")")
            return inner
        case .symbol("{"):
            advance()
            if accept("}") { return .tuple([]) }
            let elements = try nested { try $0.exprs() }
            try expectSymbol("}")
            return .tuple(elements)
        case .symbol("["):
            return try listOrComprehension()
        case .symbol("<<"):
            return try binaryOrComprehension()
        case .symbol("#"):
            return try recordOrMapSuffix(nil)
        case .keyword("begin"):
            advance()
            let body = try nested { try $0.exprs() }
            try expectKeyword("end")
            return .block(body)
        case .keyword("case"): return try caseExpr()
        case .keyword("if"): return try ifExpr()
        case .keyword("receive"): return try receiveExpr()
        case .keyword("fun"): return try funExpr()
        case .keyword("try"): return try tryExpr()
        default:
            throw unexpected()
        }
    }

    /// Runs `body` one nesting level deeper, refusing input nested beyond `maxDepth`.
    mutating func nested<T>(_ body: (inout Parser) throws -> T) throws -> T {
        depth += 1
        defer { depth -= 1 }
        guard depth < Parser.maxDepth else { throw unexpected() }
        return try body(&self)
    }

    /// list -> '[' ']' | '[' expr tail | '[' expr '||' qualifiers ']'
    mutating func listOrComprehension() throws -> Expr {
        try expectSymbol("[")
        if accept("]") { return .list([], tail: nil) }
        return try nested { p in
            let first = try p.expr()
            if p.accept("||") {
                let qualifiers = try p.qualifiers()
                try p.expectSymbol("]")
                return .listComprehension(first, qualifiers)
            }
            var elements = [first]
            while p.accept(",") { elements.append(try p.expr()) }
            var tail: Expr?
            if p.accept("|") { tail = try p.expr() }
            try p.expectSymbol("]")
            return .list(elements, tail: tail)
        }
    }

    /// qualifiers -> qualifier (',' qualifier)*;  qualifier -> pattern '<-' expr | pattern '<=' expr | expr
    mutating func qualifiers() throws -> [Qualifier] {
        var list: [Qualifier] = []
        repeat {
            let e = try expr()
            if accept("<-") {
                list.append(.generator(e, try expr()))
            } else if accept("<=") {
                list.append(.binaryGenerator(e, try expr()))
            } else {
                list.append(.filter(e))
            }
        } while accept(",")
        return list
    }

    /// binary -> '<<' '>>' | '<<' segments '>>' | '<<' expr '||' qualifiers '>>'
    mutating func binaryOrComprehension() throws -> Expr {
        try expectSymbol("<<")
        if accept(">>") { return .binary([]) }
        return try nested { p in
            if p.isSymbol("<<") {
                // Could be a comprehension whose template is a binary.
                let save = p.position
                let template = try p.exprMax()
                if p.accept("||") {
                    let qualifiers = try p.qualifiers()
                    try p.expectSymbol(">>")
                    return .binaryComprehension(template, qualifiers)
                }
                p.position = save
            }
            var segments = Parser.expandingString(try p.segment())
            while p.accept(",") { segments += Parser.expandingString(try p.segment()) }
            try p.expectSymbol(">>")
            return .binary(segments)
        }
    }

    /// A string segment `"ab":S/T` stands for one segment per character
    /// (`$a:S/T, $b:S/T`), as erl_eval expands it.
    static func expandingString(_ segment: BinarySegment) -> [BinarySegment] {
        guard case .string(let codes) = segment.value else { return [segment] }
        return codes.enumerated().map { index, code in
            BinarySegment(value: .char(code), size: segment.size, specifiers: segment.specifiers,
                          stringPart: index == 0 ? .head(codes) : .tail)
        }
    }

    /// segment -> bit_expr [':' expr_max] ['/' type ('-' type)*]
    mutating func segment() throws -> BinarySegment {
        var value: Expr
        if let op = operatorHere(symbols: Parser.addSymbols, keywords: Parser.prefixKeywords) {
            let at = location
            advance()
            value = .unaryOp(op, try exprMax(), at)
            if op == "-", case .unaryOp(_, .integer(let i), _) = value { value = .integer(-i) }
        } else {
            value = try exprMax()
        }
        var size: Expr?
        if accept(":") { size = try exprMax() }
        var specifiers: [String] = []
        if accept("/") {
            repeat {
                guard case .atom(let name)? = currentKind else { throw unexpected() }
                advance()
                if accept(":") {
                    guard case .integer(let n)? = currentKind else { throw unexpected() }
                    advance()
                    specifiers.append("\(name):\(n)")
                } else {
                    specifiers.append(name)
                }
            } while accept("-")
        }
        return BinarySegment(value: value, size: size, specifiers: specifiers)
    }

    /// After `#`: `{...}` (a map) or `name{...}` / `name.field` (a record).
    mutating func recordOrMapSuffix(_ base: Expr?) throws -> Expr {
        try expectSymbol("#")
        if accept("{") {
            var fields: [MapField] = []
            if !accept("}") {
                repeat {
                    let key = try expr()
                    let exact: Bool
                    let at = location
                    if accept("=>") { exact = false } else if accept(":=") { exact = true } else { throw unexpected() }
                    fields.append(MapField(key: key, value: try expr(), isExact: exact, operatorLocation: at))
                } while accept(",")
                try expectSymbol("}")
            }
            return .map(base: base, fields: fields)
        }
        guard case .atom(let name)? = currentKind else { throw unexpected() }
        advance()
        if accept(".") {
            guard case .atom(let field)? = currentKind else { throw unexpected() }
            advance()
            if let base { return .recordAccess(base, record: name, field: field) }
            return .recordIndex(record: name, field: field)
        }
        try expectSymbol("{")
        var fields: [RecordField] = []
        if !accept("}") {
            repeat {
                let fieldName: String
                switch currentKind {
                case .atom(let f)?: fieldName = f
                case .variable("_")?: fieldName = "_"
                default: throw unexpected()
                }
                advance()
                try expectSymbol("=")
                fields.append(RecordField(name: fieldName, value: try expr()))
            } while accept(",")
            try expectSymbol("}")
        }
        return .record(base: base, name: name, fields: fields)
    }
}
