import ErlangRuntime
import ErlangSyntax
import ErlangTerms

/// One function of an interpreted module: its clauses, tried in order.
///
/// The clause bodies are compiled once, when the module loads (DESIGN.md:
/// never re-walk the syntax tree per call), into `TailBody`s: expressions
/// run for their value, then one expression in tail position. Calls in
/// tail position (also inside case/if/receive/begin) to the module's own
/// functions do not nest: the function returns the next call to make and
/// `call` loops, so a server loop `loop(S) -> receive M -> loop(f(M, S)) end.`
/// runs in constant space, as in BEAM.
///
/// An exception leaving the function gets the frame
/// `{Module, Function, Arity, [{file, File}, {line, Line}]}` for the
/// expression that raised, as BEAM's stacktraces have; a tail call leaves
/// no frame for its caller. No clause matching gives `function_clause`
/// with the frame `{Module, Function, Args, [{file, File}, {line, FirstClauseLine}]}`.
///
/// Frames: each interpreted call level keeps the async frames of `call`
/// and `run` alive on the heap (in its task's allocator, which keeps its
/// slabs for the task's life). So this is a class (a `Step` carries a
/// reference, not a copy of the function). `run` runs tail position
/// constructs (`case`, `if`, `begin`, `receive`) and tail calls in a
/// loop instead of nesting a frame per construct or call, and keeps its
/// own frame small by choosing branches in synchronous helpers: an
/// earlier loop holding every case's locals had a 2.4 KB frame, more
/// than a whole allocator slab, on every call.
final class ModuleFunction: FunBody, @unchecked Sendable {
    // @unchecked: every stored property is an immutable Sendable value.
    let definition: FunctionDefinition
    let scope: LocalScope
    /// The interpreter for the module's code, made once.
    private let interpreter: Interpreter
    /// The compiled clauses (none when they cannot be compiled).
    let clauses: [FunctionClauseCode]
    /// Why the clauses cannot be compiled, raised at every call; `nil`
    /// when they compiled. (Kept apart from `clauses`: a `Result` cost a
    /// switch and a copy of the array on every call.)
    private let compileError: (any Error)?
    /// Whether the function, run as a process's receive loop, may handle
    /// a message on a borrowed task (`WaitAnalysis.receiveLoopsSafeToBorrow`).
    let receiveLoopMayRunBorrowed: Bool
    /// When the function is a receive loop's head (`loop(S) -> receive ...
    /// end.`: one clause of `_` and distinct variables, no guard, a body
    /// that is a `receive` without `after`): its head and that receive.
    /// A turn of the loop that calls it runs at once (`turnAtOnce`).
    let loopHead: (heads: [HeadPattern], receive: TailReceive)?
    /// Whether some clause's body cannot suspend (`callAtOnce` tries).
    private let someClauseRunsAtOnce: Bool
    override var mayRunAtOnce: Bool { someClauseRunsAtOnce }

    /// erl keeps at most this many frames (`backtrace_depth`).
    static let maxFrames = 8

    init(definition: FunctionDefinition, scope: LocalScope, receiveLoopMayRunBorrowed: Bool = false) {
        self.definition = definition
        self.scope = scope
        self.receiveLoopMayRunBorrowed = receiveLoopMayRunBorrowed
        let interpreter = scope.interpreter
        self.interpreter = interpreter
        let compiler = TailCompiler(interpreter: interpreter, defaultLine: definition.location.line)
        do {
            clauses = try definition.clauses.map {
                FunctionClauseCode(clause: $0, guards: interpreter.compileGuard($0.guards), body: try compiler.body($0.body))
            }
            compileError = nil
        } catch {
            clauses = []
            compileError = error
        }
        someClauseRunsAtOnce = clauses.contains(where: \.runsSynchronously)
        loopHead = ModuleFunction.loopHead(of: clauses)
        super.init()
    }

    /// What a local call in tail position gave: a value (a call to
    /// another module's function, an import or a BIF), or the module's own
    /// function to go on with.
    enum Step {
        case value(Term)
        case tailCall(ModuleFunction, [Term])
    }

    /// Runs the first clause matching `args`, and the tail calls it makes.
    /// A clause that cannot suspend runs here, in a small frame (a
    /// gen_server's `init/1` usually does, and the deepest frames of a
    /// server's start decide how many allocator slabs it keeps for life);
    /// a body that can suspend, and the tail calls it makes, run in `run`.
    override func call(_ process: ErlangProcess, _ args: [Term]) async throws -> Term {
        try await process.tick()
        switch try enter(args, process) {
        case .done(let value): return value
        case .body(let body, let env): return try await run(body, env, process, place: .nested)
        }
    }

