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
        var timedOut = false
        var timer: (any TimerHandle)?
        defer {
            if let timer {
                timer.cancel()
                shared.withLock { s in
                    s.receiveToken &+= 1
                    s.timeoutFired = false
                }
            }
        }
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
            switch timeout {
            case .milliseconds(let ms) where ms <= 0:
                return false
            case .milliseconds(let ms) where timer == nil:
                let token = shared.withLock { s -> UInt64 in
                    s.receiveToken &+= 1
                    s.timeoutFired = false
                    return s.receiveToken
                }
                timer = runtime.clock.schedule(after: ms) { [weak self] in self?.timeoutFired(token: token) }
            case .milliseconds, .infinity:
                break
            }
            timedOut = await waitForMessage(after: scanned)
        }
    }

    /// Sleeps until a message beyond `count` arrives, an exit signal comes or
    /// the receive's timer fires; returns whether the timer has fired (the
    /// caller still scans any new messages first, as BEAM does).
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
