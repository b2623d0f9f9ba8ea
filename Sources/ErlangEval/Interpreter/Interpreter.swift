import ErlangRuntime
import ErlangSyntax
import ErlangTerms

/// Evaluates Erlang expressions inside a process, as `erl_eval` does for
/// the shell: bindings in, value out, exceptions as `ErlangException`.
///
/// Split: this file evaluates expressions; `Interpreter+Match` matches
/// patterns; `Interpreter+Guards` evaluates guards (which never suspend);
/// `Interpreter+Control` has case/receive/try and comprehensions;
/// `InterpretedFun` is a closure made by `fun ... end`.
///
/// This first evaluator walks the syntax tree. DESIGN.md asks for
/// compilation to closures; that replaces this walker without changing
/// the interface.
public struct Interpreter: Sendable {
    /// Handles a call to a local function that is not an auto-imported BIF
    /// (the shell's commands, or a module's own functions).
    public typealias LocalHandler = @Sendable (_ name: String, _ args: [Term], _ process: ErlangProcess) async throws -> Term?

    /// The module funs are attributed to (`erl_eval` in the shell).
    public let module: Atom
    /// Record definitions in scope.
    public let records: RecordTable
    /// Local calls the interpreter cannot resolve itself.
    public let localHandler: LocalHandler?

    /// An interpreter for code of `module`.
    public init(module: Atom = Atom("erl_eval"), records: RecordTable = RecordTable(), localHandler: LocalHandler? = nil) {
        self.module = module
        self.records = records
        self.localHandler = localHandler
    }

    /// Evaluates a body (a sequence of expressions); returns the last value.
    public func evalBody(_ body: [Expr], _ env: inout Bindings, _ process: ErlangProcess) async throws -> Term {
        var result = Term.ok
        for e in body { result = try await eval(e, &env, process) }
        return result
    }

