import ErlangRuntime
import ErlangSyntax
import ErlangTerms

/// A function clause, compiled. A class: clause selection looks at each
/// clause in turn, and copying a struct of this many references cost
/// seven retains and seven releases per clause tried.
final class FunctionClauseCode: Sendable {
    /// The clause as written.
    let clause: Clause
    /// Its patterns, compiled as a call selecting the clause tests them.
    let heads: [HeadPattern]
    /// Its guard sequence, compiled.
    let guards: CompiledGuard
    /// Its body.
    let body: TailBody
    /// Whether the body runs without suspending (`TailBody.runsSynchronously`):
    /// the clause then runs with no async frame at all.
    let runsSynchronously: Bool
    /// The body's expressions when it runs so and ends in a plain value
    /// (the usual callback): run as one flat list, with no tail code to
    /// look at; `nil` otherwise.
    let flatBody: [SyncFramed]?
    /// Whether `flatBody` is one expression (`{noreply, N + 1}`, the usual
    /// callback body), kept apart in `onlyExpression`: a call through a
    /// closure held so retains nothing, where one taken from the array
    /// retained and released its context.
    let isOneExpression: Bool
    /// `flatBody`'s one expression, when `isOneExpression`.
    let onlyExpression: SyncFramed

    init(clause: Clause, guards: CompiledGuard, body: TailBody) {
        self.clause = clause
        heads = HeadPattern.heads(clause.patterns.map(Pattern.init))
        self.guards = guards
        self.body = body
        runsSynchronously = body.runsSynchronously
        flatBody = body.flatPieces
        isOneExpression = flatBody?.count == 1
        onlyExpression = flatBody.flatMap { $0.count == 1 ? $0[0] : nil } ?? SyncFramed(code: { _, _ in .ok }, line: 0)
    }
}

/// Code that cannot suspend, with the source line its exceptions are reported at.
struct SyncFramed: Sendable {
    let code: SyncCode
    let line: Int

    /// `pieces` as sync code, when none of them can suspend; `nil` otherwise.
    static func all(_ pieces: [Framed]) -> [SyncFramed]? {
        var sync: [SyncFramed] = []
        sync.reserveCapacity(pieces.count)
        for piece in pieces {
            guard let code = piece.code.syncCode else { return nil }
            sync.append(SyncFramed(code: code, line: piece.line))
        }
        return sync
    }
}

/// Compiled code with the source line its exceptions are reported at.
struct Framed: Sendable {
    let code: Compiled
    let line: Int
}

/// A body: expressions run for their value, then one in tail position
/// (`nil`: an empty body, whose value is `ok`). A class: the function's
/// loop moves from body to body, and each step then holds one reference
/// instead of copying (and retaining) the prefix and the tail code.
final class TailBody: Sendable {
    let prefix: [Framed]
    let last: TailCode?
    /// `prefix` when none of it can suspend (run in place, with no
    /// closure copied per expression); `nil` otherwise.
    let syncPrefix: [SyncFramed]?
    /// Whether the whole body runs without suspending: its prefix cannot
    /// suspend, and its tail is a value that cannot, or a `case`, `if` or
    /// `begin` whose subject cannot and each of whose branches runs so
    /// too, or a call of a module's function that recurses into nothing
    /// and cannot suspend; never any other call of the module's own
    /// function or a `receive`, which the function's loop makes
    /// (`ModuleFunction.runSynchronously`).
    let runsSynchronously: Bool

    init(prefix: [Framed], last: TailCode?) {
        self.prefix = prefix
        self.last = last
        syncPrefix = SyncFramed.all(prefix)
        runsSynchronously = syncPrefix != nil && TailBody.runsSynchronously(last)
    }

    /// Every expression, when none can suspend and the last is a plain
    /// value; `nil` otherwise.
    var flatPieces: [SyncFramed]? {
        guard let pieces = syncPrefix else { return nil }
        switch last {
        case nil:
            return pieces
        case .value(let piece)?:
            guard let code = piece.code.syncCode else { return nil }
            return pieces + [SyncFramed(code: code, line: piece.line)]
        default:
            return nil
        }
    }

    /// Whether `last` runs without suspending (its branches' bodies,
    /// made before it, already know whether they do).
    private static func runsSynchronously(_ last: TailCode?) -> Bool {
        switch last {
        case nil: return true
        case .value(let piece)?: return piece.code.isSync
        case .caseOf(let code)?: return code.subject.code.isSync && code.branches.allSatisfy(\.body.runsSynchronously)
        case .ifClauses(let code)?: return code.branches.allSatisfy(\.body.runsSynchronously)
        case .block(let inner)?: return inner.runsSynchronously
        case .localCall(let call)?: return call.syncCallee != nil && call.syncArguments != nil
        case .receive?: return false
        }
    }
}

/// A case/if/receive clause whose body is in tail position (a class, so
/// trying a branch does not copy it).
final class TailBranch: Sendable {
    let clause: Clause
    /// The clause's one pattern, compiled (`.wildcard` for `if`, which has none).
    let pattern: Pattern
    /// The clause's guard sequence, compiled.
    let guards: CompiledGuard
    let body: TailBody

