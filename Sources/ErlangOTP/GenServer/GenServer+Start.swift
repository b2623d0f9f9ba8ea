import ErlangRuntime
import ErlangTerms

/// Starting and stopping servers. Mirrors `gen_server:start/3,4`,
/// `start_link/3,4`, `start_monitor/3,4` (through `gen:start/6` and
/// `proc_lib:start/5`), `enter_loop/3,4,5` and `stop/1,3`.
extension GenServer {
    /// The start options gen_server reads: `{timeout, T}` and `{debug, Opts}`.
    public struct StartOptions: Sendable {
        /// How long the starter waits for `init/1` (`{timeout, T}`).
        public var timeout: ErlangProcess.ReceiveTimeout = .infinity
        /// Whether `{timeout, T}` gave no valid timeout (a negative number,
        /// an atom other than `infinity`): the server starts, and the
        /// starter's wait fails with `timeout_value`, as in erl.
        public var timeoutIsInvalid = false
        /// The `sys` debug options (`{debug, [trace, log, statistics]}`).
        public var debug: SysDebug?
        /// `{hibernate_after, Ms}`: the server hibernates when it has
        /// waited this long for a message with no timeout of its own.
        public var hibernateAfter: Int64?

        /// No options.
        public init() {}

        /// Parses the option list; `nil` when it is not a proper list.
        /// Options gen_server does not know are ignored, as erl does.
        public init?(_ term: Term) {
            // Read cell by cell: most starts pass `[]`, and no array is made for it.
            var rest = term
            while case .cons(let cell) = rest {
                rest = cell.tail
                guard case .tuple(let e) = cell.head, e.count == 2, case .atom(let key) = e[0] else { continue }
                if key == OTPAtom.timeout {
                    if let t = GenServer.timeout(e[1]) {
                        timeout = t
                        timeoutIsInvalid = false
                    } else {
                        timeoutIsInvalid = true
                    }
                }
                if key == OTPAtom.debug { debug = SysDebug(options: e[1]) }
                if key == OTPAtom.hibernateAfter {
                    if case .milliseconds(let ms)? = GenServer.timeout(e[1]) { hibernateAfter = ms } else { hibernateAfter = nil }
                }
            }
            guard case .nil = rest else { return nil }
        }
    }

    /// Starts a server running `module` with `args`, registered as `name`
    /// if given, tied to `caller` as `tie` says. Returns what erl's start
    /// functions return: `{ok, Pid}` (`{ok, {Pid, Mon}}` for a monitor),
    /// `ignore`, or `{error, Reason}` (among them `{already_started, Pid}`).
    /// `initialCall` replaces the `'$initial_call'` `{Module, init, 1}`
    /// (a supervisor shows `{supervisor, CallbackModule, 1}`, as proc_lib
    /// translates it in erl).
    public static func start(_ module: Atom, _ args: Term, name: ServerName? = nil, options: StartOptions = StartOptions(),
                             tie: ProcLib.Tie, initialCall: Term? = nil, from caller: ErlangProcess) async throws -> Term {
        // gen:start/6 looks the name up before it spawns anything.
        if let name {
            let holder: Pid?
            do {
                holder = try await name.holder(from: caller)
            } catch let exception as ErlangException {
                throw ErlangException(exception.kind, exception.reason,
                                      stacktrace: exception.stacktrace + [StackFrames.frame(OTPAtom.gen, "start", 6, line: 105)])
            }
            if let holder { return .tuple([.atom(.error), .tuple([.atom(OTPAtom.alreadyStarted), .pid(holder)])]) }
        }
        let mark = caller.ownMessageCount
        let body = ServerProcess(module, args, name: name, options: options, tie: tie, initialCall: initialCall,
                                 starter: caller)
        let (child, monitor) = if initCannotWait(module, name: name, options: options, runtime: caller.runtime) {
            await ProcLib.spawnOnCallerTask(from: caller, tie: tie, body)
        } else {
            ProcLib.spawn(from: caller, tie: tie, body)
        }
        return try await answer(of: child, monitor: monitor, tie: tie, options: options, skipping: mark, to: caller)
    }

