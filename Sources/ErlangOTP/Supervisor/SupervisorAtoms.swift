import ErlangTerms

/// Atoms the supervisor uses, named once.
enum SupAtom {
    /// `supervisor`, the gen_server callback module of every supervisor.
    static let supervisor = Atom("supervisor")
    /// Child and state record tags.
    static let child = Atom("child"), state = Atom("state")
    /// Strategies.
    static let oneForOne = Atom("one_for_one"), oneForAll = Atom("one_for_all")
    /// Strategies.
    static let restForOne = Atom("rest_for_one"), simpleOneForOne = Atom("simple_one_for_one")
    /// Restart types.
    static let permanent = Atom("permanent"), transient = Atom("transient"), temporary = Atom("temporary")
    /// Shutdown and child types.
    static let brutalKill = Atom("brutal_kill"), worker = Atom("worker"), supervisorType = Atom("supervisor")
    /// `dynamic` modules, `restarting` pid placeholder, `never` auto_shutdown.
    static let dynamic = Atom("dynamic"), restarting = Atom("restarting"), never = Atom("never")
    /// Map keys of flags and child specs.
    static let strategy = Atom("strategy"), intensity = Atom("intensity"), period = Atom("period")
    /// Map keys of child specs.
    static let id = Atom("id"), start = Atom("start"), restart = Atom("restart"), shutdown = Atom("shutdown")
    /// Map keys of child specs.
    static let type = Atom("type"), modules = Atom("modules"), significant = Atom("significant")
}

/// An Erlang error term as a Swift `Error`, for `Result`s of spec checks
/// and child starts: the reason erl returns in `{error, Reason}`.
public struct SupervisorError: Error, Sendable {
    /// The reason.
    public let reason: Term
    /// Wraps `reason`.
    init(_ reason: Term) { self.reason = reason }
}
