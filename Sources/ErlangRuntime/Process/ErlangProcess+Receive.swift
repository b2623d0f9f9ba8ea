import ErlangTerms

/// Selective receive. A receive scans the mailbox from its oldest message;
/// messages it does not match stay where they are, in order. When it has
/// seen every message it sleeps, and on waking scans only the new ones, so
/// a receive never rescans the whole mailbox per wake-up.
///
/// Only the process's own task removes messages (here, in
/// `flushDownMessages` and at exit); other tasks only append. So a position
/// found under one lock is still the same message under the next one.
/// Messages are taken from the mailbox's front, which holds them in
/// batches moved from the inbox senders append to
/// (`ErlangProcess+MailboxFront`).
extension ErlangProcess {
    /// How long a receive waits.
    public enum ReceiveTimeout: Sendable, Equatable {
        /// Wait for ever (no `after`, or `after infinity`).
        case infinity
        /// Wait at most this many milliseconds.
        case milliseconds(Int64)
    }

    /// Takes the first message for which `match` returns a value, waiting
    /// for one up to `timeout`; `nil` when the timeout expires first.
    /// Mirrors `receive ... after T -> ... end`.
    /// Throws `ProcessExit` when an exit signal kills the process meanwhile,
    /// and whatever `match` throws.
    /// `skipping` leaves the first messages unscanned: messages a caller
    /// knows cannot match, such as those queued before it sent the request
    /// whose answer it waits for (BEAM's receive-after-`make_ref` shortcut).
    ///
    /// Inlined into its caller, specialised, so that a waiting receive is
    /// one frame of the caller's plus the small `waitForMessage`: an idle
    /// process is mostly its suspended frames, and a chain that fits one
    /// task-allocator slab (about 1 KB) saves a whole second slab.
    /// Scanning and the timer are synchronous, out of line.
    @inlinable @inline(__always)
    public func receive<R>(timeout: ReceiveTimeout = .infinity, skipping: Int = 0,
                           _ match: (Term) throws -> R?) async throws -> R? {
        var cursor = ReceiveCursor(timeout: timeout, skipping: skipping)
        defer { finishReceive(&cursor) }
        while true {
            if let result = try takeMessage(&cursor, match) { return result }
            guard prepareToWait(&cursor) else { return nil }
            await waitForMessage(&cursor)
        }
    }

    /// Takes the oldest message, waiting for one up to `timeout`; `nil`
    /// when the timeout expires first. `receive(timeout:_:)` with a
    /// pattern that matches anything (`receive M -> M end`), as a
    /// gen_server's loop receives: each message is looked at and taken
    /// under one lock.
    ///
    /// With no timeout, in a task of the process's own, the wait lends
    /// the task (`idleReceiveCode`): another process may run the process
    /// as that code instead of waking the task (`runBorrowed`). The
    /// borrower gives the process back to this task, or, if the process
    /// ends up waiting without a task or exits, ends it: this then throws
    /// `ProcessWaitsWithoutTask`, which the caller must let pass.
    @inlinable @inline(__always)
    public func receiveAny(timeout: ReceiveTimeout = .infinity) async throws -> Term? {
        try await receiveQueued(timeout: timeout)?.term
    }

    /// `receiveAny`, with the message as the mailbox holds it: a cast as
    /// its request alone, for the gen_server loop, which then never makes
    /// the cast's envelope.
    @inlinable @inline(__always)
    public func receiveQueued(timeout: ReceiveTimeout = .infinity) async throws -> MailboxMessage? {
        var cursor = ReceiveCursor(timeout: timeout, lendingTask: true)
        defer { finishReceive(&cursor) }
        while true {
            if let message = try takeOldestMessage(&cursor) { return message }
            guard prepareToWait(&cursor) else { return nil }
            await waitForMessage(&cursor)
        }
    }

    /// Removes and returns the oldest message, if any. Throws
    /// `ProcessExit` when an exit signal has come, and
    /// `ProcessWaitsWithoutTask` when a borrower took the process over
    /// from the task waiting in `cursor` for good.
    @usableFromInline func takeOldestMessage(_ cursor: inout ReceiveCursor) throws -> MailboxMessage? {
        if cursor.retired { throw ProcessWaitsWithoutTask.shared }
        try throwIfExitPending()
        if frontCount > 0 { return takeFromFront() }
        // The exit signal is checked again under the lock that takes the
        // message: a message sent after it must never be taken.
        let (message, more, exit) = shared.withLock { s -> (MailboxMessage?, Bool, Term?) in
            if let reason = s.pendingExit { return (nil, false, reason) }
            return (s.mailbox.popFirst(), !s.mailbox.isEmpty, nil)
        }
        if let exit { throw ProcessExit(reason: exit) }
        // A backlog: the rest moves to the front, to be taken without `shared`.
        if more { front.withLock { f in _ = absorbInbox(into: &f) } }
        return message
    }

    /// Scans the messages `cursor` has not seen yet and removes the first
    /// for which `match` returns a value; returns that value. Throws
    /// `ProcessExit` when an exit signal has come.
    @inlinable
    public func takeMessage<R>(_ cursor: inout ReceiveCursor, _ match: (Term) throws -> R?) throws -> R? {
        while let message = try message(at: cursor.scanned) {
            if let result = try match(message) {
                removeMessage(at: cursor.scanned)
                return result
            }
            cursor.scanned += 1
        }
        return nil
    }