    /// What a start returns, once its child has run until it first waited
    /// or exited: the acknowledgement `init/1` led to, with the monitor
    /// for `start_monitor` (dropped when the start failed).
    static func answer(of child: ErlangProcess, monitor: Ref?, tie: ProcLib.Tie, options: StartOptions, skipping mark: Int,
                       to caller: ErlangProcess) async throws -> Term {
        if options.timeoutIsInvalid {
            throw ErlangException(.error, .atom(OTPAtom.timeoutValue),
                                  stacktrace: [StackFrames.frame(OTPAtom.procLib, "sync_start", 2, line: 310)])
        }
        let answer = try await ProcLib.syncStart(caller, child: child.pid, linked: tie == .link,
                                            timeout: options.timeout, skipping: mark)
        if let monitor, case .tuple(let e) = answer, e.count == 2, e[0] == .ok {
            return .tuple([.ok, .tuple([e[1], .ref(monitor)])])
        }
        if let monitor, answer != .ok, !(answer.tupleElements?.first == .ok) {
            caller.demonitor(monitor)
            caller.flushDownMessages(for: monitor)
        }
        return answer
    }

    /// The callbacks a server may run on another process's task: those a
    /// call runs (the reply, a continuation, the end).
    static let borrowedCallbacks: [FunctionKey] = [
        FunctionKey(OTPAtom.handleCall, 3), FunctionKey(OTPAtom.handleContinue, 2), FunctionKey(OTPAtom.terminate, 2),
        FunctionKey(OTPAtom.formatStatus, 1), FunctionKey(OTPAtom.formatStatus, 2),
    ]

    /// Whether a server's start can run on the starter's task
    /// (`Runtime.spawnOnCallerTask`): `init/1` and `handle_continue/2`
    /// cannot wait, nor can registering the name, and the starter has no
    /// start timeout to act on meanwhile.
    static func initCannotWait(_ module: Atom, name: ServerName?, options: StartOptions,
                                       runtime: Runtime) -> Bool {
        guard options.timeout == .infinity, !options.timeoutIsInvalid, options.hibernateAfter == nil,
              let callbacks = runtime.modules.loaded(module) else { return false }
        switch name {
        case nil, .local?: break
        case .global?, .via?: return false
        }
        return !callbacks.mayWait(FunctionKey(OTPAtom.initialize, 1))
            && !callbacks.mayWait(FunctionKey(OTPAtom.handleContinue, 2))
    }

    /// The server process's start: register, `init/1`, acknowledge.
    /// Returns the loop to run, or `nil` when the server ends quietly
    /// (`ignore`, a name already taken). Mirrors
    /// `gen_server:init_it/6`. Out of line: its frame must not become part
    /// of the frame the server idles in.
    @inline(never)
    static func initialize(_ server: ErlangProcess, starter: Pid, parent: Pid, name: ServerName?, module: Atom,
                           args: Term, debug: SysDebug?) async throws -> (GenServerLoop, LoopNext)? {
        if let name, let holder = try await name.register(server) {
            ProcLib.initAck(server, to: starter, .tuple([.atom(.error), .tuple([.atom(OTPAtom.alreadyStarted), .pid(holder)])]))
            return nil
        }
        // Only what `started` needs lives across `init/1` (an idle server
        // keeps the slabs its deepest frames needed).
        let result = await callInit(server, module: module, args: args)
        return try await started(server, result, starter: starter, parent: parent, name: name, module: module,
                                 debug: debug)
    }

    /// `module:init(Args)`: its value (a `throw` counts as one) or the
    /// exception it raised. A `ProcessExit` (killed) passes through.
    @inline(never)
    private static func callInit(_ server: ErlangProcess, module: Atom, args: Term) async -> Result<Term, any Error> {
        do {
            return .success(try await server.apply(module: module, function: OTPAtom.initialize, [args]))
        } catch let exception as ErlangException where exception.kind == .throw {
            return .success(exception.reason)
        } catch {
            return .failure(error)
        }
    }

