import ErlangSyntax

/// Walking expressions and patterns: which variables each binds and uses,
/// and which functions and records it refers to.
extension ModuleLinter {
    mutating func body(_ exprs: [Expr], _ scope: inout Scope) {
        for e in exprs { expr(e, &scope) }
    }

    mutating func guards(_ guards: [[Expr]], _ scope: inout Scope) {
        for conjunction in guards {
            for test in conjunction {
                if let bad = Interpreter.illegalGuardPart(test) {
                    errors.append(diagnostic(Interpreter.illegalGuardLocation(bad), "illegal guard expression"))
                    continue
                }
                var inner = scope
                expr(test, &inner)
            }
        }
    }

    mutating func use(_ name: String, _ at: SourceLocation, _ scope: Scope) {
        guard name != "_" else {
            errors.append(diagnostic(at, "variable '_' is unbound"))
            return
        }
        if let index = scope[name] {
            variables[index].used = true
        } else if let (construct, where_, index) = unsafe[name] {
            variables[index].used = true
            errors.append(diagnostic(at, "variable '\(name)' unsafe in '\(construct)' (line \(where_.line), column \(where_.column))"))
        } else {
            errors.append(diagnostic(at, "variable '\(name)' is unbound"))
        }
    }

    /// Binds the variables of `pattern`. With `fresh` (fun heads and
    /// generators) a variable already bound outside is a new one.
    mutating func pattern(_ p: Expr, _ scope: inout Scope, fresh: Bool, shadowed: Scope? = nil, what: String = "fun") {
        switch p {
        case .variable(let name, let at):
            guard name != "_" else { return }
            if let index = scope[name], shadowed?[name] != index || !fresh {
                variables[index].used = true
                return
            }
            if fresh, shadowed?[name] != nil {
                warn(at, "variable '\(name)' shadowed in '\(what)'")
            }
            variables.append(Variable(name: name, location: at))
            scope[name] = variables.count - 1
        case .integer, .bigInteger, .float, .atom, .char, .string:
            return
        case .tuple(let items):
            for item in items { pattern(item, &scope, fresh: fresh, shadowed: shadowed, what: what) }
        case .list(let items, let tail):
            for item in items { pattern(item, &scope, fresh: fresh, shadowed: shadowed, what: what) }
            if let tail { pattern(tail, &scope, fresh: fresh, shadowed: shadowed, what: what) }
        case .binary(let segments):
            for (index, segment) in segments.enumerated() {
                if let size = segment.size { var inner = scope; expr(size, &inner) }
                pattern(segment.value, &scope, fresh: fresh, shadowed: shadowed, what: what)
                if index < segments.count - 1, ShellLinter.isUnsizedTail(segment) {
                    errors.append(diagnostic(ShellLinter.someLocation(in: segment.value) ?? fallbackLocation,
                                             "a binary field without size is only allowed at the end of a binary pattern"))
                }
            }
        case .map(_, let fields):
            for field in fields {
                guard field.isExact else {
                    errors.append(diagnostic(field.operatorLocation, "illegal pattern"))
                    continue
                }
                var inner = scope
                expr(field.key, &inner)
                pattern(field.value, &scope, fresh: fresh, shadowed: shadowed, what: what)
            }
        case .record(_, let name, let fields):
            checkRecord(name, fields.map(\.name))
            for field in fields { pattern(field.value, &scope, fresh: fresh, shadowed: shadowed, what: what) }
        case .recordIndex(let name, let field):
            checkRecord(name, [field])
        case .match(let l, let r, _):
            pattern(l, &scope, fresh: fresh, shadowed: shadowed, what: what)
            pattern(r, &scope, fresh: fresh, shadowed: shadowed, what: what)
        case .binaryOp("++", let prefix, let rest, let at):
            // A prefix of character codes, then a pattern; erl_lint takes
            // nothing else, and binds nothing of what it refuses.
            guard Pattern.literalCodes(prefix) != nil else {
                errors.append(diagnostic(at, "illegal pattern"))
                return
            }
            pattern(rest, &scope, fresh: fresh, shadowed: shadowed, what: what)
        case .binaryOp(_, _, _, let at), .unaryOp(_, _, let at):
            if !ShellLinter.isConstantPatternExpression(p) { errors.append(diagnostic(at, "illegal pattern")) }
        case .recordAccess, .call, .remote, .functionReference, .fun, .caseOf, .ifClauses, .receive, .tryCatch,
             .catchExpr, .block, .listComprehension, .binaryComprehension:
            var inner = scope
            expr(p, &inner)
        }
    }

