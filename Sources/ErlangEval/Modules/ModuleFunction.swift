import ErlangRuntime
import ErlangSyntax
import ErlangTerms

/// One function of an interpreted module: its clauses, tried in order.
/// An exception leaving the function gets the frame
/// `{Module, Function, Arity, [{file, File}, {line, Line}]}` for the body
/// expression that raised, as BEAM's stacktraces have, except after a
/// tail call (BEAM keeps no frame for a function that tail-called).
/// No clause matching gives `function_clause` with the frame
/// `{Module, Function, Args, [{file, File}, {line, FirstClauseLine}]}`.
struct ModuleFunction: Sendable {
    let definition: FunctionDefinition
    let scope: LocalScope
    /// The line of each clause's body expressions.
    private let bodyLines: [[Int]]
    /// The interpreter for the module's code, made once.
    private let interpreter: Interpreter
    /// Each clause's body expressions, compiled once at load (DESIGN.md:
    /// never re-walk the syntax tree per call), or why they cannot be.
    private let bodies: Result<[[Compiled]], any Error>

    /// erl keeps at most this many frames (`backtrace_depth`).
    static let maxFrames = 8

    init(definition: FunctionDefinition, scope: LocalScope) {
        self.definition = definition
        self.scope = scope
        bodyLines = definition.clauses.map { clause in
            clause.body.map { ExprLocation.first($0)?.line ?? clause.location.line }
        }
        let interpreter = scope.interpreter
        self.interpreter = interpreter
        bodies = Result { try definition.clauses.map { try $0.body.map(interpreter.compile) } }
    }

    /// Runs the first clause matching `args`.
    func call(_ process: ErlangProcess, _ args: [Term]) async throws -> Term {
        try await process.tick()
        let bodies = try self.bodies.get()
        for (index, clause) in definition.clauses.enumerated() where clause.patterns.count == args.count {
            var env = Bindings()
            var matched = true
            for (pattern, value) in zip(clause.patterns, args) where !(try interpreter.bind(pattern, value, &env)) {
                matched = false
                break
            }
            guard matched, try interpreter.guardSucceeds(clause.guards, env) else { continue }
            var result = Term.ok
            let last = clause.body.count - 1
            for (position, code) in bodies[index].enumerated() {
                do {
                    result = try await code.code(&env, process)
                } catch var exception as ErlangException {
                    if position != last || !isTailCall(clause.body[position]) {
                        appendFrame(&exception, arity: .int(args.count), line: bodyLines[index][position])
                    }
                    throw exception
                }
            }
            return result
        }
        var exception = ErlangException(.error, .atom(.functionClause))
        appendFrame(&exception, arity: .list(args), line: definition.clauses.first?.location.line ?? definition.location.line)
        throw exception
    }

    private func appendFrame(_ exception: inout ErlangException, arity: Term, line: Int) {
        guard exception.stacktrace.count < Self.maxFrames else { return }
        let location = Term.list([
            .tuple([.atom(Atom("file")), .string(scope.file)]),
            .tuple([.atom(Atom("line")), .int(line)]),
        ])
        exception.stacktrace.append(.tuple([.atom(scope.module), .atom(Atom(definition.name)), arity, location]))
    }

    /// Whether `expr` is a call BEAM makes as a tail call (to Erlang code,
    /// not a BIF), so that the caller's frame is gone when it raises.
    private func isTailCall(_ expr: Expr) -> Bool {
        guard case .call(let function, let arguments, _) = expr else { return false }
        switch function {
        case .atom(let name):
            return scope.function(FunctionKey(Atom(name), arguments.count)) != nil
                || scope.imports[FunctionKey(Atom(name), arguments.count)] != nil
        case .remote(.atom(let module), _):
            return module != "erlang"
        default:
            return true
        }
    }
}
