/// Reading one form's tokens: a function definition or an attribute's
/// arguments. Mirrors the `function` and `attribute` rules of erl_parse.
extension Parser {
    /// function -> function_clause (';' function_clause)* '.'
    /// function_clause -> atom clause_args clause_guard clause_body
    mutating func functionDefinition() throws -> FunctionDefinition {
        guard case .atom(let name)? = currentKind else { throw unexpected() }
        let start = location
        var clauses: [Clause] = []
        var arity: Int?
        repeat {
            guard case .atom(let clauseName)? = currentKind else { throw unexpected() }
            let at = location
            advance()
            let patterns = try nested { try $0.argumentList() }
            if clauseName != name || (arity != nil && arity != patterns.count) {
                throw Diagnostic("head mismatch", at: at)
            }
            arity = patterns.count
            let guards = try optionalGuard()
            try expectSymbol("->")
            let body = try nested { try $0.exprs() }
            clauses.append(Clause(patterns: patterns, guards: guards, body: body, location: at))
        } while accept(";")
        try expect(.dot)
        return FunctionDefinition(name: name, arity: arity ?? 0, clauses: clauses, location: start)
    }

    /// attribute -> '-' atom '(' exprs ')' '.'   (the cursor is after the atom)
    mutating func attributeArguments() throws -> [Expr] {
        let args = try argumentList()
        try expect(.dot)
        return args
    }
}
