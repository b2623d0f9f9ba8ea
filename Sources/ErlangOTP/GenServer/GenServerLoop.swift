import ErlangRuntime
import ErlangTerms

/// The generic server's receive loop, running inside the server process.
/// Mirrors `gen_server:loop/7` and `handle_msg/6`: take the next message,
/// classify it (`'$gen_call'`, `'$gen_cast'`, `system`, the parent's
/// `'EXIT'`, anything else), run the callback inside a wrapper that turns
/// a crash into a value, and decide what happens next from its result.
///
/// Split: this file is the loop and message dispatch;
/// `+Results` interprets callback results; `+System` answers `sys`
/// requests; `+Terminate` ends the server and writes the error report.
///
/// Cost: one message is one receive, one callback call and, for a call,
/// one reply; debug hooks run only when `debug` is not `nil`.
///
/// A class, not a struct: every frame of the loop then holds one
/// reference to it instead of a copy of its fields, and the loop's frames
/// stay on the stack of an idle server (memory per idle server is mostly
/// its suspended frames). And because the loop's whole state is here, a
/// server that hibernates gives up its task and a new task carries on
/// with this object (`body`).
///
/// `@unchecked Sendable`: one task at a time runs the loop; it passes from
/// a task that gave it up to the next one only through the process's lock
/// (`waitWithoutTask`), which orders the two tasks' accesses. For the
/// same reason the fields the loop touches for every message are
/// `@exclusivity(unchecked)`: Swift's run-time exclusivity check on each
/// access of a class's `var` cost about 115 instructions a call.
final class GenServerLoop: FunBody, @unchecked Sendable {
    let process: ErlangProcess
    /// The parent: the starter for `start_link`, the server itself otherwise.
    let parent: Pid
    /// What reports and `*DBG*` lines call the server.
    let name: Term
    /// The callback module.
    @exclusivity(unchecked) var module: Atom
    /// The callback module's state.
    @exclusivity(unchecked) var state: Term
    /// The `sys` debug options; `nil` when none is set.
    @exclusivity(unchecked) var debug: SysDebug?
    /// Whether `process_info(Server, current_function)` was last told
    /// that the server hibernates (`nil`: told nothing yet).
    @exclusivity(unchecked) var shownHibernating: Bool?
    /// Whether the server has hibernated: BEAM then discarded its stack,
    /// and its stacktraces end in `proc_lib:wake_up/3`.
    @exclusivity(unchecked) var hasHibernated = false
    /// The proc_lib body the loop runs in, which a new task runs again to
    /// carry on after the server waited without a task; `nil` when the loop
    /// must keep its task (entered with `enter_loop` from Erlang code, whose
    /// frames are below it).
    @exclusivity(unchecked) var body: ServerProcess?
    /// The `hibernate_after` start option: after this many milliseconds
    /// of waiting with no timeout, the server hibernates; `nil`: never.
    @exclusivity(unchecked) var hibernateAfter: Int64?
    /// `handle_call/3` and `handle_cast/2` as the loop calls them
    /// (`GenServerLoop+HotCallbacks`).
    @exclusivity(unchecked) var hotCall: HotCallback?
    @exclusivity(unchecked) var hotCast: HotCallback?
    /// `callbacksCannotWait`'s last answer, for which module and which
    /// generation of the loaded code.
    @exclusivity(unchecked) private var borrowable: (generation: Int, module: Atom, answer: Bool)?

    init(process: ErlangProcess, parent: Pid, name: Term, module: Atom, state: Term, debug: SysDebug?) {
        self.process = process
        self.parent = parent
        self.name = name
        self.module = module
        self.state = state
        self.debug = debug
        super.init()
    }

    /// The loop carried on, waiting for a message, in a new task or a
    /// borrowed run (`ServerProcess.resumption(of:next:)`).
    override func call(_ server: ErlangProcess, _ args: [Term]) async throws -> Term {
        // Only a loop with a body gives its task up (see `body`), so this
        // cannot fail; were it reached, the server would stop, not idle.
        guard let body else { throw ProcessExit(reason: .atom(.normal)) }
        try await body.serve(server, self, .wait(.infinity))
    }

    /// A callback's outcome: its value, or the exception it raised (a
    /// `throw` counts as a value, as in gen_server).
    enum Outcome {
        case value(Term)
        case crash(ErlangException)
    }

