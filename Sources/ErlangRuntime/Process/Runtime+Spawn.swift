import ErlangTerms

/// Starting processes: `spawn`, `spawn_link`, `spawn_monitor`, and `run`
/// for Swift code that wants a process's result.
///
/// A process is entered in the table, linked or monitored, and only then
/// its task starts, so nothing it does can be missed by its parent.
extension Runtime {
    /// Starts a process running `body` (`spawn/1`); links it to `linkTo`
    /// first when given (`spawn_link/1`). `initialCall` is what
    /// `process_info` reports (default `{erlang, apply, 2}`).
    ///
    /// The body's return value is ignored; the exit reason is `normal` when
    /// it returns, the reason of a `ProcessExit` or an `exit` exception, or
    /// `{Reason, Stack}` for an error (see `exitReason(of:)`).
    @discardableResult
    public func spawn(linkTo parent: ErlangProcess? = nil, initialCall: Term? = nil,
                      _ body: @escaping @Sendable (ErlangProcess) async throws -> Void) -> ErlangProcess {
        spawn(linkTo: parent, initialCall: initialCall, code: .closure(body))
    }

    /// Starts a process running `code`; links it to `linkTo` first when given.
    /// `prepare` runs on the new process before it starts (proc_lib puts
    /// `'$initial_call'` in its dictionary there, so that the key is in
    /// place however late the process first runs).
    @discardableResult
    public func spawn(linkTo parent: ErlangProcess? = nil, initialCall: Term? = nil,
                      prepare: (ErlangProcess) -> Void = { _ in }, code: ProcessCode) -> ErlangProcess {
        let process = makeProcess(initialCall: initialCall)
        if let parent { link(newProcess: process, to: parent) }
        prepare(process)
        start(process, code)
        return process
    }

    /// Starts a process running `code`, linked to `linkTo` when given and
    /// monitored by `watcher` when given, and runs it on the caller's task
    /// until it first waits without a task or exits (see
    /// `ErlangProcess.runBorrowed`): a process that starts, does its setup
    /// and idles then never needs a task of its own. Its code must not wait
    /// otherwise: the caller's own timeouts and exit signals wait until
    /// the borrowed run ends. `prepare` runs before the process does, as
    /// in `spawn(linkTo:initialCall:prepare:code:)` (proc_lib also opens
    /// the caller's slot for the start acknowledgement there:
    /// `ErlangProcess.expectStartAck`).
    public func spawnOnCallerTask(linkTo parent: ErlangProcess? = nil, monitoredBy watcher: ErlangProcess? = nil,
                                  initialCall: Term? = nil, prepare: (ErlangProcess) -> Void = { _ in },
                                  code: ProcessCode) async -> (process: ErlangProcess, monitor: Ref?) {
        let (process, ref) = makeUnstarted(linkTo: parent, monitoredBy: watcher, initialCall: initialCall, prepare: prepare)
        await runUnstartedOnCallerTask(process, code)
        return (process, ref)
    }

    /// Starts a process running `body`, monitored by `watcher`
    /// (`spawn_monitor/1`); returns the process and the monitor's reference.
    public func spawnMonitor(by watcher: ErlangProcess, initialCall: Term? = nil,
                             _ body: @escaping @Sendable (ErlangProcess) async throws -> Void)
        -> (process: ErlangProcess, ref: Ref) {
        spawnMonitor(by: watcher, initialCall: initialCall, code: .closure(body))
    }

    /// Starts a process running `code`, monitored by `watcher`; returns the
    /// process and the monitor's reference. `prepare` runs on the new
    /// process before it starts, as in `spawn(linkTo:initialCall:prepare:code:)`.
    public func spawnMonitor(by watcher: ErlangProcess, initialCall: Term? = nil,
                             prepare: (ErlangProcess) -> Void = { _ in },
                             code: ProcessCode) -> (process: ErlangProcess, ref: Ref) {
        let process = makeProcess(initialCall: initialCall)
        let ref = watcher.monitor(process.pid)
        prepare(process)
        start(process, code)
        return (process, ref)
    }

    /// Starts a process running `code`, linked to `parent` and monitored
    /// by `watcher`, both before it starts (`spawn_opt/2` with `link` and
    /// `monitor`); returns the process and the monitor's reference.
    public func spawn(linkTo parent: ErlangProcess, monitoredBy watcher: ErlangProcess, initialCall: Term? = nil,
                      code: ProcessCode) -> (process: ErlangProcess, ref: Ref) {
        let process = makeProcess(initialCall: initialCall)
        link(newProcess: process, to: parent)
        let ref = watcher.monitor(process.pid)
        start(process, code)
        return (process, ref)
    }

    /// Runs `body` in a new process and waits for it to end; returns what
    /// `body` returned. Throws `ProcessExit` with the exit reason when the
    /// process ended any other way (an exception, an exit signal). For
    /// Swift code and tests that need Erlang's process context. An
    /// exception `body` throws is the caller's to handle, so it is not
    /// handed to `uncaughtExceptionHandler` (no report).
    public func run<T: Sendable>(_ body: @escaping @Sendable (ErlangProcess) async throws -> T) async throws -> T {
        let result = ResultBox<T>()
        let process = spawn { p in
            do {
                let value = try await body(p)
                result.value.withLock { $0 = value }
            } catch let exception as ErlangException {
                throw ProcessExit(reason: Runtime.exitReason(of: exception))
            }
        }
        let reason = await process.waitForExit()
        if let value = result.value.withLock({ $0 }), reason == .atom(.normal) { return value }
        throw ProcessExit(reason: reason)
    }

