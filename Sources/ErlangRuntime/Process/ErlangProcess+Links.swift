import ErlangTerms

/// Links (`link/1`, `unlink/1`): a two-way bond along which a process's
/// exit travels as an exit signal.
///
/// A link is recorded on this side first, then on the other: if the other
/// process dies in between, its exit signal finds the link here and is
/// delivered, so an exit is never missed.
extension ErlangProcess {
    /// The pids this process is linked to.
    public var links: [Pid] { shared.withLock { Array($0.links) }.sorted() }

    /// Adds a link both ways (`link/1`). Returns `false` when `other` is not
    /// alive; the caller applies erl's `noproc` rule (an error, or an
    /// `{'EXIT', Pid, noproc}` message when trapping exits).
    public func link(to other: Pid) -> Bool {
        if other == pid { return true }
        let isNew = shared.withLock { s -> Bool in s.links.insert(other).inserted }
        let target = runtime.process(other)
        if target?.addLink(pid) == true { return true }
        if isNew { shared.withLock { s in _ = s.links.remove(other) } }
        return false
    }

    /// Removes a link both ways (`unlink/1`). An exit signal from `other`
    /// that has not arrived yet is dropped; an `{'EXIT', ...}` message that
    /// already arrived stays in the mailbox, as in erl.
    public func unlink(from other: Pid) {
        shared.withLock { s in _ = s.links.remove(other) }
        runtime.process(other)?.shared.withLock { s in _ = s.links.remove(pid) }
    }

    /// Records a link to `other` on this side if the process is alive.
    func addLink(_ other: Pid) -> Bool {
        shared.withLock { s -> Bool in
            guard s.exitReason == nil else { return false }
            s.links.insert(other)
            return true
        }
    }
}
