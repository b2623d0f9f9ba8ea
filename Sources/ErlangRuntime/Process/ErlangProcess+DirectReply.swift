import ErlangTerms

/// A reply handed straight to a caller that runs its server borrowed
/// (`runBorrowed(delivering:replyTo:ref:)`), without a monitor or a trip
/// through the mailbox.
///
/// A `gen_server:call` monitors the server, sends its request, receives
/// the reply from its mailbox and demonitors: four table updates, two
/// process lookups and three mailbox operations. When the server runs on
/// the caller's own task, none of it is needed while the run lasts: the
/// server cannot die or reply unseen, so the caller only opens a slot for
/// the reply (`expectDirectReply`), runs the server, and takes the reply
/// from the slot. Only when the borrowed run ends without a reply (the
/// server kept `From` to answer later, or went on in a task of its own)
/// does the caller take the monitor, as if it had held it all along
/// (`takeDirectReply(_:monitoring:)`).
///
/// What `deliverReply(_:taggedWith:whileMonitoring:)` accepts is
/// unchanged: a reply for the open slot is as welcome as one for a held
/// monitor, and a reply for neither is dropped.
extension ErlangProcess {
    /// The reply slot of a call in progress (`Shared.directReply`).
    enum DirectReply {
        /// Open for the reply tagged with this monitor reference.
        case waiting(Ref)
        /// The reply tagged with this reference has come.
        case arrived(Ref, Term)
    }

    /// What a call finds once its borrowed run of the server is over.
    public enum DirectReplyOutcome {
        /// The reply.
        case reply(Term)
        /// No reply yet: the caller now monitors the server under the
        /// slot's reference (a `'DOWN'` message is already in the mailbox
        /// if the server has died), and waits as a call does, skipping
        /// the first `skipping` messages, which were there before.
        case monitoring(skipping: Int)
    }

    /// Opens the reply slot for the call whose monitor reference will be
    /// `ref`. Until `takeDirectReply`, a reply tagged `[alias | ref]` goes
    /// to the slot.
    public func expectDirectReply(_ ref: Ref) {
        shared.withLock { s in s.directReply = .waiting(ref) }
    }

    /// Closes the slot opened for `ref`: returns the reply if it came;
    /// otherwise makes the monitor `ref` on `server` that the call would
    /// have held from the start. If the server has died meanwhile, its
    /// `'DOWN'` message carries the reason it died of, as a monitor held
    /// all along would have had it.
    public func takeDirectReply(_ ref: Ref, monitoring server: ErlangProcess) -> DirectReplyOutcome {
        // The monitor and the count of messages before it are made under
        // the lock that closes the slot: a reply from now on goes to the
        // mailbox, after the messages skipped.
        let outcome = shared.withLock { s -> DirectReplyOutcome in
            defer { s.directReply = nil }
            if case .arrived(_, let reply)? = s.directReply { return .reply(reply) }
            s.monitors.insert(Monitor(pid: server.pid, item: .pid(server.pid)), for: ref)
            return .monitoring(skipping: s.mailbox.count)
        }
        guard case .monitoring = outcome else { return outcome }
        if !server.addMonitor(ref, by: pid, item: .pid(server.pid)) {
            deliverDown(ref, reason: server.shared.withLock { $0.exitReason } ?? .atom(.noproc))
        }
        return outcome
    }
}

extension ErlangProcess.Shared {
    /// Takes `reply`, tagged `tag` (`[alias | ref]`), into the reply slot
    /// open for `ref`. A second reply to the same call (a callback that
    /// called `gen_server:reply/2` and returned `{reply, ...}` too) goes
    /// to the mailbox as `{Tag, Reply}`: in erl it arrives before the
    /// caller demonitors, while its alias is still active, and stays there.
    /// `false` when no slot is open for `ref`.
    mutating func takeDirectReply(_ reply: Term, taggedWith tag: Term, for ref: Ref) -> Bool {
        switch directReply {
        case .waiting(let expected)? where expected == ref:
            directReply = .arrived(ref, reply)
            return true
        case .arrived(let expected, _)? where expected == ref:
            mailbox.append(.tuple([tag, reply]))
            return true
        case .waiting?, .arrived?, nil:
            return false
        }
    }
}