    /// Runs the loop until the server stops (always by throwing: an
    /// `ErlangException` of class `exit` or the callback's own, or a
    /// `ProcessExit` when an exit signal kills the process).
    func run(_ first: LoopNext) async throws -> Never {
        var next = first
        while true {
            switch next {
            case .continueWith(let argument):
                next = try await handleContinue(argument)
            case .idle where hibernateAfter != nil:
                // It waits with its hibernation timer, in its task.
                next = .wait(.infinity)
            case .hibernate, .idle:
                let hibernating = if case .hibernate = next { true } else { false }
                show(hibernating: hibernating)
                if hibernating { hasHibernated = true }
                if let body { try process.waitWithoutTask(resumingWith: body.resumption(of: self)) }
                next = .wait(.infinity)
            case .wait(let timeout):
                // gen_server:loop/7: with no timeout, wait `hibernate_after`
                // at most, then hibernate.
                let limit = timeout == .infinity ? hibernateAfter.map { .milliseconds($0) } ?? timeout : timeout
                if process.runsBorrowed, let body, process.mustReleaseBorrowedTask() || !callbacksCannotWait {
                    try process.releaseBorrowedTask(resumingWith: body.resumption(of: self, next: next),
                                                    mayIdle: limit == .infinity)
                }
                show(hibernating: false)
                guard let message = try await process.receiveQueued(timeout: limit) else {
                    next = timeout == .infinity ? .hibernate : try await handleInfo(.atom(.timeout))
                    continue
                }
                switch try castAtOnce(message) {
                case .handled(let after): next = after
                case .ended(let outcome): next = try await afterNoReply(outcome, message: message.term)
                case .inFull(let request):
                    next = try await afterNoReply(try await invoke(OTPAtom.handleCast, [request, state]), message: message.term)
                case .notAtOnce: next = try await handle(message.term, waiting: timeout)
                }
            }
        }
    }

    /// Whether the callbacks a call may run cannot wait
    /// (`ErlangModule.mayWait`), so the server may handle a call on the
    /// caller's task (`ErlangProcess.runBorrowed`).
    /// Asked on every borrowed call, so the answer is kept until a module
    /// is loaded again (`ModuleTable.generation`).
    private var callbacksCannotWait: Bool {
        let modules = process.runtime.modules
        let generation = modules.generation
        if let known = borrowable, known.generation == generation, known.module == module { return known.answer }
        let answer = modules.loaded(module).map { !GenServer.borrowedCallbacks.contains(where: $0.mayWait) } ?? false
        borrowable = (generation, module, answer)
        return answer
    }

    /// What `castAtOnce` did with a message.
    private enum CastAtOnce {
        /// It handled a cast whose callback answered `{noreply, ...}`.
        case handled(LoopNext)
        /// It ran the cast's callback, which gave anything else (a crash,
        /// a stop, a bad value): `afterNoReply` deals with it.
        case ended(Outcome)
        /// Nothing, but it is a cast whose callback must run in full (it
        /// can suspend): the loop calls it so, without trying at once again.
        case inFull(request: Term)
        /// Nothing: the message is not a cast, or the debug log is on.
        /// `handle` takes it.
        case notAtOnce
    }

    /// A cast handled in the loop's own frame, synchronously, when its
    /// callback can run so (most can): `handle`, an async call, cost every
    /// message a frame from the task allocator and a suspension point.
    /// The envelope `{'$gen_cast', Request}` is made only when the cast
    /// goes on to `handle` or to a report.
    @inline(__always)
    private func castAtOnce(_ message: MailboxMessage) throws -> CastAtOnce {
        guard debug == nil else { return .notAtOnce }
        let request: Term
        switch message {
        case .cast(let queuedRequest):
            request = queuedRequest
        case .term(.tuple(let e)) where e.count == 2 && e[0] == .atom(OTPAtom.genCast):
            // Sent as a term (`Server ! {'$gen_cast', Request}`), read in
            // place: what `classify` says `.cast` for.
            request = e[1]
        case .term:
            return .notAtOnce
        }
        guard let outcome = try invokeHandleCastAtOnce(request) else { return .inFull(request: request) }
        if let next = noReplied(outcome) { return .handled(next) }
        return .ended(outcome)
    }

    /// What a message is to the loop.
    private enum Message {
        case call(from: Term, request: Term)
        case cast(Term)
        case system(from: Term, request: Term)
        case parentExit(reason: Term)
        case info
    }

