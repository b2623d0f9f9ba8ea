import ErlangRuntime
import ErlangSyntax
import ErlangTerms

/// One function of an interpreted module: its clauses, tried in order.
///
/// Calls in tail position (the last expression of a body, also inside
/// case/if/receive/begin) to the module's own functions do not nest: the
/// function returns the next call to make and `call` loops, so a server
/// loop `loop(S) -> receive M -> loop(f(M, S)) end.` runs in constant
/// space, as in BEAM.
///
/// An exception leaving the function gets the frame
/// `{Module, Function, Arity, [{file, File}, {line, Line}]}` for the
/// expression that raised, as BEAM's stacktraces have; a tail call leaves
/// no frame for its caller. No clause matching gives `function_clause`
/// with the frame `{Module, Function, Args, [{file, File}, {line, FirstClauseLine}]}`.
struct ModuleFunction: Sendable {
    let definition: FunctionDefinition
    let scope: LocalScope

    /// erl keeps at most this many frames (`backtrace_depth`).
    static let maxFrames = 8

    /// What running a body gave: a value, or the next local call to make.
    enum Step {
        case value(Term)
        case tailCall(ModuleFunction, [Term])
    }

    /// Runs the first clause matching `args`, and the tail calls it makes.
    func call(_ process: ErlangProcess, _ args: [Term]) async throws -> Term {
        let interpreter = scope.interpreter
        var function = self
        var arguments = args
        while true {
            try await process.tick()
            switch try await function.run(arguments, interpreter, process) {
            case .value(let value): return value
            case .tailCall(let next, let nextArguments):
                function = next
                arguments = nextArguments
            }
        }
    }

    private func run(_ args: [Term], _ interpreter: Interpreter, _ process: ErlangProcess) async throws -> Step {
        for clause in definition.clauses where clause.patterns.count == args.count {
            var env = Bindings()
            var matched = true
            for (pattern, value) in zip(clause.patterns, args) where !(try interpreter.bind(pattern, value, &env)) {
                matched = false
                break
            }
            guard matched, try interpreter.guardSucceeds(clause.guards, env) else { continue }
            return try await body(clause.body, &env, interpreter, process)
        }
        var exception = ErlangException(.error, .atom(.functionClause))
        appendFrame(&exception, arity: .list(args), line: definition.clauses.first?.location.line ?? definition.location.line)
        throw exception
    }

    /// A body: every expression but the last evaluated, the last in tail position.
    private func body(_ exprs: [Expr], _ env: inout Bindings, _ interpreter: Interpreter,
                      _ process: ErlangProcess) async throws -> Step {
        guard let last = exprs.last else { return .value(.ok) }
        for e in exprs.dropLast() { _ = try await framed(e, &env, interpreter, process) }
        return try await tail(last, &env, interpreter, process)
    }

    /// An expression in tail position.
    private func tail(_ e: Expr, _ env: inout Bindings, _ interpreter: Interpreter,
                      _ process: ErlangProcess) async throws -> Step {
        switch e {
        case .call(.atom(let name), let arguments, _):
            guard let next = scope.function(FunctionKey(Atom(name), arguments.count)) else { break }
            var values: [Term] = []
            values.reserveCapacity(arguments.count)
            for a in arguments { values.append(try await framed(a, &env, interpreter, process)) }
            return .tailCall(next, values)
        case .caseOf(let subject, let clauses):
            let value = try await framed(subject, &env, interpreter, process)
            for clause in clauses {
                var scope = env
                guard try interpreter.bind(clause.patterns[0], value, &scope),
                      try interpreter.guardSucceeds(clause.guards, scope) else { continue }
                env = scope
                return try await body(clause.body, &env, interpreter, process)
            }
            throw framedError(.tuple([.atom(.caseClause), value]), at: e)
        case .ifClauses(let clauses):
            for clause in clauses where try interpreter.guardSucceeds(clause.guards, env) {
                return try await body(clause.body, &env, interpreter, process)
            }
            throw framedError(.atom(.ifClause), at: e)
        case .block(let exprs):
            return try await body(exprs, &env, interpreter, process)
        case .receive(let clauses, let after):
            return try await receive(clauses, after, e, &env, interpreter, process)
        default:
            break
        }
        return .value(try await framed(e, &env, interpreter, process))
    }

    /// `receive` in tail position; mirrors the interpreter's receive.
    private func receive(_ clauses: [Clause], _ after: ReceiveAfter?, _ e: Expr, _ env: inout Bindings,
                         _ interpreter: Interpreter, _ process: ErlangProcess) async throws -> Step {
        var timeout = ErlangProcess.ReceiveTimeout.infinity
        if let after {
            switch try await framed(after.timeout, &env, interpreter, process) {
            case .int(let ms) where ms >= 0: timeout = .milliseconds(Int64(ms))
            case .atom(let a) where a == .infinity: timeout = .infinity
            default: throw framedError(.atom(Atom("timeout_value")), at: e)
            }
        }
        let snapshot = env
        let picked: (Clause, Bindings)? = try await process.receive(timeout: timeout) { message in
            for clause in clauses {
                var scope = snapshot
                if try interpreter.bind(clause.patterns[0], message, &scope), try interpreter.guardSucceeds(clause.guards, scope) {
                    return (clause, scope)
                }
            }
            return nil
        }
        if let (clause, scope) = picked {
            env = scope
            return try await body(clause.body, &env, interpreter, process)
        }
        return try await body(after?.body ?? [], &env, interpreter, process)
    }

    /// Evaluates `e`, adding this function's frame to an exception it raises.
    private func framed(_ e: Expr, _ env: inout Bindings, _ interpreter: Interpreter,
                        _ process: ErlangProcess) async throws -> Term {
        do {
            return try await interpreter.eval(e, &env, process)
        } catch var exception as ErlangException {
            appendFrame(&exception, arity: .int(definition.arity), line: line(of: e))
            throw exception
        }
    }

    private func framedError(_ reason: Term, at e: Expr) -> ErlangException {
        var exception = ErlangException(.error, reason)
        appendFrame(&exception, arity: .int(definition.arity), line: line(of: e))
        return exception
    }

    private func line(of e: Expr) -> Int {
        ExprLocation.first(e)?.line ?? definition.location.line
    }

    private func appendFrame(_ exception: inout ErlangException, arity: Term, line: Int) {
        guard exception.stacktrace.count < Self.maxFrames else { return }
        let location = Term.list([
            .tuple([.atom(Atom("file")), .string(scope.file)]),
            .tuple([.atom(Atom("line")), .int(line)]),
        ])
        exception.stacktrace.append(.tuple([.atom(scope.module), .atom(Atom(definition.name)), arity, location]))
    }
}