    /// `call` without suspending, when the clause `args` select cannot
    /// suspend; `nil` otherwise, having done nothing (selecting a clause
    /// has no effect), for `call` to start over. `call` counts two
    /// reductions (its caller's and its own); a caller at once counts one.
    override func callAtOnce(_ process: ErlangProcess, _ args: [Term]) throws -> Term? {
        guard case .done(let value) = try enter(args, process) else { return nil }
        return value
    }

    /// Whether every clause runs without suspending (and the clauses
    /// compiled): a call can always be made synchronously.
    var runsWhollySynchronously: Bool {
        compileError == nil && !clauses.isEmpty && clauses.allSatisfy(\.runsSynchronously)
    }

    /// `call` for a function that `runsWhollySynchronously` and recurses
    /// into nothing (`LocalScope.syncCallee`), made in place by compiled
    /// code. It counts a reduction; it cannot yield, but its work is
    /// bounded: nothing it calls comes back to it.
    func callSynchronously(_ args: [Term], _ process: ErlangProcess) throws -> Term {
        if process.hasReductionToSpare { process.countReduction() }
        guard let value = try callAtOnce(process, args) else { throw Self.notSynchronous }
        return value
    }

    /// `call` as the whole of a process (`spawn(M, F, Args)`): its loop
    /// may idle without a task at a receive (`ProcessPlace`).
    override func callAsProcessBody(_ process: ErlangProcess, _ args: [Term]) async throws -> Term {
        try await process.tick()
        switch try enter(args, process) {
        case .done(let value): return value
        case .body(let body, let env): return try await run(body, env, process, place: .bottom(mayIdle: true))
        }
    }

    /// Runs `body`, then the tail calls it makes, in a loop; `place`
    /// says whether anything runs after the loop returns. `case`, `if`,
    /// `begin` and `receive` in tail position do not nest: the branch they
    /// pick becomes the body this loop runs next, and a tail call to the
    /// module's own function becomes the function and body it runs next.
    /// So a server loop's `receive ... -> ..., loop(S) end` costs this one
    /// frame (plus the wait), where an async frame per construct or call
    /// cost an allocation and an executor check each. Choosing a branch is
    /// synchronous, out of line, to keep this frame small.
    @inline(never)
    func run(_ firstBody: TailBody, _ bindings: Bindings, _ process: ErlangProcess,
             place: ProcessPlace) async throws -> Term {
        try await runInCallersFrame(firstBody, bindings, process, place: place)
    }

    /// `run`, inlined into its caller: a receive loop's resumption runs
    /// the loop in its own frame (one async frame less per turn).
    /// `spare`: the resumption a receive loop's run started from, which
    /// it fills in again when it idles (`receiveAtOnceAtBottom`).
    @inline(__always)
    func runInCallersFrame(_ firstBody: TailBody, _ bindings: Bindings, _ process: ErlangProcess,
                           place: ProcessPlace, reusing spare: ReceiveLoopResumption? = nil) async throws -> Term {
        var function: ModuleFunction = self
        var body = firstBody
        var env = bindings
        while true {
            if let pieces = body.syncPrefix {
                try function.runSyncPrefix(pieces, &env, process)
            } else {
                for piece in body.prefix { _ = try await function.framed(piece, &env, process) }
            }
            guard let last = body.last else { return .ok }
            switch last {
            case .value(let piece):
                if let sync = piece.code.syncCode { return try function.framedSync(sync, piece.line, &env, process) }
                return try await function.framed(piece, &env, process)
            case .localCall(let call):
                let step: Step
                if let atOnce = try function.localCallAtOnce(call, &env, process) {
                    step = atOnce
                } else {
                    step = try await function.localCall(call, &env, process)
                }
                // Consumed, so that the argument list is held once, and
                // given back below without a copy.
                switch consume step {
                case .value(let value):
                    return value
                case .tailCall(let next, var nextArguments):
                    function = next
                    // The caller's bindings are dead once the call's
                    // arguments are made: their storage goes back to the
                    // process, for the callee's clause to bind in, and so
                    // does the argument list once the clause has bound
                    // them (a loop `sum([H | T], Acc) -> sum(T, Acc + H)`
                    // then allocates neither per turn).
                    function.recycle(&env, process)
                    try await process.tick()
                    let entry = try function.enter(nextArguments, process)
                    process.recycleArguments(&nextArguments)
                    switch consume entry {
                    case .done(let value): return value
                    case .body(let nextBody, let nextBindings):
                        body = nextBody
                        env = nextBindings
                    }
                }
            case .caseOf(let code):
                let value: Term
                if let sync = code.subject.code.syncCode {
                    value = try function.framedSync(sync, code.subject.line, &env, process)
                } else {
                    value = try await function.framed(code.subject, &env, process)
                }
                body = try function.caseBranch(code.branches, value, code.line, &env, process)
            case .ifClauses(let code):
                body = try function.ifBranch(code.branches, code.line, env, process)
            case .block(let inner):
                body = inner
            case .receive(let code):
                if case .bottom(let mayIdle) = place, code.timeout == nil,
                   let next = try function.receiveAtOnceAtBottom(code, &env, process, mayIdle: mayIdle, reusing: spare) {
                    body = next
                } else {
                    body = try await function.receive(code, &env, process)
                }
            }
        }
    }

