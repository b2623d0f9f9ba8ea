import ErlangRuntime
import ErlangSyntax
import ErlangTerms

/// Compiling expressions to closures. Patterns and guards, which never
/// suspend, are matched by `Interpreter+Match` and `Interpreter+Guards`;
/// everything else becomes a `Compiled` closure here, once.
///
/// Split: this file is the expression switch and operators;
/// `Interpreter+CompileCalls` compiles calls and funs;
/// `Interpreter+RecordCalls` expands `record_info/2` and `is_record/2`;
/// `Interpreter+CompileControl` compiles clauses, case, if, receive, try,
/// catch and comprehensions; `Interpreter+CompileBuild` compiles
/// binaries, maps and records.
extension Interpreter {
    /// Compiles a body (a sequence of expressions).
    func compileBody(_ body: [Expr]) throws -> Compiled {
        .sequence(try body.indices.map { try compile(body, at: $0) })
    }

    /// A tuple or list written with literals alone (`[]`, `{a, [1]}`), made
    /// once: terms are immutable, so every evaluation may share it. `nil`
    /// for any other expression (and for a literal too large for
    /// `LiteralTerm`, which is then built as usual).
    private func literalConstant(_ e: Expr) -> Compiled? {
        guard Interpreter.isLiteral(e), let term = LiteralTerm.term(e) else { return nil }
        return .constant(term)
    }

    /// Compiles one expression. Errors found without running anything
    /// (an undefined record, an illegal expression) are thrown now.
    func compile(_ e: Expr) throws -> Compiled {
        switch e {
        case .integer, .bigInteger, .float, .atom, .char, .string:
            return .constant(Pattern.literal(e))
        case .variable(let name, let location):
            let variable = Variable(name)
            return .sync { env, _ in try Interpreter.value(of: variable, at: location, in: env) }
        case .tuple(let items):
            if let constant = literalConstant(e) { return constant }
            return try TupleTemplate.compile(items, compile)
        case .list(let items, let tail):
            if let constant = literalConstant(e) { return constant }
            var parts = try items.map(compile)
            if let tail { parts.append(try compile(tail)) }
            let hasTail = tail != nil
            return .all(parts) { values, _ in
                guard hasTail, let end = values.last else { return .list(values) }
                return .list(values.dropLast(), tail: end)
            }
        case .binary(let segments):
            return try compileBinary(segments)
        case .map(let base, let fields):
            return try compileMap(base, fields)
        case .record(let base, let name, let fields):
            return try compileRecord(base, name, fields)
        case .recordAccess(let base, let name, let field):
            return try compileRecordAccess(base, name, field)
        case .recordIndex(let name, let field):
            guard let names = records.fields(of: name) else {
                throw EvalDiagnostic.undefinedRecord(name)
            }
            guard let index = names.firstIndex(of: field) else {
                throw EvalDiagnostic.undefinedField(field, record: name)
            }
            return .constant(.int(index + 2))
        case .match(let patternExpr, let valueExpr, _):
            let value = try compile(valueExpr)
            let pattern = MatchPattern(Pattern(patternExpr))
            return .map(value) { term, env, _ in try pattern.matchOrRaise(term, &env, self) }
        case .binaryOp("andalso", let l, let r, _):
            return shortCircuit(try compile(l), try compile(r), continueOn: true)
        case .binaryOp("orelse", let l, let r, _):
            return shortCircuit(try compile(l), try compile(r), continueOn: false)
        case .binaryOp("!", let l, let r, _):
            return .pair(try compile(l), try compile(r)) { dest, message, process in
                try self.send(dest, message, process)
            }
        case .binaryOp(let op, let l, let r, _):
            guard let resolved = BinaryOperator(rawValue: op) else {
                return .pair(try compile(l), try compile(r)) { a, b, _ in throw Operators.badarg(op, [a, b]) }
            }
            let combine: @Sendable (Term, Term, ErlangProcess) throws -> Term
            if module != Self.shellModule, InlineArithmetic.isInline(op, l, r) {
                combine = { a, b, _ in
                    do {
                        return try resolved.apply(a, b)
                    } catch let exception as ErlangException {
                        throw InlineArithmetic.withoutOperatorFrame(exception)
                    }
                }
            } else {
                combine = { a, b, _ in try resolved.apply(a, b) }
            }
            if let counter = InlineArithmetic.counterStep(resolved, l, r, combine) { return counter }
            return .pair(try compile(l), try compile(r), combine)
        case .unaryOp(let op, let operand, _):
            return .map(try compile(operand)) { a, _, _ in try Operators.unary(op, a) }
        case .call(let function, let arguments, let location):
            if let expanded = try compileRecordCall(function, arguments, at: location) { return expanded }
            return try compileCall(function, arguments)
        case .remote:
            throw EvalDiagnostic("illegal expression", at: SourceLocation(line: 1, column: 1))
        case .functionReference(let moduleExpr, let functionExpr, let arityExpr):
            return try compileFunctionReference(moduleExpr, functionExpr, arityExpr)
        case .fun(let name, let clauses):
            return try compileFun(name: name, clauses: clauses)
        case .caseOf(let subject, let clauses):
            return try compileCase(subject, clauses)
        case .ifClauses(let clauses):
            return try compileIf(clauses)
        case .receive(let clauses, let after):
            return try compileReceive(clauses, after)
        case .tryCatch(let body, let ofClauses, let catchClauses, let after):
            return try compileTry(body, ofClauses, catchClauses, after)
        case .catchExpr(let inner):
            return compileCatch(try compile(inner))
        case .block(let body):
            return try compileBody(body)
        case .listComprehension(let template, let qualifiers):
            return try compileListComprehension(template, qualifiers)
        case .binaryComprehension(let template, let qualifiers):
            return try compileBinaryComprehension(template, qualifiers)
        }
    }

    /// `andalso` (`continueOn: true`) and `orelse` (`false`): the right side
    /// runs only when the left is `continueOn`, and its value is the result.
    private func shortCircuit(_ left: Compiled, _ right: Compiled, continueOn: Bool) -> Compiled {
        let stop = Term.bool(!continueOn)
        @Sendable func check(_ value: Term) throws -> Bool {
            guard let b = value.boolValue else { throw ErlangException.error(.tuple([.atom(.badarg), value])) }
            return b == continueOn
        }
        if let l = left.syncCode, let r = right.syncCode {
            return .sync { env, process in
                try check(try l(&env, process)) ? try r(&env, process) : stop
            }
        }
        let (l, r) = (left.code, right.code)
        return .async { env, process in
            try check(try await l(&env, process)) ? try await r(&env, process) : stop
        }
    }
}
