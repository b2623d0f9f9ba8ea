import ErlangTerms

/// A side channel for the host (Swift code, such as the shell) to hand a
/// process work without putting anything in its Erlang mailbox, which
/// stays exactly what Erlang code sees (`flush()`, `process_info`).
extension ErlangProcess {
    /// Queues `request` for the process's `nextControlRequest()`.
    public func sendControl(_ request: any Sendable) {
        resume(shared.withLock { s -> Wakeup? in
            guard s.exitReason == nil else { return nil }
            s.control.append(request)
            return s.takeWaiter()
        })
    }

    /// Waits for the next host request. While it waits the process counts
    /// as idle, and an exit signal still kills it (throws `ProcessExit`).
    public func nextControlRequest() async throws -> any Sendable {
        while true {
            try checkExitSignal()
            if let request = shared.withLock({ $0.control.popFirst() }) { return request }
            await suspend { s in !s.control.isEmpty }
        }
    }
}
