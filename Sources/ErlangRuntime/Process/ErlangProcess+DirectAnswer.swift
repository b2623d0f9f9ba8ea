import ErlangTerms

/// Answers handed straight to a process that runs another one borrowed
/// (`runBorrowed(delivering:replyTo:ref:)`, `Runtime.spawnOnCallerTask`),
/// without a monitor or a trip through the mailbox.
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
/// (`takeDirectReply(_:monitoring:)`). A `gen_server:start` that runs the
/// new server's `init/1` on the starter's task takes proc_lib's
/// `{ack, Child, Value}` the same way (`expectStartAck`,
/// `deliverStartAck`, `takeStartAck`).
///
/// What `deliverReply(_:taggedWith:whileMonitoring:)` accepts is
/// unchanged: a reply for the open slot is as welcome as one for a held
/// monitor, and a reply for neither is dropped.
extension ErlangProcess {
    /// What an answer slot is open for.
    enum DirectAnswerKey: Equatable {
        /// The reply to the call with this monitor reference.
        case reply(Ref)
        /// The start acknowledgement of the child with this pid.
        case startAck(Pid)
    }

    /// The answer slot of a call or a start in progress (`Shared.directAnswer`).
    enum DirectAnswer {
        /// Open for the answer with this key.
        case waiting(DirectAnswerKey)
        /// The answer with this key has come.
        case arrived(DirectAnswerKey, Term)
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
        shared.withLock { s in s.directAnswer = .waiting(.reply(ref)) }
    }

    /// Closes the reply slot unused: the call it was opened for was not
    /// made after all (`GenServer.callAtOnce` found it could not answer
    /// at once, having sent nothing).
    public func forgetDirectReply() {
        shared.withLock { s in s.directAnswer = nil }
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
        let frontCount = frontCount
        let outcome = shared.withLock { s -> DirectReplyOutcome in
            defer { s.directAnswer = nil }
            if case .arrived(.reply(ref), let reply)? = s.directAnswer { return .reply(reply) }
            s.monitors.insert(Monitor(pid: server.pid, item: .pid(server.pid)), for: ref)
            return .monitoring(skipping: frontCount + s.mailbox.count)
        }
        guard case .monitoring = outcome else { return outcome }
        if !server.addMonitor(ref, by: pid, item: .pid(server.pid)) {
            deliverDown(ref, reason: server.shared.withLock { $0.exitReason } ?? .atom(.noproc))
        }
        return outcome
    }
}

/// The start acknowledgement's slot.
extension ErlangProcess {
    /// Opens the answer slot for the start acknowledgement of `child`,
    /// which is about to run on this process's task. Until `takeStartAck`,
    /// `deliverStartAck` from `child` goes to the slot.
    public func expectStartAck(from child: Pid) {
        shared.withLock { s in s.directAnswer = .waiting(.startAck(child)) }
    }

    /// The start acknowledgement `value` from `child` (proc_lib's
    /// `init_ack/2`): into the slot when this process opened one for
    /// `child`, otherwise to the mailbox as the message `message` makes
    /// (proc_lib's `{ack, Child, Value}`). Dropped if this process has
    /// exited.
    public func deliverStartAck(_ value: Term, from child: Pid, otherwise message: () -> Term) {
        resume(shared.withLock { s -> Wakeup? in
            guard s.exitReason == nil else { return nil }
            if case .waiting(.startAck(child))? = s.directAnswer {
                // The starter is running (the child, on its task): nothing to wake.
                s.directAnswer = .arrived(.startAck(child), value)
                return nil
            }
            s.mailbox.append(.term(message()))
            return s.takeWaiter()
        })
    }

    /// Closes the slot opened for `child`'s start acknowledgement, if one
    /// is open: the acknowledged value, or `nil` when it has not come (the
    /// starter then receives it from the mailbox, where it goes from now on).
    public func takeStartAck(from child: Pid) -> Term? {
        shared.withLock { s -> Term? in
            guard let answer = s.directAnswer else { return nil }
            switch answer {
            case .arrived(.startAck(child), let value):
                s.directAnswer = nil
                return value
            case .waiting(.startAck(child)):
                s.directAnswer = nil
                return nil
            case .waiting, .arrived:
                return nil
            }
        }
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
        switch directAnswer {
        case .waiting(.reply(ref))?:
            directAnswer = .arrived(.reply(ref), reply)
            return true
        case .arrived(.reply(ref), _)?:
            mailbox.append(.term(.tuple([tag, reply])))
            return true
        case .waiting?, .arrived?, nil:
            return false
        }
    }
}