    /// What `init/1` gave, acted on: acknowledged to the starter, and the
    /// loop to run, or `nil` when the server ends quietly.
    @inline(never)
    static func started(_ server: ErlangProcess, _ outcome: Result<Term, any Error>, starter: Pid, parent: Pid,
                                name: ServerName?, module: Atom, debug: SysDebug?) async throws -> (GenServerLoop, LoopNext)? {
        let result: Term
        switch outcome {
        case .success(let value):
            result = value
        case .failure(let exception as ErlangException):
            let stack = exception.stacktrace + StackFrames.initCallback
            await name?.unregister(server)
            ProcLib.initAck(server, to: starter,
                            .tuple([.atom(.error), GenServerLoop.terminateReason(exception.kind, exception.reason, stack)]))
            throw ErlangException(exception.kind, exception.reason, stacktrace: stack)
        case .failure(let other):
            throw other
        }
        let next: LoopNext
        let state: Term
        switch InitResult(result) {
        case .ok(let s, let n):
            state = s
            next = n
        case .ignore:
            await name?.unregister(server)
            ProcLib.initAck(server, to: starter, .atom(OTPAtom.ignore))
            return nil
        case .stop(let reason):
            await name?.unregister(server)
            ProcLib.initAck(server, to: starter, .tuple([.atom(.error), reason]))
            throw ErlangException(.exit, reason, stacktrace: StackFrames.initExit(line: 835))
        case .bad:
            let reason: Term = .tuple([.atom(OTPAtom.badReturnValue), result])
            ProcLib.initAck(server, to: starter, .tuple([.atom(.error), reason]))
            throw ErlangException(.exit, reason, stacktrace: StackFrames.initExit(line: 843))
        }
        ProcLib.initAck(server, to: starter, .tuple([.ok, .pid(server.pid)]))
        let loop = GenServerLoop(process: server, parent: parent, name: name?.reportName ?? .pid(server.pid),
                                 module: module, state: state, debug: debug)
        return (loop, next)
    }

    /// Turns the calling process into a server (`gen_server:enter_loop/3,4,5`):
    /// it must have been started by proc_lib; its parent is the first of
    /// its `'$ancestors'`. A name must already be the process's own (it
    /// registers itself first): enter_loop checks it, registers nothing.
    public static func enterLoop(_ process: ErlangProcess, module: Atom, state: Term, name: ServerName?,
                                 next: Term?, options: StartOptions) async throws -> Never {
        if let name, await !name.isHeld(by: process) {
            throw ErlangException(.exit, name.notHeldReason,
                                  stacktrace: [StackFrames.frame(OTPAtom.gen, "get_proc_name", 1, line: 654),
                                               StackFrames.frame(OTPAtom.genServer, "enter_loop", 5, line: 782)])
        }
        // gen:get_parent/0: the first of the proc_lib ancestors; a process
        // proc_lib did not start has none and cannot become a server.
        guard case .cons(let cell)? = process.get(.atom(OTPAtom.ancestorsKey)) else {
            throw ErlangException(.exit, .atom(Atom("process_was_not_started_by_proc_lib")))
        }
        var parent = process.pid
        if case .pid(let p) = cell.head { parent = p }
        if case .atom(let n) = cell.head, let p = process.runtime.whereis(n) { parent = p }
        let first = next.flatMap(LoopNext.init) ?? .wait(.infinity)
        let loop = GenServerLoop(process: process, parent: parent, name: name?.reportName ?? .pid(process.pid),
                                 module: module, state: state, debug: options.debug)
        loop.hibernateAfter = options.hibernateAfter
        try await loop.run(first)
    }

