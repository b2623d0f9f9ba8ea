extension Parser {
    /// case -> 'case' expr 'of' cr_clauses 'end'
    mutating func caseExpr() throws -> Expr {
        try expectKeyword("case")
        let subject = try nested { try $0.expr() }
        try expectKeyword("of")
        let clauses = try clauseList(patternCount: 1)
        try expectKeyword("end")
        return .caseOf(subject, clauses)
    }

    /// if -> 'if' if_clauses 'end';  if_clause -> guard '->' exprs
    mutating func ifExpr() throws -> Expr {
        try expectKeyword("if")
        var clauses: [Clause] = []
        repeat {
            let at = location
            let guards = try guardSequence()
            try expectSymbol("->")
            clauses.append(Clause(patterns: [], guards: guards, body: try nested { try $0.exprs() }, location: at))
        } while accept(";")
        try expectKeyword("end")
        return .ifClauses(clauses)
    }

    /// receive -> 'receive' cr_clauses ['after' expr '->' exprs] 'end'
    mutating func receiveExpr() throws -> Expr {
        try expectKeyword("receive")
        var clauses: [Clause] = []
        if !isKeyword("after") { clauses = try clauseList(patternCount: 1) }
        var after: ReceiveAfter?
        if isKeyword("after") {
            advance()
            let timeout = try expr()
            try expectSymbol("->")
            after = ReceiveAfter(timeout: timeout, body: try nested { try $0.exprs() })
        }
        try expectKeyword("end")
        return .receive(clauses, after: after)
    }

    /// try -> 'try' exprs ['of' cr_clauses] ['catch' try_clauses] ['after' exprs] 'end'
    mutating func tryExpr() throws -> Expr {
        try expectKeyword("try")
        let body = try nested { try $0.exprs() }
        var ofClauses: [Clause] = []
        var catchClauses: [Clause] = []
        var after: [Expr] = []
        if isKeyword("of") {
            advance()
            ofClauses = try clauseList(patternCount: 1)
        }
        if isKeyword("catch") {
            advance()
            catchClauses = try catchClauseList()
        }
        if isKeyword("after") {
            advance()
            after = try nested { try $0.exprs() }
        }
        guard !catchClauses.isEmpty || !after.isEmpty else { throw unexpected() }
        try expectKeyword("end")
        return .tryCatch(body: body, ofClauses: ofClauses, catchClauses: catchClauses, after: after)
    }

    /// try_clause -> [Class ':'] Reason [':' Stack] [guard] '->' exprs.
    /// The pattern is stored as a 3-tuple `{Class, Reason, Stack}`.
    mutating func catchClauseList() throws -> [Clause] {
        var clauses: [Clause] = []
        repeat {
            let at = location
            var klass: Expr = .atom("throw")
            var stack: Expr = .variable("_", at)
            if let explicit = catchClassHere() {
                // `Class:Reason[:Stack]`: the reason is a whole pattern
                // (`error:badarith = E`), the stack the last `:` part.
                klass = explicit
                let (reason, trace) = Self.splittingStacktrace(try expr())
                if let trace { stack = trace }
                let guards = try optionalGuard()
                try expectSymbol("->")
                let body = try nested { try $0.exprs() }
                clauses.append(Clause(patterns: [.tuple([klass, reason, stack])], guards: guards, body: body, location: at))
                continue
            }
            let first = try expr()
            var reason = first
            if case .remote(let c, let r) = first {
                // `Class:Reason` was read as a remote name by expr_800.
                klass = c
                reason = r
                if accept(":") { stack = try exprMax() }
            } else if accept(":") {
                klass = first
                reason = try expr()
                if accept(":") { stack = try exprMax() }
            }
            let guards = try optionalGuard()
            try expectSymbol("->")
            let body = try nested { try $0.exprs() }
            clauses.append(Clause(patterns: [.tuple([klass, reason, stack])], guards: guards, body: body, location: at))
        } while accept(";")
        return clauses
    }

    /// The class of a catch clause, `atom ':'` or `Var ':'`, consumed; nil
    /// (nothing consumed) when the clause has no class.
    mutating func catchClassHere() -> Expr? {
        guard position + 1 < tokens.count, tokens[position + 1].kind == .symbol(":"), let token = current else { return nil }
        let klass: Expr
        switch token.kind {
        case .atom(let name): klass = .atom(name)
        case .variable(let name): klass = .variable(name, token.location)
        default: return nil
        }
        advance()
        advance()
        return klass
    }

    /// A catch clause's reason pattern and its `:Stack` variable, which the
    /// expression parser read as a remote name (`badarg:S`, or the right
    /// end of a match: `{bad, N} = Full:S`).
    static func splittingStacktrace(_ e: Expr) -> (Expr, Expr?) {
        switch e {
        case .remote(let reason, let stack):
            return (reason, stack)
        case .match(let l, let r, let at):
            let (right, stack) = splittingStacktrace(r)
            return (.match(l, right, at), stack)
        case .integer, .bigInteger, .float, .atom, .char, .string, .variable, .tuple, .list, .binary, .map, .record,
             .recordAccess, .recordIndex, .binaryOp, .unaryOp, .call, .functionReference, .fun, .caseOf, .ifClauses,
             .receive, .tryCatch, .catchExpr, .block, .listComprehension, .binaryComprehension:
            return (e, nil)
        }
    }

    /// cr_clauses -> cr_clause (';' cr_clause)*;  cr_clause -> pattern [guard] '->' exprs
    mutating func clauseList(patternCount: Int) throws -> [Clause] {
        var clauses: [Clause] = []
        repeat {
            let at = location
            let pattern = try expr()
            let guards = try optionalGuard()
            try expectSymbol("->")
            clauses.append(Clause(patterns: [pattern], guards: guards, body: try nested { try $0.exprs() }, location: at))
        } while accept(";")
        return clauses
    }

    /// ['when' guard]
    mutating func optionalGuard() throws -> [[Expr]] {
        guard isKeyword("when") else { return [] }
        advance()
        return try guardSequence()
    }

    /// guard -> exprs (';' exprs)*
    mutating func guardSequence() throws -> [[Expr]] {
        var alternatives = [try exprs()]
        while isSymbol(";") {
            // `;` separates guard alternatives only before `->`; look ahead.
            let save = position
            advance()
            guard let conj = try? exprs(), isSymbol("->") || isSymbol(";") else {
                position = save
                break
            }
            alternatives.append(conj)
        }
        return alternatives
    }

    /// fun -> 'fun' atom '/' integer | 'fun' atom_or_var ':' atom_or_var '/'
    /// integer_or_var | 'fun' fun_clauses 'end' (OTP 25's grammar: any other
    /// term in those places is a syntax error there).
    mutating func funExpr() throws -> Expr {
        try expectKeyword("fun")
        if case .atom(let name)? = currentKind, position + 1 < tokens.count, tokens[position + 1].kind == .symbol("/") {
            advance()
            advance()
            guard case .integer(let arity)? = currentKind else { throw unexpected() }
            advance()
            return .functionReference(module: nil, function: .atom(name), arity: .integer(arity))
        }
        if !isSymbol("(") {
            if case .variable(let name)? = currentKind, position + 1 < tokens.count, tokens[position + 1].kind == .symbol("(") {
                advance()
                return try funClauses(name: name)
            }
            let module = try atomOrVariable()
            try expectSymbol(":")
            let function = try atomOrVariable()
            try expectSymbol("/")
            switch currentKind {
            case .integer(let arity)?:
                advance()
                return .functionReference(module: module, function: function, arity: .integer(arity))
            case .variable?:
                return .functionReference(module: module, function: function, arity: try exprMax())
            default:
                throw unexpected()
            }
        }
        return try funClauses(name: nil)
    }

    /// An atom or a variable (a `fun M:F/A` part).
    private mutating func atomOrVariable() throws -> Expr {
        switch currentKind {
        case .atom?, .variable?: return try exprMax()
        default: throw unexpected()
        }
    }

    /// fun_clauses -> fun_clause (';' fun_clause)* 'end';  fun_clause -> [Var] '(' patterns ')' [guard] '->' exprs
    mutating func funClauses(name: String?) throws -> Expr {
        var clauses: [Clause] = []
        var first = true
        repeat {
            if !first, name != nil {
                guard case .variable(let again)? = currentKind, again == name else { throw unexpected() }
                advance()
            }
            first = false
            let at = location
            let patterns = try nested { try $0.argumentList() }
            let guards = try optionalGuard()
            try expectSymbol("->")
            clauses.append(Clause(patterns: patterns, guards: guards, body: try nested { try $0.exprs() }, location: at))
        } while accept(";")
        try expectKeyword("end")
        return .fun(name: name, clauses: clauses)
    }
}
