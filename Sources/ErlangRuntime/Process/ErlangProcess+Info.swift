import ErlangTerms

/// What `process_info/1,2` reports about a process that the other files do
/// not already expose: its scheduling status.
extension ErlangProcess {
    /// A process's scheduling state, as `process_info(P, status)` names it.
    public enum Status: String, Sendable {
        /// The process asking about itself.
        case running
        /// Ready to run, or running on another thread.
        case runnable
        /// Suspended in a receive (or waiting for a host request).
        case waiting
        /// Exiting: an exit signal killed it and it has not ended yet.
        case exiting
    }

    /// The status as seen by `asker` (the process itself is `running`).
    public func status(seenBy asker: Pid?) -> Status {
        if asker == pid { return .running }
        return shared.withLock { s in
            if s.pendingExit != nil || s.exitReason != nil { return .exiting }
            return s.waiting ? .waiting : .runnable
        }
    }

    /// Whether the process is suspended waiting for a message or request.
    public var isWaiting: Bool { shared.withLock { $0.waiting } }
}
