import ErlangTerms

/// Thrown inside a process that an exit signal has killed. Erlang code
/// cannot catch it (unlike `exit/1`, which raises an `ErlangException`);
/// it unwinds the process's task, whose exit reason is `reason`.
public struct ProcessExit: Error, Sendable {
    /// The exit reason (`killed` for `exit(P, kill)`).
    public let reason: Term
    /// An exit with `reason`.
    public init(reason: Term) { self.reason = reason }
}