    /// Where entering a function got to: its value is ready (the clause
    /// could not suspend and has run), or its body must run.
    private enum Entry {
        case done(Term)
        case body(TailBody, Bindings)
    }

    /// Selects the clause matching `args` and, when its body cannot
    /// suspend, runs it here with no async frame. Throws
    /// `function_clause` when no clause matches.
    @inline(never)
    private func enter(_ args: [Term], _ process: ErlangProcess) throws -> Entry {
        if let compileError { throw compileError }
        // The clauses are read in place, unretained: `clauses` (a `let` of
        // this function) holds each of them for the whole call.
        let count = clauses.count
        var index = 0
        while index < count {
            let unretained = clauses.withUnsafeBufferPointer { Unmanaged.passUnretained($0[index]) }
            index += 1
            if let entry = try unretained._withUnsafeGuaranteedRef({ try enter(clause: $0, args, process) }) {
                return entry
            }
        }
        var exception = ErlangException(.error, .atom(.functionClause))
        appendFrame(&exception, arity: .list(args), line: definition.clauses.first?.location.line ?? definition.location.line)
        throw exception
    }

    /// `enter` for one clause: its entry when `args` match its head and
    /// guard, `nil` otherwise.
    @inline(__always)
    private func enter(clause compiled: FunctionClauseCode, _ args: [Term], _ process: ErlangProcess) throws -> Entry? {
        guard compiled.heads.count == args.count else { return nil }
        // In the process's reused storage, given back when the clause
        // has run here: most calls then allocate nothing for bindings.
        var env = Bindings(reusing: process.takeBindingStorage())
        // Heads and arguments are read in place: no copy of either per try.
        let matched = try compiled.heads.withUnsafeBufferPointer { heads in
            try args.withUnsafeBufferPointer { values in
                for i in 0..<values.count {
                    switch heads[i] {
                    case .anything:
                        continue
                    case .fresh(let variable):
                        env.bindUnbound(variable, values[i])
                    case .atom(let atom):
                        guard case .atom(let given) = values[i], given == atom else { return false }
                    case .emptyList:
                        guard case .nil = values[i] else { return false }
                    case .literal(let term):
                        guard term == values[i] else { return false }
                    case .headTail(let head, let tail):
                        guard HeadPattern.matchHeadTail(head, tail, values[i], &env) else { return false }
                    case .repeated, .cons, .tuple, .general:
                        guard try heads[i].matches(values[i], &env, interpreter) else { return false }
                    }
                }
                return true
            }
        }
        guard matched, try compiled.guards.succeeds(env, process) else {
            recycle(&env, process)
            return nil
        }
        let value: Term
        if compiled.isOneExpression {
            value = try framedSync(compiled.onlyExpression.code, compiled.onlyExpression.line, &env, process)
        } else if let pieces = compiled.flatBody {
            value = try runFlat(pieces, &env, process)
        } else if compiled.runsSynchronously {
            value = try runSynchronously(compiled.body, &env, process)
        } else {
            return .body(compiled.body, env)
        }
        recycle(&env, process)
        return .done(value)
    }

    /// Gives the storage of `env`, no longer needed, back to `process`.
    @inline(__always)
    func recycle(_ env: inout Bindings, _ process: ErlangProcess) {
        var storage = env.takeStorage()
        process.recycleBindingStorage(&storage)
    }