    /// Where a receive stands: how many messages it has seen, and its
    /// timer. Made by `init`, advanced by `takeMessage`, `prepareToWait`
    /// and `waitForMessage`, ended by `finishReceive`, in that protocol.
    public struct ReceiveCursor {
        @usableFromInline let timeout: ReceiveTimeout
        @usableFromInline var scanned: Int
        @usableFromInline var timerStarted = false
        @usableFromInline var timedOut = false
        /// Whether the wait may lend the task (`receiveAny`).
        @usableFromInline let lendingTask: Bool
        /// Whether a borrower took the process over from the waiting task
        /// for good: the task must end.
        @usableFromInline var retired = false

        /// A receive that waits up to `timeout` and leaves the first
        /// `skipping` messages unscanned; `lendingTask`: see `receiveAny`.
        public init(timeout: ReceiveTimeout, skipping: Int = 0, lendingTask: Bool = false) {
            self.timeout = timeout
            self.scanned = max(0, skipping)
            self.lendingTask = lendingTask
        }

        /// How many messages the receive has seen without a match.
        public var messagesScanned: Int { scanned }
    }

    /// The message at `index` of the mailbox, if there is one; a cast's
    /// term is made there once (`MailboxMessage.materialize`), as a scan
    /// that skips it will look at it again.
    /// Throws `ProcessExit` when an exit signal has come, checked before
    /// each message a receive looks at.
    @usableFromInline func message(at index: Int) throws -> Term? {
        try throwIfExitPending()
        // Past the front, the exit signal is checked again under the lock
        // that reads the inbox: a message sent after it must never be seen.
        let (message, exit) = frontCount == 0
            ? shared.withLock { s -> (Term?, Term?) in
                if let reason = s.pendingExit { return (nil, reason) }
                return (index < s.mailbox.count ? s.mailbox[index].materialize() : nil, nil)
            }
            : front.withLock { f -> (Term?, Term?) in
                if index >= f.count, let reason = absorbInbox(into: &f) { return (nil, reason) }
                return (index < f.count ? f[index].materialize() : nil, nil)
            }
        if let exit { throw ProcessExit(reason: exit) }
        return message
    }

    /// Removes the message at `index` (one the receive has just matched),
    /// where `message(at:)` found it: in the inbox while the front is
    /// empty, otherwise in the front.
    @usableFromInline func removeMessage(at index: Int) {
        if frontCount == 0 {
            shared.withLock { s in s.mailbox.removeMessage(at: index) }
        } else {
            front.withLock { f in
                f.removeMessage(at: index)
                frontCount = f.count
            }
        }
    }

    /// After a scan that matched nothing: whether to wait for more. `false`
    /// when the timeout has expired (or is 0); starts the timer on the
    /// first wait of a receive with one.
    public func prepareToWait(_ cursor: inout ReceiveCursor) -> Bool {
        if cursor.timedOut { return false }
        if case .milliseconds(let ms) = cursor.timeout {
            if ms <= 0 { return false }
            if !cursor.timerStarted {
                startReceiveTimer(ms)
                cursor.timerStarted = true
            }
        }
        return true
    }

    /// Ends a receive: cancels its timer, if it started one.
    public func finishReceive(_ cursor: inout ReceiveCursor) {
        if cursor.timerStarted { cancelReceiveTimer() }
    }

    /// Sleeps until a message beyond those scanned arrives, an exit signal
    /// comes or the receive's timer fires; notes in `cursor` whether the
    /// timer has fired (the caller still scans any new messages first, as
    /// BEAM does). An idle process waits here: keep its frame small.
    public func waitForMessage(_ cursor: inout ReceiveCursor) async {
        let lending = cursor.lendingTask && cursor.timeout == .infinity && borrowedMessages < 0 ? idleReceiveCode : nil
        if await suspendUntilMessage(after: cursor.scanned, lending: lending) {
            cursor.retired = true
            return
        }
        cursor.timedOut = takeTimeoutFired()
    }

    /// Whether the receive's timer has fired since the last wait; resets it.
    private func takeTimeoutFired() -> Bool {
        shared.withLock { s in
            let fired = s.timeoutFired
            s.timeoutFired = false
            return fired
        }
    }

    /// Starts the timer of the waiting receive. The process makes one
    /// timer, at its first timed receive, and restarts it for each one
    /// after; the receive's token is the timer's generation, so a firing
    /// that races with the next receive is recognised as stale.
    private func startReceiveTimer(_ milliseconds: Int64) {
        let (token, existing) = shared.withLock { s -> (UInt64, (any RestartableTimer)?) in
            s.receiveToken &+= 1
            s.timeoutFired = false
            return (s.receiveToken, s.receiveTimer)
        }
        let timer = existing ?? makeReceiveTimer()
        timer.start(after: milliseconds, generation: token)
    }

    private func makeReceiveTimer() -> any RestartableTimer {
        let timer = runtime.clock.makeRestartableTimer { [weak self] token in self?.timeoutFired(token: token) }
        shared.withLock { s in s.receiveTimer = timer }
        return timer
    }

    /// Stops the receive's timer, if it has not fired.
    private func cancelReceiveTimer() {
        let timer = shared.withLock { s -> (any RestartableTimer)? in
            s.receiveToken &+= 1
            s.timeoutFired = false
            return s.receiveTimer
        }
        timer?.stop()
    }

    /// The receive's timer fired: wakes the process if that receive still waits.
    private func timeoutFired(token: UInt64) {
        resume(shared.withLock { s -> Wakeup? in
            guard s.receiveToken == token, s.exitReason == nil else { return nil }
            s.timeoutFired = true
            return s.takeWaiter()
        })
    }
}
