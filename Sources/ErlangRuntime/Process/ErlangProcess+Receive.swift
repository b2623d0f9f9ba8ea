import ErlangTerms

/// Selective receive. A receive scans the mailbox from its oldest message;
/// messages it does not match stay where they are, in order. When it has
/// seen every message it sleeps, and on waking scans only the new ones, so
/// a receive never rescans the whole mailbox per wake-up.
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
    /// Throws `ProcessExit` when an exit signal kills the process meanwhile,
    /// and whatever `match` throws.
    public func receive<R>(timeout: ReceiveTimeout = .infinity,
                           _ match: (Term) throws -> R?) async throws -> R? {
        var scanned = 0
        var timedOut = false
        var timer: (any TimerHandle)?
        let token = shared.withLock { s -> UInt64 in
            s.receiveToken &+= 1
            s.timeoutFired = false
            return s.receiveToken
        }
        defer {
            timer?.cancel()
            shared.withLock { s in
                s.receiveToken &+= 1
                s.timeoutFired = false
            }
        }
        while true {
            try checkExitSignal()
            while let message = shared.withLock({ s in scanned < s.mailbox.count ? s.mailbox[scanned] : nil }) {
                if let result = try match(message) {
                    _ = shared.withLock { $0.mailbox.remove(at: scanned) }
                    return result
                }
                scanned += 1
            }
            if timedOut { return nil }
            switch timeout {
            case .milliseconds(let ms) where ms <= 0:
                return nil
            case .milliseconds(let ms) where timer == nil:
                timer = runtime.clock.schedule(after: ms) { [weak self] in self?.timeoutFired(token: token) }
            case .milliseconds, .infinity:
                break
            }
            timedOut = await waitForMessage(after: scanned)
        }
    }

    /// Sleeps until a message beyond `count` arrives, an exit signal comes or
    /// the receive's timer fires; returns `true` for the timer.
    private func waitForMessage(after count: Int) async -> Bool {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let resumeNow = shared.withLock { s -> Bool in
                if s.mailbox.count > count || s.pendingExit != nil || s.timeoutFired { return true }
                s.waiter = continuation
                s.waitingInReceive = true
                return false
            }
            if resumeNow {
                continuation.resume()
            } else {
                runtime.activity.sleep()
            }
        }
        return shared.withLock { s in
            s.waitingInReceive = false
            let fired = s.timeoutFired
            s.timeoutFired = false
            return fired && s.mailbox.count <= count
        }
    }

    private func timeoutFired(token: UInt64) {
        let waiter: CheckedContinuation<Void, Never>? = shared.withLock { s in
            guard s.receiveToken == token else { return nil }
            s.timeoutFired = true
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