    /// Runs a body's prefix that cannot suspend, in place.
    func runSyncPrefix(_ pieces: [SyncFramed], _ env: inout Bindings, _ process: ErlangProcess) throws {
        _ = try runFlat(pieces, &env, process)
    }

    /// The values of a call's arguments that cannot suspend, left to right.
    /// In the process's reused argument list (`takeArgumentList`): a
    /// caller running as the process gives it back once the values are
    /// bound (`recycleArguments`).
    func values(of arguments: [SyncFramed], _ env: inout Bindings, _ process: ErlangProcess) throws -> [Term] {
        var values = process.takeArgumentList()
        values.reserveCapacity(arguments.count)
        for argument in arguments { values.append(try framedSync(argument.code, argument.line, &env, process)) }
        return values
    }

    /// `f(Args)` in tail position to the module's own `f`, when no
    /// argument can suspend: the next step, with no async frame; `nil`
    /// when `localCall` must make the call.
    private func localCallAtOnce(_ call: TailLocalCall, _ env: inout Bindings,
                                 _ process: ErlangProcess) throws -> Step? {
        guard let arguments = call.syncArguments, let next = scope.function(call.key) else { return nil }
        if arguments.isEmpty { return .tailCall(next, []) }
        return .tailCall(next, try values(of: arguments, &env, process))
    }

    /// `f(Args)` in tail position: the module's own `f` is the next step.
    @inline(never)
    private func localCall(_ call: TailLocalCall, _ env: inout Bindings, _ process: ErlangProcess) async throws -> Step {
        var values: [Term] = []
        values.reserveCapacity(call.arguments.count)
        for a in call.arguments { values.append(try await framed(a, &env, process)) }
        if let next = scope.function(call.key) { return .tailCall(next, values) }
        do {
            return .value(try await interpreter.callLocal(call.name, call.key, values, process))
        } catch {
            throw framedFailure(error, line: call.line)
        }
    }

    /// The body of the `case` branch `value` selects, its bindings made in
    /// `env`; `case_clause` when none matches.
    @inline(never)
    private func caseBranch(_ branches: [TailBranch], _ value: Term, _ line: Int,
                            _ env: inout Bindings, _ process: ErlangProcess) throws -> TailBody {
        for branch in branches {
            var scope = env
            guard try interpreter.bind(branch.pattern, value, &scope),
                  try branch.guards.succeeds(scope, process) else { continue }
            env = scope
            return branch.body
        }
        throw framedError(.tuple([.atom(.caseClause), value]), line: line)
    }

    /// The body of the first `if` branch whose guard holds; `if_clause`
    /// when none does.
    @inline(never)
    private func ifBranch(_ branches: [TailBranch], _ line: Int, _ env: Bindings,
                          _ process: ErlangProcess) throws -> TailBody {
        for branch in branches where try branch.guards.succeeds(env, process) {
            return branch.body
        }
        throw framedError(.atom(.ifClause), line: line)
    }

    /// `receive` in tail position, mirroring the interpreter's receive:
    /// waits for a message a branch matches and returns that branch's
    /// body with its bindings made in `env` (the after body on timeout).
    @inline(never)
    func receive(_ code: TailReceive, _ env: inout Bindings, _ process: ErlangProcess) async throws -> TailBody {
        var timeout = ErlangProcess.ReceiveTimeout.infinity
        if let timeoutCode = code.timeout {
            switch try await framed(timeoutCode, &env, process) {
            case .int(let ms) where ms >= 0 && ms <= Interpreter.maxReceiveTimeout: timeout = .milliseconds(Int64(ms))
            case .atom(let a) where a == .infinity: timeout = .infinity
            default: throw framedError(.atom(Atom("timeout_value")), line: code.line)
            }
        }
        let snapshot = env
        let picked: (TailBody, Bindings)? = try await process.receive(timeout: timeout) { message in
            try branch(of: code.branches, matching: message, snapshot, process)
        }
        guard let (body, scope) = picked else { return code.afterBody }
        env = scope
        return body
    }

    /// The body of the first of `branches` whose pattern and guard
    /// `message` satisfies, with its bindings made in a copy of `env`.
    func branch(of branches: [TailBranch], matching message: Term, _ env: Bindings,
                _ process: ErlangProcess) throws -> (TailBody, Bindings)? {
        for branch in branches {
            var scope = env
            if try interpreter.bind(branch.pattern, message, &scope),
               try branch.guards.succeeds(scope, process) {
                return (branch.body, scope)
            }
        }
        return nil
    }

