import ErlangTerms

/// Links, monitors and exit signals, with Erlang's semantics:
/// `kill` cannot be trapped and becomes `killed`; `normal` is ignored by a
/// process that does not trap exits; a trapping process gets
/// `{'EXIT', From, Reason}` messages instead of dying.
extension ErlangProcess {
    /// Whether the process traps exits (`process_flag(trap_exit, Bool)`).
    public var trapExit: Bool {
        get { shared.withLock { $0.trapExit } }
        set { shared.withLock { $0.trapExit = newValue } }
    }

    /// The pids this process is linked to.
    public var links: [Pid] { shared.withLock { Array($0.links) } }

    /// The pids this process monitors.
    public var monitoredPids: [Pid] { shared.withLock { Array($0.monitors.values) } }

    /// The pids monitoring this process.
    public var monitoringPids: [Pid] { shared.withLock { Array($0.monitoredBy.values) } }

    /// The exit reason once the process has exited.
    public var exitReason: Term? { shared.withLock { $0.exitReason } }

    /// Throws `ProcessExit` when an exit signal has killed this process.
    public func checkExitSignal() throws {
        if let reason = shared.withLock({ $0.pendingExit }) { throw ProcessExit(reason: reason) }
    }

    /// Receives an exit signal from `sender` with `reason`. `fromLink` marks
    /// a signal sent because a linked process died (where `kill` is trappable
    /// and arrives as `killed`, not as an untrappable kill).
    func receiveExitSignal(from sender: Pid, reason: Term, fromLink: Bool) {
        enum Outcome { case ignore, message(Term), die(Term) }
        let outcome: Outcome = shared.withLock { s in
            guard s.exitReason == nil, s.pendingExit == nil else { return .ignore }
            if fromLink && !s.links.contains(sender) { return .ignore }
            if !fromLink, case .atom(let a) = reason, a == .kill { return .die(.atom(.killed)) }
            if s.trapExit {
                return .message(.tuple([.atom(.EXIT), .pid(sender), reason]))
            }
            if case .atom(let a) = reason, a == .normal, sender != pid { return .ignore }
            return .die(reason)
        }
        switch outcome {
        case .ignore:
            return
        case .message(let message):
            deliver(message)
        case .die(let reason):
            let waiter: CheckedContinuation<Void, Never>? = shared.withLock { s in
                s.pendingExit = reason
                let w = s.waiter
                s.waiter = nil
                return w
            }
            if let waiter {
                runtime.activity.wake()
                waiter.resume()
            }
        }
    }

    /// Adds a link both ways (`link/1`). Returns `false` when `other` is not
    /// alive; the caller applies erl's `noproc` rule.
    public func link(to other: Pid) -> Bool {
        if other == pid { return true }
        guard let target = runtime.process(other) else { return false }
        let added = target.shared.withLock { s -> Bool in
            guard s.exitReason == nil else { return false }
            s.links.insert(pid)
            return true
        }
        guard added else { return false }
        shared.withLock { _ = $0.links.insert(other) }
        return true
    }

    /// Removes a link both ways (`unlink/1`).
    public func unlink(from other: Pid) {
        shared.withLock { _ = $0.links.remove(other) }
        runtime.process(other)?.shared.withLock { _ = $0.links.remove(pid) }
    }

    /// Monitors `other` (`erlang:monitor(process, Pid)`). When `other` is
    /// not alive, the `'DOWN'` message with `noproc` arrives at once.
    public func monitor(_ other: Pid) -> Ref {
        let ref = runtime.makeRef()
        let added = runtime.process(other)?.shared.withLock { s -> Bool in
            guard s.exitReason == nil else { return false }
            s.monitoredBy[ref] = pid
            return true
        } ?? false
        if added {
            shared.withLock { $0.monitors[ref] = other }
        } else {
            deliver(.tuple([.atom(.DOWN), .ref(ref), .atom(.process), .pid(other), .atom(.noproc)]))
        }
        return ref
    }

    /// Removes the monitor `ref` (`demonitor/1`); `true` if it was active.
    @discardableResult
    public func demonitor(_ ref: Ref) -> Bool {
        guard let target = shared.withLock({ $0.monitors.removeValue(forKey: ref) }) else { return false }
        runtime.process(target)?.shared.withLock { _ = $0.monitoredBy.removeValue(forKey: ref) }
        return true
    }

    /// Removes `'DOWN'` messages for `ref` from the mailbox (`demonitor(R, [flush])`).
    public func flushDownMessages(for ref: Ref) {
        shared.withLock { s in
            s.mailbox.removeAll { message in
                guard case .tuple(let e) = message, e.count == 5, case .ref(let r) = e[1],
                      case .atom(let tag) = e[0], tag == .DOWN else { return false }
                return r == ref
            }
        }
    }

    /// Marks the process dead with `reason` and returns the links and
    /// monitors to notify. Called once, by the runtime, when the task ends.
    func markExited(_ reason: Term) -> (links: Set<Pid>, monitoredBy: [Ref: Pid], monitors: [Ref: Pid], name: Atom?)? {
        shared.withLock { s in
            guard s.exitReason == nil else { return nil }
            s.exitReason = reason
            let result = (s.links, s.monitoredBy, s.monitors, s.registeredName)
            s.links = []
            s.monitoredBy = [:]
            s.monitors = [:]
            s.mailbox = []
            s.registeredName = nil
            return result
        }
    }
}
