import ErlangTerms

/// A recursive-descent parser for Erlang expressions, with erl_parse's
/// precedences. Each parse function starts with the grammar rule it reads.
///
/// Split: this file holds the token cursor and the operator levels;
/// `Parser+Primary` reads primary expressions (literals, containers,
/// calls); `Parser+Clauses` reads case/if/receive/try/fun and clauses.
///
/// Nesting is bounded (`maxDepth`): input nested deeper is a syntax error
/// rather than a native stack overflow.
public struct Parser {
    var tokens: [Token]
    var position = 0
    var depth = 0
    /// The deepest bracket nesting accepted.
    static let maxDepth = 400

    /// A parser over `tokens` (which should end in a `.dot` token).
    public init(tokens: [Token]) { self.tokens = tokens }

    /// Parses shell input: `Expr, Expr, ... .`
    public static func parseExprs(_ tokens: [Token]) throws(Diagnostic) -> [Expr] {
        var parser = Parser(tokens: tokens)
        do {
            let exprs = try parser.exprs()
            try parser.expect(.dot)
            return exprs
        } catch let d as Diagnostic {
            throw d
        } catch {
            throw Diagnostic("syntax error", at: SourceLocation(line: 1, column: 1))
        }
    }

    var current: Token? { position < tokens.count ? tokens[position] : nil }
    var currentKind: Token.Kind? { position < tokens.count ? tokens[position].kind : nil }
    var location: SourceLocation {
        if position < tokens.count { return tokens[position].location }
        return tokens.last?.location ?? SourceLocation(line: 1, column: 1)
    }

    /// The current token's packed spelling if it is a symbol or a
    /// reserved word, else 0.
    var currentKey: UInt64 { position < tokens.count ? tokens[position].spellingKey : 0 }

    // The spellings the parser asks about are literals (`StaticString`):
    // packing one is a few loads, with no `String` to walk.
    @inline(__always)
    func isSymbol(_ s: StaticString) -> Bool {
        guard let key = SpellingSet.key(s) else { return currentKind == .symbol("\(s)") }
        return currentKey == key
    }

    @inline(__always)
    func isKeyword(_ k: StaticString) -> Bool {
        guard let key = SpellingSet.key(k) else { return currentKind == .keyword("\(k)") }
        return currentKey == key
    }

    mutating func advance() { position += 1 }

    /// The diagnostic for the current token.
    func unexpected() -> Diagnostic {
        guard let token = current else {
            return Diagnostic("syntax error before: ", at: location)
        }
        return Diagnostic("syntax error before: \(token.errorText)", at: token.location)
    }

    mutating func expect(_ kind: Token.Kind) throws {
        guard currentKind == kind else { throw unexpected() }
        advance()
    }

    mutating func expectSymbol(_ s: StaticString) throws {
        guard isSymbol(s) else { throw unexpected() }
        advance()
    }

    mutating func expectKeyword(_ k: StaticString) throws {
        guard isKeyword(k) else { throw unexpected() }
        advance()
    }

    mutating func accept(_ s: StaticString) -> Bool {
        if isSymbol(s) {
            advance()
            return true
        }
        return false
    }

    /// exprs -> expr (',' expr)*
    mutating func exprs() throws -> [Expr] {
        var list = [try expr()]
        while accept(",") { list.append(try expr()) }
        return list
    }

    /// expr -> 'catch' expr | expr_100
    mutating func expr() throws -> Expr {
        depth += 1
        defer { depth -= 1 }
        guard depth < Parser.maxDepth else { throw Diagnostic("syntax error before: \(current?.errorText ?? "")", at: location) }
        if isKeyword("catch") {
            advance()
            return .catchExpr(try expr())
        }
        return try expr100()
    }

    /// expr_100 -> expr_150 ('=' | '!') expr_100   (right associative)
    mutating func expr100() throws -> Expr {
        let left = try expr150()
        let at = location
        if accept("=") { return .match(left, try expr100(), at) }
        if accept("!") { return .binaryOp("!", left, try expr100(), at) }
        return left
    }

    /// expr_150 -> expr_160 'orelse' expr_150
    mutating func expr150() throws -> Expr {
        let left = try expr160()
        let at = location
        if isKeyword("orelse") {
            advance()
            return .binaryOp("orelse", left, try expr150(), at)
        }
        return left
    }

    /// expr_160 -> expr_200 'andalso' expr_160
    mutating func expr160() throws -> Expr {
        let left = try expr200()
        let at = location
        if isKeyword("andalso") {
            advance()
            return .binaryOp("andalso", left, try expr160(), at)
        }
        return left
    }

