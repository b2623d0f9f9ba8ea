import ErlangTerms

/// A process made but not started: in the table, linked and monitored as
/// asked, its dictionary prepared, with no task and not yet counted as
/// runnable. Whoever made it runs its first steps at once, on its own
/// thread, as the new process (a `gen_server:start` whose `init/1` cannot
/// suspend: `GenServer.startAtOnce`), then either parks it idle
/// (`parkUnstarted`) or runs the rest of its start on the caller's task
/// (`runUnstartedOnCallerTask`), as `spawnOnCallerTask` would have.
extension Runtime {
    /// Makes a process for `initialCall`, linked to `parent` and monitored
    /// by `watcher` when given, with `prepare` run on it; it does not run.
    public func makeUnstarted(linkTo parent: ErlangProcess? = nil, monitoredBy watcher: ErlangProcess? = nil,
                              initialCall: Term? = nil,
                              prepare: (ErlangProcess) -> Void = { _ in }) -> (process: ErlangProcess, monitor: Ref?) {
        let process = makeProcess(initialCall: initialCall)
        if let parent { link(newProcess: process, to: parent) }
        let ref = watcher?.monitor(process.pid)
        prepare(process)
        return (process, ref)
    }

    /// Runs the unstarted `process`'s `code` on the caller's task until it
    /// first waits without a task or exits, as `spawnOnCallerTask` does.
    public func runUnstartedOnCallerTask(_ process: ErlangProcess, _ code: ProcessCode) async {
        activity.wake()
        process.borrowedMessages = 0
        await runToWaitOrExitInCallersFrame(process, code)
    }

    /// Lets the unstarted `process` idle without a task, resuming with
    /// `code` when something wakes it; started at once in a task running
    /// `code` if something waits for it already (its first steps sent
    /// it a message, or an exit signal came).
    public func parkUnstarted(_ process: ErlangProcess, resumingWith code: FunBody) {
        // Counted runnable first, as a process that ran and went idle was:
        // parking counts it idle again.
        activity.wake()
        if !process.parkWithoutTask(resumingWith: code) { startTask(process, .fun(code)) }
    }
}