    init(clause: Clause, pattern: Pattern, guards: CompiledGuard, body: TailBody) {
        self.clause = clause
        self.pattern = pattern
        self.guards = guards
        self.body = body
    }
}

/// An expression in tail position, compiled so that a call to the module's
/// own function can be made by the caller's loop instead of nesting. The
/// cases with several parts hold them in one object, so that choosing a
/// case retains one reference, not each part.
enum TailCode: Sendable {
    /// Any other expression: its value is the function's value.
    case value(Framed)
    /// `f(Args)`: a local call (the module's own `f`, else an import or BIF).
    case localCall(TailLocalCall)
    /// `case E of ... end`.
    case caseOf(TailCase)
    /// `if ... end`.
    case ifClauses(TailIf)
    /// `begin ... end`.
    case block(TailBody)
    /// `receive ... after T -> ... end`.
    case receive(TailReceive)
}

/// `f(Args)` in tail position.
final class TailLocalCall: Sendable {
    let name: String
    let key: FunctionKey
    let arguments: [Framed]
    /// `arguments` when none can suspend; `nil` otherwise.
    let syncArguments: [SyncFramed]?
    let line: Int
    /// The module's function called, when it recurses into nothing and
    /// cannot suspend (`LocalScope.syncCallee`): a body may then make
    /// this call synchronously (`TailBody.runsSynchronously`).
    let syncCallee: ModuleFunction?

    init(name: String, arguments: [Framed], line: Int, syncCallee: ModuleFunction?) {
        self.name = name
        key = FunctionKey(Atom(name), arguments.count)
        self.arguments = arguments
        syncArguments = SyncFramed.all(arguments)
        self.line = line
        self.syncCallee = syncCallee
    }
}

/// `case E of ... end` in tail position.
final class TailCase: Sendable {
    let subject: Framed
    let branches: [TailBranch]
    let line: Int

    init(subject: Framed, branches: [TailBranch], line: Int) {
        self.subject = subject
        self.branches = branches
        self.line = line
    }
}

/// `if ... end` in tail position.
final class TailIf: Sendable {
    let branches: [TailBranch]
    let line: Int

    init(branches: [TailBranch], line: Int) {
        self.branches = branches
        self.line = line
    }
}

/// A `receive` in tail position (a class: running it, or a receive loop
/// waiting in it without a task, holds one reference).
final class TailReceive: Sendable {
    let branches: [TailBranch]
    /// The `after` time; `nil`: no `after`.
    let timeout: Framed?
    /// The `after` body.
    let afterBody: TailBody
    let line: Int

    init(branches: [TailBranch], timeout: Framed?, afterBody: TailBody, line: Int) {
        self.branches = branches
        self.timeout = timeout
        self.afterBody = afterBody
        self.line = line
    }
}

/// Compiles a function's bodies into `TailBody`s with the interpreter.
struct TailCompiler {
    let interpreter: Interpreter
    /// The line used when an expression carries none.
    let defaultLine: Int

    func body(_ exprs: [Expr]) throws -> TailBody {
        guard let last = exprs.last else { return TailBody(prefix: [], last: nil) }
        let prefix = try exprs.indices.dropLast().map { index in
            Framed(code: try interpreter.compile(exprs, at: index), line: line(of: exprs[index]))
        }
        return TailBody(prefix: prefix, last: try tail(last))
    }

    func tail(_ e: Expr) throws -> TailCode {
        switch e {
        case .call(.atom(let name), let arguments, _):
            return .localCall(TailLocalCall(name: name, arguments: try arguments.map(framed), line: line(of: e),
                                            syncCallee: interpreter.syncCallee?(FunctionKey(Atom(name), arguments.count))))
        case .caseOf(let subject, let clauses):
            return .caseOf(TailCase(subject: try framed(subject), branches: try clauses.map(branch), line: line(of: e)))
        case .ifClauses(let clauses):
            return .ifClauses(TailIf(branches: try clauses.map(branch), line: line(of: e)))
        case .block(let exprs):
            return .block(try body(exprs))
        case .receive(let clauses, let after):
            return .receive(TailReceive(branches: try clauses.map(branch), timeout: try after.map { try framed($0.timeout) },
                                        afterBody: try body(after?.body ?? []), line: line(of: e)))
        default:
            return .value(try framed(e))
        }
    }

    private func branch(_ clause: Clause) throws -> TailBranch {
        TailBranch(clause: clause, pattern: clause.patterns.first.map(Pattern.init) ?? .wildcard,
                   guards: interpreter.compileGuard(clause.guards), body: try body(clause.body))
    }

    private func framed(_ e: Expr) throws -> Framed {
        Framed(code: try interpreter.compile(e), line: line(of: e))
    }

    private func line(of e: Expr) -> Int {
        ExprLocation.first(e)?.line ?? defaultLine
    }
}
