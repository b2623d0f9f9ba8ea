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
    @discardableResult
    public func spawn(linkTo parent: ErlangProcess? = nil, initialCall: Term? = nil,
                      code: ProcessCode) -> ErlangProcess {
        let process = makeProcess(initialCall: initialCall)
        if let parent { link(newProcess: process, to: parent) }
        start(process, code)
        return process
    }

    /// Starts a process running `body`, monitored by `watcher`
    /// (`spawn_monitor/1`); returns the process and the monitor's reference.
    public func spawnMonitor(by watcher: ErlangProcess, initialCall: Term? = nil,
                             _ body: @escaping @Sendable (ErlangProcess) async throws -> Void)
        -> (process: ErlangProcess, ref: Ref) {
        spawnMonitor(by: watcher, initialCall: initialCall, code: .closure(body))
    }

    /// Starts a process running `code`, monitored by `watcher`; returns the
    /// process and the monitor's reference.
    public func spawnMonitor(by watcher: ErlangProcess, initialCall: Term? = nil,
                             code: ProcessCode) -> (process: ErlangProcess, ref: Ref) {
        let process = makeProcess(initialCall: initialCall)
        let ref = watcher.monitor(process.pid)
        start(process, code)
        return (process, ref)
    }

    /// Runs `body` in a new process and waits for it to end; returns what
    /// `body` returned. Throws `ProcessExit` with the exit reason when the
    /// process ended any other way (an exception, an exit signal). For
    /// Swift code and tests that need Erlang's process context.
    public func run<T: Sendable>(_ body: @escaping @Sendable (ErlangProcess) async throws -> T) async throws -> T {
        let result = ResultBox<T>()
        let process = spawn { p in
            let value = try await body(p)
            result.value.withLock { $0 = value }
        }
        let reason = await process.waitForExit()
        if let value = result.value.withLock({ $0 }), reason == .atom(.normal) { return value }
        throw ProcessExit(reason: reason)
    }

    private func makeProcess(initialCall: Term?) -> ErlangProcess {
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
    private func link(newProcess process: ErlangProcess, to parent: ErlangProcess) {
        _ = process.addLink(parent.pid)
        if !parent.addLink(process.pid) {
            process.receiveExitSignal(from: parent.pid, reason: parent.exitReason ?? .atom(.noproc), fromLink: true)
        }
    }

    private func start(_ process: ErlangProcess, _ code: ProcessCode) {
        activity.wake()
        startTask(process, code)
    }

    /// Starts a task running `code` as `process` (already counted as
    /// runnable): the first one, or a new one for a process that waited
    /// without a task.
    func startTask(_ process: ErlangProcess, _ code: ProcessCode) {
        if scheduler.isGlobalExecutor {
            Task.detached { await self.run(process, code) }
        } else {
            Task(executorPreference: scheduler) { await self.run(process, code) }
        }
    }

    /// A process's whole life: its code, then its exit; or the part of it
    /// up to where it waits without a task (the new task that wakes it runs
    /// the rest here). The bottom frame of every suspended process, so it
    /// keeps nothing but what it needs.
    @concurrent @inline(never)
    private func run(_ process: ErlangProcess, _ code: ProcessCode) async {
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
        guard let reason = Runtime.exitReason(ofFailure: failure) else { return }
        finish(process, reason: reason)
    }

    /// The exit reason of a body that ended normally (`nil`) or threw
    /// `error`; `nil` when it ended its task to wait without one.
    @inline(never)
    private static func exitReason(ofFailure error: (any Error)?) -> Term? {
        switch error {
        case is ProcessWaitsWithoutTask: return nil
        case nil: return .atom(.normal)
        case let exit as ProcessExit: return exit.reason
        case let exception as ErlangException: return Runtime.exitReason(of: exception)
        case let other?: return .tuple([.atom("swift_error"), .string(String(describing: other))])
        }
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