    /// Stops the server `dest` with `reason` and waits until it has
    /// terminated. Mirrors `gen_server:stop/1,3` (`gen:stop/3`,
    /// `proc_lib:stop/3`): `ok`, or an exit with `noproc` (`{nodedown, N}`
    /// for a name on another node), `timeout` or the reason the server died
    /// of instead; `function_clause` when `dest` is not a server reference;
    /// `{calling_self, {sys, terminate, [Pid, Reason, Timeout]}}` when it is
    /// the caller itself.
    public static func stop(_ dest: Term, reason: Term = .atom(.normal), timeout: ErlangProcess.ReceiveTimeout = .infinity,
                            from process: ErlangProcess) async throws -> Term {
        let server: Pid
        switch await ServerRef.locate(dest, in: process) {
        case .found(let pid):
            server = pid
        case .missing(let why):
            throw ErlangException(.exit, why, stacktrace: [StackFrames.frame(OTPAtom.gen, "do_for_proc", 2, line: 565)])
        case .malformed(let term):
            throw ErlangException(.error, .atom(.functionClause),
                                  stacktrace: [StackFrames.doForProc(term, fun: 3, in: process)])
        }
        if server == process.pid {
            let call: Term = .tuple([.atom(OTPAtom.sys), .atom(OTPAtom.terminate),
                                     .list([.pid(server), reason, GenServer.term(of: timeout)])])
            throw ErlangException(.exit, .tuple([.atom(OTPAtom.callingSelf), call]))
        }
        let mark = process.ownMessageCount
        let (mref, _) = await sendRequest(to: server, label: OTPAtom.system,
                                    .tuple([.atom(OTPAtom.terminate), reason]), from: process)
        // The server answers `ok` just before it terminates; that answer is
        // taken out here so it does not stay in the mailbox.
        var down: Term?
        while down == nil {
            let message = try await process.receive(timeout: timeout, skipping: mark) { message -> Term? in
                answerIn(message, mref) == nil ? nil : message
            }
            guard let message else { break }
            if case .failure(.exited(let reason))? = answerIn(message, mref) { down = reason }
        }
        guard let down else {
            process.demonitor(mref)
            process.flushDownMessages(for: mref)
            throw ErlangException(.exit, .atom(.timeout))
        }
        if down == reason { return .ok }
        throw ErlangException(.exit, down)
    }
}

/// A server process's whole life: proc_lib's start, `init/1`, the loop.
/// One object the process runs as its fun, so the server idles in this
/// frame and the loop's, with no closure frames between (memory per idle
/// server is mostly its suspended frames).
final class ServerProcess: ProcLib.Body, @unchecked Sendable {
    // @unchecked: immutable, and every stored value is Sendable.
    let starter: Pid
    let linked: Bool
    let name: ServerName?
    let module: Atom
    let args: Term
    let debug: SysDebug?
    /// The `hibernate_after` start option, for the loop.
    let hibernateAfter: Int64?

    init(initialCall: Term, ancestors: Term, starter: Pid, linked: Bool, name: ServerName?, module: Atom,
         args: Term, debug: SysDebug?, hibernateAfter: Int64? = nil) {
        self.starter = starter
        self.linked = linked
        self.name = name
        self.module = module
        self.args = args
        self.debug = debug
        self.hibernateAfter = hibernateAfter
        super.init(initialCall: initialCall, ancestors: ancestors)
    }

    /// The body of a server `starter` starts running `module` with
    /// `args`, as `GenServer.start` takes them; `initialCall` defaults to
    /// `{Module, init, 1}`.
    convenience init(_ module: Atom, _ args: Term, name: ServerName?, options: GenServer.StartOptions,
                     tie: ProcLib.Tie, initialCall: Term? = nil, starter: ErlangProcess) {
        self.init(initialCall: initialCall ?? .tuple([.atom(module), .atom(OTPAtom.initialize), .int(1)]),
                  ancestors: ProcLib.ancestors(of: starter), starter: starter.pid, linked: tie == .link, name: name,
                  module: module, args: args, debug: options.debug, hibernateAfter: options.hibernateAfter)
    }

    override func call(_ server: ErlangProcess, _ arguments: [Term]) async throws -> Term {
        let started: (loop: GenServerLoop, next: LoopNext)?
        do {
            // `initialize` returns before the loop runs, so its frame (and
            // everything start-up needed) is gone while the server runs.
            started = try await GenServer.initialize(server, starter: starter, parent: linked ? starter : server.pid,
                                                     name: name, module: module, args: args, debug: debug)
        } catch {
            exited(server, error)
            throw error
        }
        return try await serveStarted(server, started)
    }

    /// Carries the server on after its `init/1` ran at once
    /// (`GenServer.startAtOnce`) with `outcome`, anything but a plain
    /// `{ok, State}`: acknowledged, and served or ended, as `call` goes on
    /// after `init/1`.
    func carryOn(_ server: ErlangProcess, afterInit outcome: Result<Term, any Error>) async throws -> Term {
        let started: (loop: GenServerLoop, next: LoopNext)?
        do {
            started = try await GenServer.started(server, outcome, starter: starter, parent: linked ? starter : server.pid,
                                                  name: name, module: module, debug: debug)
        } catch {
            exited(server, error)
            throw error
        }
        return try await serveStarted(server, started)
    }