    static let comparisonOps: SpellingSet = ["==", "/=", "=<", "<", ">=", ">", "=:=", "=/="]
    static let listOps: SpellingSet = ["++", "--"]

    /// expr_200 -> expr_300 comp_op expr_300   (non-associative)
    mutating func expr200() throws -> Expr {
        let left = try expr300()
        if Parser.comparisonOps.contains(key: currentKey), case .symbol(let s)? = currentKind {
            let at = location
            advance()
            return .binaryOp(s, left, try expr300(), at)
        }
        return left
    }

    /// expr_300 -> expr_400 ('++' | '--') expr_300   (right associative)
    mutating func expr300() throws -> Expr {
        let left = try expr400()
        if Parser.listOps.contains(key: currentKey), case .symbol(let s)? = currentKind {
            let at = location
            advance()
            return .binaryOp(s, left, try expr300(), at)
        }
        return left
    }

    /// expr_400 -> expr_400 add_op expr_500   (left associative)
    mutating func expr400() throws -> Expr {
        var left = try expr500()
        while let op = operatorHere(symbols: Parser.addSymbols, keywords: Parser.addKeywords) {
            let at = location
            advance()
            left = .binaryOp(op, left, try expr500(), at)
        }
        return left
    }

    /// expr_500 -> expr_500 mult_op expr_600   (left associative)
    mutating func expr500() throws -> Expr {
        var left = try expr600()
        while let op = operatorHere(symbols: Parser.mulSymbols, keywords: Parser.mulKeywords) {
            let at = location
            advance()
            left = .binaryOp(op, left, try expr600(), at)
        }
        return left
    }

    // Built once: a set literal at the call site is rebuilt on every call.
    static let addSymbols: SpellingSet = ["+", "-"]
    static let addKeywords: SpellingSet = ["bor", "bxor", "bsl", "bsr", "or", "xor"]
    static let mulSymbols: SpellingSet = ["*", "/"]
    static let mulKeywords: SpellingSet = ["div", "rem", "band", "and"]
    static let prefixKeywords: SpellingSet = ["bnot", "not"]

    func operatorHere(symbols: SpellingSet, keywords: SpellingSet) -> String? {
        guard symbols.contains(key: currentKey) || keywords.contains(key: currentKey) else { return nil }
        switch currentKind {
        case .symbol(let s)?, .keyword(let s)?: return s
        default: return nil
        }
    }

    /// expr_600 -> 'catch' expr | prefix_op expr_600 | expr_700
    ///
    /// `catch` has the lowest precedence but may start any operand
    /// (`X = catch 1 + 1`, `1 + catch 2`); it takes all it can to its right.
    mutating func expr600() throws -> Expr {
        if isKeyword("catch") {
            advance()
            return .catchExpr(try expr())
        }
        if let op = operatorHere(symbols: Parser.addSymbols, keywords: Parser.prefixKeywords) {
            let at = location
            advance()
            depth += 1
            defer { depth -= 1 }
            guard depth < Parser.maxDepth else { throw unexpected() }
            let operand = try expr600()
            if op == "-" {
                switch operand {
                case .integer(let i) where i != Int.min: return .integer(-i)
                case .float(let f): return .float(-f)
                default: break
                }
            }
            return .unaryOp(op, operand, at)
        }
        return try expr700()
    }

    /// expr_700 -> function_call | record_expr | map_expr | expr_800
    ///
    /// As in OTP 25's grammar, a call's function is an `expr_800` and a
    /// record or map suffix follows an `expr_max` or another suffix: the
    /// value of a call is neither called (`F()()`) nor given a suffix
    /// (`F()#{}`) without parentheses, and a suffixed value is not called.
    mutating func expr700() throws -> Expr {
        // A call's location is where its function expression starts
        // (erl_parse): inside any parentheses around it.
        var first = position
        while first < tokens.count, tokens[first].kind == .symbol("(") { first += 1 }
        let start = first < tokens.count ? tokens[first].location : location
        var base = try expr800()
        if isSymbol("(") { return .call(function: base, arguments: try argumentList(), start) }
        while isSymbol("#") { base = try recordOrMapSuffix(base) }
        return base
    }

    /// expr_800 -> expr_max ':' expr_max | expr_max
    mutating func expr800() throws -> Expr {
        let left = try exprMax()
        if accept(":") {
            return .remote(module: left, function: try exprMax())
        }
        return left
    }

    /// argument_list -> '(' ')' | '(' exprs ')'
    mutating func argumentList() throws -> [Expr] {
        try expectSymbol("(")
        if accept(")") { return [] }
        let args = try exprs()
        try expectSymbol(")")
        return args
    }
}
