import ErlangTerms

/// Monitors (`erlang:monitor(process, P)`, `demonitor/1,2`): a one-way
/// watch that ends with one `{'DOWN', Ref, process, Item, Reason}` message.
///
/// The watcher records the monitor before the watched process does, and a
/// `'DOWN'` message is only delivered while the watcher still holds the
/// monitor (taking it out in the same step). So after `demonitor` no
/// `'DOWN'` can arrive, and a monitor ends exactly once.
extension ErlangProcess {
    /// The pids this process monitors.
    public var monitoredPids: [Pid] { shared.withLock { $0.monitors.monitors.map(\.pid) } }

    /// The pids monitoring this process.
    public var monitoringPids: [Pid] { shared.withLock { $0.monitoredBy.monitors.map(\.pid) } }

    /// The monitors this process holds, newest first, each as what the
    /// `'DOWN'` message would name: a pid, or `{Name, Node}` for a monitor
    /// taken on a registered name (`process_info(P, monitors)`).
    public var monitoredItems: [Term] {
        shared.withLock { s in s.monitors.sortedByRef.reversed().map(\.monitor.item) }
    }

    /// Monitors `other` (`erlang:monitor(process, Pid)`). When `other` is
    /// not alive, the `'DOWN'` message with `noproc` arrives at once.
    /// Monitoring oneself does nothing but return a reference, as in erl.
    /// `tag` replaces `'DOWN'` as the message's first element
    /// (`erlang:monitor/3`'s `{tag, Tag}` option).
    public func monitor(_ other: Pid, tag: Term? = nil) -> Ref {
        monitor(other, item: .pid(other), tag: tag)
    }

    /// Monitors the process registered as `name` (`erlang:monitor(process,
    /// Name)`); its `'DOWN'` message names `{Name, nonode@nohost}`, and comes
    /// at once with `noproc` when no process has that name.
    public func monitor(name: Atom, tag: Term? = nil) -> Ref {
        let item: Term = .tuple([.atom(name), .atom(.nonode)])
        guard let other = runtime.whereis(name) else {
            let ref = runtime.makeRef()
            deliver(ErlangProcess.downMessage(ref, item, .atom(.noproc), tag: tag))
            return ref
        }
        return monitor(other, item: item, tag: tag)
    }

    private func monitor(_ other: Pid, item: Term, tag: Term?) -> Ref {
        let ref = runtime.makeRef()
        if other == pid { return ref }
        shared.withLock { s in s.monitors.insert(Monitor(pid: other, item: item, tag: tag), for: ref) }
        if runtime.process(other)?.addMonitor(ref, by: pid, item: item) == true { return ref }
        let stillHeld = shared.withLock { s in s.monitors.remove(ref) != nil }
        if stillHeld { deliver(ErlangProcess.downMessage(ref, item, .atom(.noproc), tag: tag)) }
        return ref
    }

    /// Removes the monitor `ref` (`demonitor/1`); `true` if it was active.
    /// Afterwards no `'DOWN'` message for it arrives, though one may
    /// already be in the mailbox (`flushDownMessages(for:)`).
    @discardableResult
    public func demonitor(_ ref: Ref) -> Bool {
        guard let monitor = shared.withLock({ $0.monitors.remove(ref) }) else { return false }
        runtime.process(monitor.pid)?.shared.withLock { s in s.monitoredBy.remove(ref) }
        return true
    }

    /// Removes `'DOWN'` messages for `ref` from the mailbox (`demonitor(R, [flush])`).
    public func flushDownMessages(for ref: Ref) {
        let isDown = { (message: MailboxMessage) -> Bool in
            guard case .term(.tuple(let e)) = message, e.count == 5, case .ref(let r) = e[1],
                  case .atom(let tag) = e[0], tag == .DOWN else { return false }
            return r == ref
        }
        front.withLock { f in
            f.removeAll(where: isDown)
            frontCount = f.count
            shared.withLock { s in s.mailbox.removeAll(where: isDown) }
        }
    }

    /// `{'DOWN', Ref, process, Item, Reason}` (`tag` in place of `'DOWN'` when given).
    static func downMessage(_ ref: Ref, _ item: Term, _ reason: Term, tag: Term? = nil) -> Term {
        .tuple([tag ?? .atom(.DOWN), .ref(ref), .atom(.process), item, reason])
    }

    /// Records that `watcher` monitors this process, if it is alive.
    func addMonitor(_ ref: Ref, by watcher: Pid, item: Term) -> Bool {
        shared.withLock { s -> Bool in
            guard s.exitReason == nil else { return false }
            s.monitoredBy.insert(Monitor(pid: watcher, item: item), for: ref)
            return true
        }
    }

    /// Forgets the monitor `ref` that another process held on this one.
    func removeMonitoredBy(_ ref: Ref) {
        shared.withLock { s in s.monitoredBy.remove(ref) }
    }

    /// Delivers the `'DOWN'` message for the monitor `ref`, which ends it;
    /// nothing when this process no longer holds the monitor (demonitored).
    func deliverDown(_ ref: Ref, reason: Term) {
        resume(shared.withLock { s -> Wakeup? in
            guard s.exitReason == nil, let monitor = s.monitors.remove(ref) else { return nil }
            s.mailbox.append(.term(ErlangProcess.downMessage(ref, monitor.item, reason, tag: monitor.tag)))
            return s.takeWaiter()
        })
    }
}
