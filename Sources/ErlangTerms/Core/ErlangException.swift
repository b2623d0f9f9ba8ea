/// An Erlang exception as a value: its class, its reason and where it came
/// from. Thrown through Swift `throws` by every layer that runs Erlang code.
public struct ErlangException: Error, Sendable {
    /// The three exception classes.
    public enum Class: String, Sendable {
        /// `error(Reason)`, and runtime errors.
        case error
        /// `exit(Reason)`.
        case exit
        /// `throw(Term)`.
        case `throw`
    }

    /// The class.
    public let kind: Class
    /// The reason (for `throw`, the thrown term).
    public let reason: Term
    /// The stacktrace, as Erlang's list of `{M, F, ArityOrArgs, Location}`.
    public var stacktrace: [Term]
    /// Whether `stacktrace` was given by the code (`erlang:raise/3`), so an
    /// empty one stays empty instead of showing the evaluator's frame.
    public var stacktraceIsGiven = false

    /// An exception of `kind` with `reason`.
    public init(_ kind: Class, _ reason: Term, stacktrace: [Term] = []) {
        self.kind = kind
        self.reason = reason
        self.stacktrace = stacktrace
    }

    /// `error(Reason)`.
    public static func error(_ reason: Term) -> ErlangException { ErlangException(.error, reason) }
    /// `error(badarg)`.
    public static var badarg: ErlangException { .error(.atom(.badarg)) }
    /// `error(badarith)`.
    public static var badarith: ErlangException { .error(.atom(.badarith)) }
    /// `error(system_limit)`.
    public static var systemLimit: ErlangException { .error(.atom(.systemLimit)) }

    /// The class as an atom (`error`, `exit`, `throw`).
    public var classAtom: Atom { Atom(kind.rawValue) }
}
