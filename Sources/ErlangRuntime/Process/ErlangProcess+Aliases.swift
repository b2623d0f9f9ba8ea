import ErlangTerms

/// Monitor-backed aliases, as `erlang:monitor(process, P, [{alias,
/// demonitor}])` gives them: a message sent "to the monitor's reference"
/// arrives only while the process still holds that monitor. gen_server's
/// call uses this so that a reply arriving after the caller gave up (a
/// timeout) is dropped instead of left in the caller's mailbox.
extension ErlangProcess {
    /// Delivers the reply message `{Tag, Reply}` if this process still
    /// holds the monitor `ref`, or `reply` alone into the reply slot a call
    /// opened for `ref` (`expectDirectReply`); returns whether it did.
    /// Checking and appending happen under the process's lock, so after
    /// `demonitor(ref)` nothing more arrives.
    @discardableResult
    public func deliverReply(_ reply: Term, taggedWith tag: Term, whileMonitoring ref: Ref) -> Bool {
        var delivered = false
        resume(shared.withLock { s -> Wakeup? in
            guard s.exitReason == nil else { return nil }
            if s.takeDirectReply(reply, taggedWith: tag, for: ref) {
                // The caller is running (its server, borrowed): nothing to wake.
                delivered = true
                return nil
            }
            guard s.monitors.contains(ref) else { return nil }
            s.mailbox.append(.term(.tuple([tag, reply])))
            delivered = true
            return s.takeWaiter()
        })
        return delivered
    }
}