    /// Classifies `message` (`'$gen_call'`, `'$gen_cast'`, `system`, the
    /// parent's `'EXIT'`, anything else).
    private func classify(_ message: Term) -> Message {
        guard case .tuple(let e) = message, let first = e.first, case .atom(let tag) = first else { return .info }
        if tag == OTPAtom.genCall, e.count == 3 { return .call(from: e[1], request: e[2]) }
        if tag == OTPAtom.genCast, e.count == 2 { return .cast(e[1]) }
        if tag == OTPAtom.system, e.count == 3 { return .system(from: e[1], request: e[2]) }
        if tag == .EXIT, e.count == 3, e[1] == .pid(parent), parent != process.pid { return .parentExit(reason: e[2]) }
        return .info
    }

    /// Dispatches one message. Inlined into `run`, with `handleCall`,
    /// `handleCast` and `invoke`: a call or a cast then runs its callback
    /// from the loop's own frame, three async frames fewer per message.
    /// (An idle server's frames matter less now that it waits without a
    /// task after `init/1` and on `hibernate`.)
    /// `waiting`: the timeout the loop received `message` under, which a
    /// `sys` request leaves in force, started afresh (gen_server's
    /// `system_continue` goes back to `loop` with the same `Time`).
    @inline(__always)
    func handle(_ message: Term, waiting: ErlangProcess.ReceiveTimeout) async throws -> LoopNext {
        switch classify(message) {
        case .call(let from, let request):
            if debug != nil { record(.tuple([.atom(OTPAtom.in), message])) }
            return try await handleCall(from: from, request: request)
        case .cast(let request):
            if debug != nil { record(.tuple([.atom(OTPAtom.in), message])) }
            return try await handleCast(request, message: message)
        case .system(let from, let request):
            return try await handleSystem(from: from, request: request, waiting: waiting)
        case .parentExit(let reason):
            try await terminate(.exit, reason, stack: StackFrames.terminateExit, message: message, from: nil)
        case .info:
            return try await handleInfo(message)
        }
    }

    func handleInfo(_ message: Term) async throws -> LoopNext {
        if debug != nil { record(.tuple([.atom(OTPAtom.in), message])) }
        var outcome = try await invoke(OTPAtom.handleInfo, [message, state])
        if case .crash(let exception) = outcome, exception.isUndef, await missingHandleInfo(message) {
            outcome = .value(.tuple([.atom(OTPAtom.noreply), state]))
        }
        return try await afterNoReply(outcome, message: message)
    }

    @inline(__always)
    private func handleCast(_ request: Term, message: Term) async throws -> LoopNext {
        let outcome = try await invokeHandleCast(request)
        return try await afterNoReply(outcome, message: message)
    }

    /// Runs `handle_continue(C, S)`. Reports and the debug log call this
    /// step `{continue, C}`, and it is recorded once the callback has run,
    /// as gen_server's loop does.
    @inline(never)
    private func handleContinue(_ argument: Term) async throws -> LoopNext {
        let outcome = try await invoke(OTPAtom.handleContinue, [argument, state])
        let message: Term = .tuple([.atom(OTPAtom.continue), argument])
        if debug != nil { record(message) }
        return try await afterNoReply(outcome, message: message, site: .continuation)
    }

    @inline(__always)
    func handleCall(from: Term, request: Term) async throws -> LoopNext {
        let outcome = try await invokeHandleCall(request, from)
        if let next = replied(outcome, to: from) { return next }
        return try await handleCallResult(outcome, from: from, request: request)
    }

    /// Calls `module:function(args)`, turning an exception into `.crash`
    /// and a `throw` into a value. A `ProcessExit` (killed) is not caught.
    @inline(__always)
    func invoke(_ function: Atom, _ args: [Term]) async throws -> Outcome {
        do {
            return .value(try await process.apply(module: module, function: function, args))
        } catch let exception as ErlangException {
            return Self.outcome(of: exception)
        }
    }

    /// `invoke` through `site` (`CallSite`), tried at once first (a
    /// callback that cannot suspend then costs no async frame).
    @inline(__always)
    func invoke(_ function: Atom, _ args: [Term], via site: inout CallSite) async throws -> Outcome {
        do {
            if let value = try process.applyAtOnce(module: module, function: function, args, via: &site) {
                return .value(value)
            }
            return .value(try await process.apply(module: module, function: function, args, via: &site))
        } catch let exception as ErlangException {
            return Self.outcome(of: exception)
        }
    }

    /// A callback's exception as its outcome: a `throw` is a value.
    static func outcome(of exception: ErlangException) -> Outcome {
        exception.kind == .throw ? .value(exception.reason) : .crash(exception)
    }

    /// Records a debug event (only called when `debug` is set).
    func record(_ event: Term) {
        debug?.record(event, name: name, output: process.runtime.output)
    }
}
