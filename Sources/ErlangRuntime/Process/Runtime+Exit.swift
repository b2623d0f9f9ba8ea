import ErlangTerms

/// What happens when a process ends: its links get exit signals, its
/// monitors `'DOWN'` messages, its name is freed, the crash handlers hear
/// of an abnormal exit, and `waitForExit()` returns.
extension Runtime {
    /// The exit reason a process gets from an uncaught exception:
    /// `exit(R)` gives `R`; `error(R)` gives `{R, Stack}`;
    /// `throw(V)` gives `{{nocatch, V}, Stack}`.
    public static func exitReason(of exception: ErlangException) -> Term {
        switch exception.kind {
        case .exit: return exception.reason
        case .error: return .tuple([exception.reason, .list(exception.stacktrace)])
        case .throw: return .tuple([.tuple([.atom("nocatch"), exception.reason]), .list(exception.stacktrace)])
        }
    }

    /// Whether an exit reason is one that produces no crash report.
    public static func isQuietExit(_ reason: Term) -> Bool {
        if case .atom(let a) = reason { return a == .normal || a == .killed || a == Atom("shutdown") }
        if case .tuple(let e) = reason, e.count == 2, case .atom(let a) = e[0], a == Atom("shutdown") { return true }
        return false
    }

    /// Ends `process` with `reason` (or the exit signal that killed it).
    /// Called once, by the process's task, as its last act.
    func finish(_ process: ErlangProcess, reason: Term) {
        guard let notice = process.markExited(reason) else {
            activity.sleep()
            return
        }
        let pid = process.pid
        table.withLock { t in
            t.processes[pid] = nil
            if let name = notice.name, t.names[name] == pid { t.names[name] = nil }
        }
        for (ref, monitor) in notice.monitors.sortedByRef {
            self.process(monitor.pid)?.removeMonitoredBy(ref)
        }
        for linked in notice.links.sorted() {
            self.process(linked)?.receiveExitSignal(from: pid, reason: notice.reason, fromLink: true)
        }
        for (ref, monitor) in notice.monitoredBy.sortedByRef {
            self.process(monitor.pid)?.deliverDown(ref, reason: notice.reason)
        }
        if !Runtime.isQuietExit(notice.reason) {
            for handler in crashHandlers.withLock({ $0 }) { handler(pid, notice.reason, process) }
        }
        activity.sleep()
        process.markNotified()
    }
}

/// What `Runtime.uncaughtExceptionHandler` runs: given the dying process
/// and the exception it did not catch, answers the exception to make its
/// exit reason of.
public typealias UncaughtExceptionHandler = @Sendable (_ process: ErlangProcess, _ exception: ErlangException)
    -> ErlangException
