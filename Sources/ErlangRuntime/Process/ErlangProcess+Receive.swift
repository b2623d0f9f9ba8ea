import ErlangTerms

/// Selective receive. A receive scans the mailbox from its oldest message;
/// messages it does not match stay where they are, in order. When it has
/// seen every message it sleeps, and on waking scans only the new ones, so
/// a receive never rescans the whole mailbox per wake-up.
///
/// Only the process's own task removes messages (here, in
/// `flushDownMessages` and at exit); other tasks only append. So a position
/// found under one lock is still the same message under the next one.
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
    @inlinable
    public func receive<R>(timeout: ReceiveTimeout = .infinity, skipping: Int = 0,
                           _ match: (Term) throws -> R?) async throws -> R? {
        var result: R?
        try await receiveFirst(timeout: timeout, skipping: skipping) { message in
            result = try match(message)
            return result != nil
        }
        return result
    }

    /// Removes the first message for which `matches` is true, waiting for
    /// one up to `timeout`; returns whether one matched. The non-generic
    /// core of `receive`: a generic async function called across modules
    /// runs unspecialised, looking up type metadata at every step.
    public func receiveFirst(timeout: ReceiveTimeout, skipping: Int,
                             _ matches: (Term) throws -> Bool) async throws -> Bool {
        var scanned = max(0, skipping)
        var timerStarted = false
        var timedOut = false
        defer { if timerStarted { cancelReceiveTimer() } }
        while true {
            try checkExitSignal()
            while let message = shared.withLock({ s in scanned < s.mailbox.count ? s.mailbox[scanned] : nil }) {
                if try matches(message) {
                    shared.withLock { s in _ = s.mailbox.remove(at: scanned) }
                    return true
                }
                scanned += 1
            }
            if timedOut { return false }
            if case .milliseconds(let ms) = timeout {
                if ms <= 0 { return false }
                if !timerStarted {
                    startReceiveTimer(ms)
                    timerStarted = true
                }
            }
            timedOut = await waitForMessage(after: scanned)
        }
    }

    /// Starts the timer of the waiting receive. It lives in `shared`, not
    /// in the receive's frame: an idle process is mostly its frames.
    private func startReceiveTimer(_ milliseconds: Int64) {
        let token = shared.withLock { s -> UInt64 in
            s.receiveToken &+= 1
            s.timeoutFired = false
            return s.receiveToken
        }
        let timer = runtime.clock.schedule(after: milliseconds) { [weak self] in self?.timeoutFired(token: token) }
        shared.withLock { s in s.receiveTimer = timer }
    }

    /// Cancels the receive's timer, if it has not fired, and forgets it.
    private func cancelReceiveTimer() {
        let timer = shared.withLock { s -> (any TimerHandle)? in
            let timer = s.receiveTimer
            s.receiveTimer = nil
            s.receiveToken &+= 1
            s.timeoutFired = false
            return timer
        }
        timer?.cancel()
    }

    /// Sleeps until a message beyond `count` arrives, an exit signal comes or
    /// the receive's timer fires; returns whether the timer has fired (the
    /// caller still scans any new messages first, as BEAM does). Inlined:
    /// an idle process waits here, and one frame fewer on its suspended
    /// chain is memory saved per process.
    @inline(__always)
    private func waitForMessage(after count: Int) async -> Bool {
        await suspend { s in s.mailbox.count > count || s.timeoutFired }
        return shared.withLock { s in
            let fired = s.timeoutFired
            s.timeoutFired = false
            return fired
        }
    }

    /// The receive's timer fired: wakes the process if that receive still waits.
    private func timeoutFired(token: UInt64) {
        resume(shared.withLock { s -> UnsafeContinuation<Void, Never>? in
            guard s.receiveToken == token, s.exitReason == nil else { return nil }
            s.timeoutFired = true
            return s.takeWaiter()
        })
    }
}
