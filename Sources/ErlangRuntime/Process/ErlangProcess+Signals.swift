import ErlangTerms

/// Exit signals and the end of a process, with Erlang's semantics:
/// `exit(P, kill)` cannot be trapped and kills with `killed`; `normal` is
/// ignored by a process that does not trap exits, unless the process sent
/// it to itself; a trapping process gets `{'EXIT', From, Reason}` messages
/// instead of dying.
///
/// A signal is applied when it arrives (under the receiver's lock), in the
/// order the sender sent it relative to its messages; the receiver notices
/// a pending exit at its next receive, reduction slice or BIF that checks.
extension ErlangProcess {
    /// Whether the process traps exits (`process_flag(trap_exit, Bool)`).
    public var trapExit: Bool {
        get { shared.withLock { $0.trapExit } }
        set { shared.withLock { $0.trapExit = newValue } }
    }

    /// Sets `trap_exit` and returns its old value (`process_flag/2`).
    public func setTrapExit(_ value: Bool) -> Bool {
        shared.withLock { s in
            let old = s.trapExit
            s.trapExit = value
            return old
        }
    }

    /// The exit reason once the process has exited.
    public var exitReason: Term? { shared.withLock { $0.exitReason } }

    /// Throws `ProcessExit` when an exit signal has killed this process.
    public func checkExitSignal() throws {
        if let reason = shared.withLock({ $0.pendingExit }) { throw ProcessExit(reason: reason) }
    }

    /// Sends an exit signal from this process to `target` (`exit(Pid,
    /// Reason)`). A signal to itself takes effect before this returns
    /// (throws `ProcessExit`), as in erl, where
    /// `catch begin exit(self(), foo), ... end` never gets past the call.
    public func sendExitSignal(to target: Pid, reason: Term) throws {
        runtime.sendExitSignal(from: pid, to: target, reason: reason)
        if target == pid { try checkExitSignal() }
    }

    /// Receives an exit signal from `sender` with `reason`. `fromLink` marks
    /// a signal sent because a linked process died: it removes the link,
    /// is ignored when there is no link (any more), and `kill` in it is an
    /// ordinary, trappable reason.
    func receiveExitSignal(from sender: Pid, reason: Term, fromLink: Bool) {
        resume(shared.withLock { s -> Wakeup? in
            guard s.exitReason == nil, s.pendingExit == nil else { return nil }
            if fromLink, s.links.remove(sender) == nil { return nil }
            if !fromLink, case .atom(let a) = reason, a == .kill {
                s.pendingExit = .atom(.killed)
                exitPending.store(true, ordering: .releasing)
                return s.takeWaiter()
            }
            if s.trapExit {
                s.mailbox.append(.term(.tuple([.atom(.EXIT), .pid(sender), reason])))
                return s.takeWaiter()
            }
            if case .atom(let a) = reason, a == .normal, sender != pid { return nil }
            s.pendingExit = reason
            exitPending.store(true, ordering: .releasing)
            return s.takeWaiter()
        })
    }

    /// What a process leaves to notify when it exits.
    struct ExitNotice {
        let reason: Term
        let links: Set<Pid>
        let monitors: MonitorTable
        let monitoredBy: MonitorTable
        let name: Atom?
    }

    /// Marks the process dead and returns whom to notify. The reason is
    /// `reason`, unless an exit signal killed the process first (then the
    /// signal's reason wins, even if the body returned before noticing).
    /// Called once, by the runtime, when the task ends; `nil` if already dead.
    func markExited(_ reason: Term) -> ExitNotice? {
        front.withLock { $0 = [] }
        frontCount = 0
        return shared.withLock { s in
            guard s.exitReason == nil else { return nil }
            let final = s.pendingExit ?? reason
            s.exitReason = final
            let notice = ExitNotice(reason: final, links: s.links, monitors: s.monitors,
                                    monitoredBy: s.monitoredBy, name: s.registeredName)
            s.links = []
            s.monitoredBy = MonitorTable()
            s.monitors = MonitorTable()
            s.mailbox = []
            s.control = []
            s.registeredName = nil
            s.dictionary = ProcessDictionary()
            return notice
        }
    }

    /// Records that every link and monitor has been told of the exit and
    /// wakes the tasks waiting in `waitForExit()`.
    func markNotified() {
        let (waiters, reason) = shared.withLock { s in
            s.notified = true
            let w = s.exitWaiters
            s.exitWaiters = []
            return (w, s.exitReason ?? .atom(.normal))
        }
        for waiter in waiters { waiter.resume(returning: reason) }
    }

    /// Waits until the process has exited and its links and monitors have
    /// been notified; returns the exit reason. For Swift code and tests
    /// (Erlang code uses a monitor).
    public func waitForExit() async -> Term {
        await withTSanAwareContinuation { (continuation: UnsafeContinuation<Term, Never>) in
            let reason: Term? = shared.withLock { s in
                if s.notified { return s.exitReason ?? .atom(.normal) }
                s.exitWaiters.append(continuation)
                return nil
            }
            if let reason { continuation.resume(returning: reason) }
        }
    }
}