    /// Runs `piece`, adding this function's frame to an exception it raises.
    /// Code that cannot suspend runs synchronously, with no async frame.
    @inline(never)
    private func framed(_ piece: Framed, _ env: inout Bindings, _ process: ErlangProcess) async throws -> Term {
        if let sync = piece.code.syncCode { return try framedSync(sync, piece.line, &env, process) }
        do {
            return try await piece.code.code(&env, process)
        } catch {
            throw framedFailure(error, line: piece.line)
        }
    }

    /// Runs code that cannot suspend, adding this function's frame to an exception it raises.
    func framedSync(_ code: SyncCode, _ line: Int, _ env: inout Bindings, _ process: ErlangProcess) throws -> Term {
        do {
            return try code(&env, process)
        } catch {
            throw framedFailure(error, line: line)
        }
    }

    /// Runs a clause's `flatBody`.
    func runFlat(_ pieces: [SyncFramed], _ env: inout Bindings, _ process: ErlangProcess) throws -> Term {
        var value = Term.ok
        for piece in pieces {
            value = try framedSync(piece.code, piece.line, &env, process)
        }
        return value
    }

    /// Runs a body that cannot suspend (`TailBody.runsSynchronously`)
    /// as `runInCallersFrame` runs it, step for step, with no async frame:
    /// its prefix, then its tail, into the branch a `case` or `if` picks.
    private func runSynchronously(_ firstBody: TailBody, _ env: inout Bindings, _ process: ErlangProcess) throws -> Term {
        var body = firstBody
        while true {
            if let pieces = body.syncPrefix { try runSyncPrefix(pieces, &env, process) }
            guard let last = body.last else { return .ok }
            switch last {
            case .value(let piece):
                guard let sync = piece.code.syncCode else { throw Self.notSynchronous }
                return try framedSync(sync, piece.line, &env, process)
            case .caseOf(let code):
                guard let sync = code.subject.code.syncCode else { throw Self.notSynchronous }
                let value = try framedSync(sync, code.subject.line, &env, process)
                body = try caseBranch(code.branches, value, code.line, &env, process)
            case .ifClauses(let code):
                body = try ifBranch(code.branches, code.line, env, process)
            case .block(let inner):
                body = inner
            case .localCall(let call):
                // A tail call: the callee's frames only, as in BEAM.
                guard let callee = call.syncCallee, let arguments = call.syncArguments else { throw Self.notSynchronous }
                var values = try values(of: arguments, &env, process)
                defer { process.recycleArguments(&values) }
                return try callee.callSynchronously(values, process)
            case .receive:
                throw Self.notSynchronous
            }
        }
    }

    /// What `runSynchronously` raises if given a body that can suspend,
    /// which `TailBody.runsSynchronously` rules out.
    private static let notSynchronous = ErlangException(.error, .tuple([.atom(Atom("swerl_internal")),
                                                                       .atom(Atom("body_may_suspend"))]))

    /// `error` with this function's frame added when it is an Erlang exception.
    private func framedFailure(_ error: any Error, line: Int) -> any Error {
        guard var exception = error as? ErlangException else { return error }
        appendFrame(&exception, arity: .int(definition.arity), line: line)
        return exception
    }

    private func framedError(_ reason: Term, line: Int) -> ErlangException {
        var exception = ErlangException(.error, reason)
        appendFrame(&exception, arity: .int(definition.arity), line: line)
        return exception
    }

    private func appendFrame(_ exception: inout ErlangException, arity: Term, line: Int) {
        // erlang:raise/3's stacktrace is the one given, whoever it passes.
        guard exception.stacktrace.count < Self.maxFrames, !exception.stacktraceIsGiven else { return }
        let place: [Term] = [.tuple([.atom(Atom("file")), .string(scope.file)]), .tuple([.atom(Atom("line")), .int(line)])]
        let location = Term.list(place)
        if let (args, options) = CallerStandIn.parts(ofOnly: exception.stacktrace) {
            // error/1,2,3, exit/1, throw/1: erl's stacktrace starts at the
            // function that called them, with error/2,3's arguments and options.
            exception.stacktrace = [.tuple([.atom(scope.module), .atom(Atom(definition.name)), args ?? arity,
                                            options.map { Term.list(place + $0) } ?? location])]
            return
        }
        exception.stacktrace.append(.tuple([.atom(scope.module), .atom(Atom(definition.name)), arity, location]))
    }
}