    /// Serves the loop `init/1` led to, if any.
    @inline(__always)
    private func serveStarted(_ server: ErlangProcess, _ started: (loop: GenServerLoop, next: LoopNext)?) async throws -> Term {
        guard let (loop, next) = started else { return .ok }
        loop.body = self
        loop.hibernateAfter = hibernateAfter
        // Idle in a task of its own (a cast woke it), the loop lends the
        // task: a call runs on the caller's task, as to an idle server.
        server.lendTaskWhileIdle(to: loop)
        // A server just started usually idles until its first request (a
        // pool's workers, a supervisor's children): it waits as if init/1
        // had asked to hibernate, holding no task. Once requests come, it
        // keeps its task between them (a new task per request would cost
        // more than the memory saved) until a callback hibernates.
        // (Not a server that hibernates after a while: it waits with a timer.)
        if case .wait(.infinity) = next, hibernateAfter == nil {
            try await serve(server, loop, .idle)
        } else {
            try await serve(server, loop, next)
        }
    }

    /// Runs `loop` from `next`, writing the crash report when the server
    /// crashes. The bottom of every task of the server but its first.
    @inline(__always)
    func serve(_ server: ErlangProcess, _ loop: GenServerLoop, _ next: LoopNext) async throws -> Never {
        do {
            try await loop.run(next)
        } catch {
            exited(server, error)
            throw error
        }
    }

    /// Carries `loop` on after a call whose `handle_call` ran at once
    /// (`GenServer.callAtOnce`) with `outcome`, anything but a plain
    /// reply (or a failure to run at all, such as a kill): as the loop
    /// would have gone on from it, writing the crash report if the
    /// server crashes.
    func serve(_ server: ErlangProcess, _ loop: GenServerLoop, afterCall outcome: Result<GenServerLoop.Outcome, any Error>,
               from: Term, request: Term) async throws -> Never {
        do {
            let next = try await loop.handleCallResult(try outcome.get(), from: from, request: request)
            try await loop.run(next)
        } catch {
            exited(server, error)
            throw error
        }
    }

    /// What a new task runs to carry `loop` on after the server waited
    /// without a task.
    /// Waiting for a message with no timeout, the usual case, the loop
    /// is its own resumption (`GenServerLoop.call`): an idle server gives
    /// its task back after every borrowed call, with no allocation.
    func resumption(of loop: GenServerLoop, next: LoopNext = .wait(.infinity)) -> FunBody {
        if case .wait(.infinity) = next { return loop }
        return Resumption(body: self, loop: loop, next: next)
    }

    /// `serve(_:loop:next)`, as the code of a new task.
    private final class Resumption: FunBody, @unchecked Sendable {
        // @unchecked: immutable; the loop passes between tasks as
        // `GenServerLoop` explains.
        let body: ServerProcess
        let loop: GenServerLoop
        let next: LoopNext

        init(body: ServerProcess, loop: GenServerLoop, next: LoopNext) {
            self.body = body
            self.loop = loop
            self.next = next
        }

        override func call(_ server: ErlangProcess, _ args: [Term]) async throws -> Term {
            try await body.serve(server, loop, next)
        }
    }
}

/// What `init/1` returned.
enum InitResult {
    /// `{ok, S}` or `{ok, S, Next}`.
    case ok(Term, LoopNext)
    /// `ignore`.
    case ignore
    /// `{stop, Reason}`.
    case stop(Term)
    /// Anything else, `{error, Reason}` among them: OTP 25 has no clause
    /// for `{error, R}` (OTP 26 added one).
    case bad

    init(_ result: Term) {
        self = .bad
        switch result {
        case .atom(let a) where a == OTPAtom.ignore:
            self = .ignore
        case .tuple(let e) where e.count == 2 && e[0] == .ok:
            self = .ok(e[1], .wait(.infinity))
        case .tuple(let e) where e.count == 3 && e[0] == .ok:
            if let next = LoopNext(e[2]) { self = .ok(e[1], next) }
        case .tuple(let e) where e.count == 2 && e[0] == .atom(OTPAtom.stop):
            self = .stop(e[1])
        case .int, .bigInt, .float, .atom, .tuple, .nil, .cons, .map, .binary, .pid, .ref, .fun:
            break
        }
    }
}