    @discardableResult
    mutating func checkRecord(_ name: String, _ fields: [String]) -> Bool {
        usedRecords.insert(name)
        guard let known = recordFields[name] else {
            errors.append(diagnostic(recordLocation(name) ?? fallbackLocation, "record \(name) undefined"))
            return false
        }
        for field in fields where field != "_" && !known.contains(field) {
            errors.append(diagnostic(fieldLocation(name, field) ?? fallbackLocation, "field \(field) undefined in record \(name)"))
        }
        return true
    }

    var fallbackLocation: SourceLocation { tokens.first?.location ?? SourceLocation(line: 1, column: 1) }

    /// A call or reference to the local function `name/arity`.
    mutating func local(_ name: String, _ arity: Int, at: SourceLocation) {
        let key = "\(name)/\(arity)"
        if defined.contains(key) {
            calls[current, default: []].insert(key)
            if AutoImports.isOld(name, arity), !source.noAutoImport.contains(key) {
                errors.append(diagnostic(at, "ambiguous call of overridden pre R14 auto-imported BIF \(key)\n"
                    + " - use erlang:\(key) or \"-compile({no_auto_import,[\(key)]}).\" to resolve name clash"))
            }
            return
        }
        if imported.contains(key) || AutoImports.isAutoImported(name, arity) && !source.noAutoImport.contains(key) { return }
        errors.append(diagnostic(at, "function \(key) undefined"))
    }

    /// The clauses of a fun (`fresh`), or of a case/if/receive: a variable
    /// bound in every clause is bound after it; one bound in only some is
    /// unsafe there (`construct` names it in the error).
    mutating func clauses(_ list: [Clause], _ scope: inout Scope, fresh: Bool = false, what: String = "fun",
                          construct: (name: String, keyword: String)? = nil, extra: [Scope] = []) {
        var added: [Scope] = []
        for clause in list {
            var inner = scope
            for p in clause.patterns { pattern(p, &inner, fresh: fresh, shadowed: fresh ? scope : nil, what: what) }
            guards(clause.guards, &inner)
            body(clause.body, &inner)
            if !fresh { added.append(inner.filter { scope[$0.key] == nil }) }
        }
        added += extra
        guard !fresh, let first = added.first else { return }
        let everywhere = first.filter { entry in added.allSatisfy { $0[entry.key] != nil } }
        scope.merge(everywhere) { a, _ in a }
        let at = constructLocation(construct?.keyword, before: list.first?.location)
        for branch in added {
            for (name, index) in branch where everywhere[name] == nil && unsafe[name] == nil {
                unsafe[name] = (construct?.name ?? "case", at, index)
            }
        }
    }

    /// The location of the nearest `keyword` token before `location`.
    func constructLocation(_ keyword: String?, before location: SourceLocation?) -> SourceLocation {
        guard let keyword, let location else { return fallbackLocation }
        var found: SourceLocation?
        for token in tokens {
            if token.location.line > location.line || token.location.line == location.line && token.location.column >= location.column { break }
            if token.kind == .keyword(keyword) { found = token.location }
        }
        return found ?? fallbackLocation
    }