    func makeProcess(initialCall: Term?) -> ErlangProcess {
        let process = table.withLock { t -> ErlangProcess in
            let pid = Pid(serial: t.nextSerial)
            t.nextSerial += 1
            let process = ErlangProcess(pid: pid, runtime: self)
            t.processes[pid] = process
            return process
        }
        if let initialCall { process.initialCall = initialCall }
        return process
    }

    /// Links a process that has not started yet to `parent`. If `parent`
    /// is already dead, the new process gets its exit signal at once.
    func link(newProcess process: ErlangProcess, to parent: ErlangProcess) {
        _ = process.addLink(parent.pid)
        if !parent.addLink(process.pid) {
            process.receiveExitSignal(from: parent.pid, reason: parent.exitReason ?? .atom(.noproc), fromLink: true)
        }
    }

    func start(_ process: ErlangProcess, _ code: ProcessCode) {
        activity.wake()
        startTask(process, code)
    }

    /// Starts a task running `code` as `process` (already counted as
    /// runnable): the first one, or a new one for a process that waited
    /// without a task.
    func startTask(_ process: ErlangProcess, _ code: ProcessCode) {
        if scheduler.isGlobalExecutor {
            Task.detached { await self.runToWaitOrExit(process, code) }
        } else {
            Task(executorPreference: scheduler) { await self.runToWaitOrExit(process, code) }
        }
    }

    /// A process's whole life: its code, then its exit; or the part of it
    /// up to where it waits without a task (the new task that wakes it runs
    /// the rest here). The bottom frame of every suspended process, so it
    /// keeps nothing but what it needs.
    @inline(never)
    func runToWaitOrExit(_ process: ErlangProcess, _ code: ProcessCode) async {
        await runToWaitOrExitInCallersFrame(process, code)
    }

    /// `runToWaitOrExit` without a frame of its own, for a borrowed run
    /// (`ErlangProcess.runBorrowed`, `spawnOnCallerTask`): the frame it
    /// joins lives only for the run, so its size costs no idle process
    /// anything, and every borrowed turn saves an async frame.
    /// Answers whether the process exited (it did not wait without a task).
    @inline(__always) @discardableResult
    func runToWaitOrExitInCallersFrame(_ process: ErlangProcess, _ code: ProcessCode) async -> Bool {
        var failure: (any Error)?
        do {
            switch code {
            case .closure(let body): try await body(process)
            case .fun(let fun): _ = try await fun.call(process, [])
            }
        } catch {
            failure = error
        }
        // (Not a `catch is` clause: the cast's buffers would join this
        // frame, under every suspended process, and cost it a second slab.)
        guard let reason = exitReason(of: process, failure: failure) else { return false }
        finish(process, reason: reason)
        return true
    }

    /// The exit reason of `process`, whose body ended normally
    /// (`failure` is `nil`) or threw `failure`; `nil` when it ended its
    /// task to wait without one. An uncaught `error` or `throw` goes to
    /// `uncaughtExceptionHandler` first.
    ///
    /// The ends that happen all the time (a return, an idle server giving
    /// up its task) are told apart without a dynamic cast: by the identity
    /// of the one error thrown to give the task up
    /// (`ProcessWaitsWithoutTask.isThrown`), else by their exact type; `as?`
    /// (a `swift_dynamicCast`) only unpacks a value whose type is known.
    @inline(never)
    private func exitReason(of process: ErlangProcess, failure error: (any Error)?) -> Term? {
        guard let error else { return .atom(.normal) }
        if ProcessWaitsWithoutTask.isThrown(error) { return nil }
        let type = Swift.type(of: error)
        if type == ProcessWaitsWithoutTask.self { return nil }
        if type == ProcessExit.self, let exit = error as? ProcessExit { return exit.reason }
        if type == ErlangException.self, let exception = error as? ErlangException {
            return exitReason(of: process, uncaught: exception)
        }
        // (All three are structs, so `as?` could match no other type.)
        return .tuple([.atom("swift_error"), .string(String(describing: error))])
    }

    /// The exit reason of `process`, which did not catch `exception`:
    /// an `error` or `throw` is first handed to
    /// `uncaughtExceptionHandler`, unless an exit signal is about to end
    /// the process anyway (its reason then wins, see `finish`).
    private func exitReason(of process: ErlangProcess, uncaught exception: ErlangException) -> Term {
        guard exception.kind != .exit, let handler = uncaughtExceptionHandler.withLock({ $0 }),
              process.shared.withLock({ $0.pendingExit == nil && $0.exitReason == nil }) else {
            return Runtime.exitReason(of: exception)
        }
        return Runtime.exitReason(of: handler(process, exception))
    }
}

/// What a new process runs.
public enum ProcessCode: Sendable {
    /// Swift code.
    case closure(@Sendable (ErlangProcess) async throws -> Void)
    /// A fun of no arguments, called directly: the process waits with no
    /// closure frame around the fun's (memory per idle process is mostly
    /// its suspended frames).
    case fun(FunBody)
}

/// Where `Runtime.run` keeps the body's result until the process has ended.
private final class ResultBox<T: Sendable>: Sendable {
    let value = Lock<T?>(nil)
}