    /// Evaluates one expression, updating `env` with the variables it binds.
    public func eval(_ e: Expr, _ env: inout Bindings, _ process: ErlangProcess) async throws -> Term {
        switch e {
        case .integer, .bigInteger, .float, .atom, .char, .string:
            return literal(e)
        case .variable(let name, let location):
            guard let value = env[name] else { throw EvalDiagnostic("variable '\(name)' is unbound", at: location) }
            return value
        case .tuple(let items):
            var values: [Term] = []
            values.reserveCapacity(items.count)
            for item in items { values.append(try await eval(item, &env, process)) }
            return .tuple(values)
        case .list(let items, let tail):
            var values: [Term] = []
            for item in items { values.append(try await eval(item, &env, process)) }
            var end = Term.nil
            if let tail { end = try await eval(tail, &env, process) }
            return .list(values, tail: end)
        case .binary(let segments):
            return try await buildBinary(segments, &env, process)
        case .map(let base, let fields):
            return try await buildMap(base, fields, &env, process)
        case .record(let base, let name, let fields):
            return try await buildRecord(base, name, fields, &env, process)
        case .recordAccess(let base, let name, let field):
            let value = try await eval(base, &env, process)
            guard let names = records.fields(of: name), let index = names.firstIndex(of: field) else {
                throw EvalDiagnostic("record \(name) undefined", at: SourceLocation(line: 1, column: 1))
            }
            guard case .tuple(let elements) = value, elements.count == names.count + 1, elements[0] == .atom(Atom(name)) else {
                throw ErlangException.error(.tuple([.atom(.badrecord), value]))
            }
            return elements[index + 1]
        case .recordIndex(let name, let field):
            guard let names = records.fields(of: name), let index = names.firstIndex(of: field) else {
                throw EvalDiagnostic("record \(name) undefined", at: SourceLocation(line: 1, column: 1))
            }
            return .int(index + 2)
        case .match(let pattern, let valueExpr, _):
            let value = try await eval(valueExpr, &env, process)
            guard try match(pattern, value, &env) else {
                throw ErlangException.error(.tuple([.atom(.badmatch), value]))
            }
            return value
        case .binaryOp("andalso", let l, let r, _):
            let left = try await eval(l, &env, process)
            guard let b = left.boolValue else { throw ErlangException.error(.tuple([.atom("badarg"), left])) }
            return b ? try await eval(r, &env, process) : .false
        case .binaryOp("orelse", let l, let r, _):
            let left = try await eval(l, &env, process)
            guard let b = left.boolValue else { throw ErlangException.error(.tuple([.atom("badarg"), left])) }
            return b ? .true : try await eval(r, &env, process)
        case .binaryOp("!", let l, let r, _):
            let dest = try await eval(l, &env, process)
            let message = try await eval(r, &env, process)
            return try send(dest, message, process)
        case .binaryOp(let op, let l, let r, _):
            let left = try await eval(l, &env, process)
            let right = try await eval(r, &env, process)
            return try Operators.binary(op, left, right)
        case .unaryOp(let op, let operand, _):
            return try Operators.unary(op, try await eval(operand, &env, process))
        case .call(let function, let arguments, let location):
            return try await call(function, arguments, location, &env, process)
        case .remote:
            throw EvalDiagnostic("illegal expression", at: SourceLocation(line: 1, column: 1))
        case .functionReference(let moduleExpr, let functionExpr, let arityExpr):
            return try await functionReference(moduleExpr, functionExpr, arityExpr, &env, process)
        case .fun(let name, let clauses):
            return makeFun(name: name, clauses: clauses, env: env, process: process)
        case .caseOf(let subject, let clauses):
            let value = try await eval(subject, &env, process)
            guard let result = try await evalClauses(clauses, [value], &env, process) else {
                throw ErlangException.error(.tuple([.atom(.caseClause), value]))
            }
            return result
        case .ifClauses(let clauses):
            for clause in clauses where try guardSucceeds(clause.guards, env) {
                return try await evalBody(clause.body, &env, process)
            }
            throw ErlangException.error(.atom(.ifClause))
        case .receive(let clauses, let after):
            return try await evalReceive(clauses, after, &env, process)
        case .tryCatch(let body, let ofClauses, let catchClauses, let after):
            return try await evalTry(body, ofClauses, catchClauses, after, &env, process)
        case .catchExpr(let inner):
            do {
                return try await eval(inner, &env, process)
            } catch let exception as ErlangException {
                switch exception.kind {
                case .throw: return exception.reason
                case .exit: return .tuple([.atom(.EXIT), exception.reason])
                case .error: return .tuple([.atom(.EXIT), .tuple([exception.reason, Interpreter.stacktrace(of: exception)])])
                }
            }
        case .block(let body):
            return try await evalBody(body, &env, process)
        case .listComprehension(let template, let qualifiers):
            var results: [Term] = []
            try await comprehend(qualifiers[...], env, process) { inner in
                var scope = inner
                results.append(try await eval(template, &scope, process))
            }
            return .list(results)
        case .binaryComprehension(let template, let qualifiers):
            var writer = BitWriter()
            try await comprehend(qualifiers[...], env, process) { inner in
                var scope = inner
                let piece = try await eval(template, &scope, process)
                guard case .binary(let bits) = piece else { throw ErlangException.badarg }
                writer.append(bits)
            }
            return .binary(writer.bitstring)
        }
    }

    /// The frame that stands for the evaluator itself (erl's stacktraces
    /// always show `erl_eval:expr/6` below the code it evaluates).
    static let evaluatorFrame: Term = .tuple([.atom("erl_eval"), .atom("expr"), .int(6),
                                              .list([.tuple([.atom("file"), .string("erl_eval.erl")]),
                                                     .tuple([.atom("line"), .int(496)])])])

    /// The stacktrace an exception shows to `catch` and `try`: its own
    /// frames, or the evaluator's when it has none, so it is never empty.
    static func stacktrace(of exception: ErlangException) -> Term {
        .list(exception.stacktrace.isEmpty ? [evaluatorFrame] : exception.stacktrace)
    }

    func send(_ dest: Term, _ message: Term, _ process: ErlangProcess) throws -> Term {
        switch dest {
        case .pid(let pid):
            process.runtime.send(message, to: pid)
        case .atom(let name):
            guard let pid = process.runtime.whereis(name) else {
                throw ErlangException(.error, .atom(.badarg), stacktrace: [ErlangProcess.frame(Atom("erlang"), Atom("!"), .list([dest, message]))])
            }
            process.runtime.send(message, to: pid)
        default:
            throw ErlangException(.error, .atom(.badarg), stacktrace: [ErlangProcess.frame(Atom("erlang"), Atom("!"), .list([dest, message]))])
        }
        return message
    }
}