    mutating func expr(_ e: Expr, _ scope: inout Scope) {
        switch e {
        case .integer, .bigInteger, .float, .atom, .char, .string:
            return
        case .variable(let name, let at):
            use(name, at, scope)
        case .tuple(let items):
            for item in items { expr(item, &scope) }
        case .list(let items, let tail):
            for item in items { expr(item, &scope) }
            if let tail { expr(tail, &scope) }
        case .binary(let segments):
            for segment in segments {
                expr(segment.value, &scope)
                if let size = segment.size { expr(size, &scope) }
            }
        case .map(let base, let fields):
            if let base { expr(base, &scope) }
            for field in fields {
                expr(field.key, &scope)
                expr(field.value, &scope)
            }
        case .record(let base, let name, let fields):
            if let base { expr(base, &scope) }
            // erl_lint does not look inside a record it does not know.
            guard checkRecord(name, fields.map(\.name)) else { return }
            for field in fields { expr(field.value, &scope) }
        case .recordAccess(let base, let name, let field):
            expr(base, &scope)
            checkRecord(name, [field])
        case .recordIndex(let name, let field):
            checkRecord(name, [field])
        case .match(let l, let r, _):
            expr(r, &scope)
            pattern(l, &scope, fresh: false)
        case .binaryOp(_, let l, let r, _):
            expr(l, &scope)
            expr(r, &scope)
        case .unaryOp(_, let operand, _):
            expr(operand, &scope)
        case .call(let function, let arguments, let at):
            switch function {
            case .atom("record_info") where arguments.count == 2:
                // Not a function: the compiler makes it the record's
                // fields or size.
                if case .atom(let record) = arguments[1] {
                    usedRecords.insert(record)
                    if recordFields[record] == nil { errors.append(diagnostic(at, "record \(record) undefined")) }
                }
            case .atom(let name):
                local(name, arguments.count, at: at)
            case .remote(let m, let f):
                expr(m, &scope)
                expr(f, &scope)
            default:
                expr(function, &scope)
            }
            for argument in arguments { expr(argument, &scope) }
            if case .atom("is_record") = function, arguments.count >= 2, case .atom(let record) = arguments[1] {
                usedRecords.insert(record)
            }
        case .remote(let m, let f):
            expr(m, &scope)
            expr(f, &scope)
        case .functionReference(let module, let function, let arity):
            if let module {
                expr(module, &scope)
                expr(function, &scope)
                expr(arity, &scope)
            } else if case .atom(let name) = function, case .integer(let n) = arity {
                local(name, n, at: functionReferenceLocation(name) ?? fallbackLocation)
            }
        case .fun(let name, let list):
            var inner = scope
            if let name {
                variables.append(Variable(name: name, location: list.first?.location ?? fallbackLocation, used: true))
                inner[name] = variables.count - 1
            }
            clauses(list, &inner, fresh: true)
        case .caseOf(let subject, let list):
            expr(subject, &scope)
            clauses(list, &scope, construct: ("case", "case"))
        case .ifClauses(let list):
            clauses(list, &scope, construct: ("if", "if"))
        case .receive(let list, let after):
            var afterScope: [Scope] = []
            if let after {
                var inner = scope
                expr(after.timeout, &inner)
                body(after.body, &inner)
                afterScope = [inner.filter { scope[$0.key] == nil }]
            }
            clauses(list, &scope, construct: ("receive", "receive"), extra: afterScope)
        case .tryCatch(let tryBody, let ofClauses, let catchClauses, let after):
            var inner = scope
            body(tryBody, &inner)
            var ofScope = inner
            clauses(ofClauses, &ofScope)
            var catchScope = scope
            clauses(catchClauses, &catchScope)
            var afterScope = scope
            body(after, &afterScope)
        case .catchExpr(let inner):
            expr(inner, &scope)
        case .block(let list):
            body(list, &scope)
        case .listComprehension(let template, let qualifiers), .binaryComprehension(let template, let qualifiers):
            var inner = scope
            for qualifier in qualifiers {
                switch qualifier {
                case .generator(let p, let source), .binaryGenerator(let p, let source):
                    expr(source, &inner)
                    let outer = inner
                    pattern(p, &inner, fresh: true, shadowed: outer, what: "generate")
                case .filter(let condition):
                    expr(condition, &inner)
                }
            }
            expr(template, &inner)
        }
    }

    /// The location of `fun name/` in the current function.
    func functionReferenceLocation(_ name: String) -> SourceLocation? {
        for i in tokens.indices.dropLast() where tokens[i].kind == .keyword("fun") && tokens[i + 1].kind == .atom(name) {
            return tokens[i].location
        }
        return nil
    }
}
