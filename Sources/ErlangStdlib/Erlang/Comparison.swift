import ErlangTerms

/// Erlang's comparison operators as term-returning functions. Mirrors
/// `erlang:'=='/2` and its siblings; they never fail.
public enum Comparison {
    /// `A == B` (numbers compare by value: `1 == 1.0`).
    public static func equal(_ a: Term, _ b: Term) -> Term { .bool(Term.compare(a, b) == 0) }
    /// `A /= B`.
    public static func notEqual(_ a: Term, _ b: Term) -> Term { .bool(Term.compare(a, b) != 0) }
    /// `A =:= B` (exact: `1 =/= 1.0`).
    public static func exactlyEqual(_ a: Term, _ b: Term) -> Term { .bool(a == b) }
    /// `A =/= B`.
    public static func exactlyNotEqual(_ a: Term, _ b: Term) -> Term { .bool(a != b) }
    /// `A < B`.
    public static func less(_ a: Term, _ b: Term) -> Term { .bool(Term.compare(a, b) < 0) }
    /// `A =< B`.
    public static func lessOrEqual(_ a: Term, _ b: Term) -> Term { .bool(Term.compare(a, b) <= 0) }
    /// `A > B`.
    public static func greater(_ a: Term, _ b: Term) -> Term { .bool(Term.compare(a, b) > 0) }
    /// `A >= B`.
    public static func greaterOrEqual(_ a: Term, _ b: Term) -> Term { .bool(Term.compare(a, b) >= 0) }

    /// `erlang:min/2`: the smaller in term order; the first when they compare equal.
    public static func min(_ a: Term, _ b: Term) -> Term { Term.compare(a, b) <= 0 ? a : b }
    /// `erlang:max/2`: the larger in term order; the first when they compare equal.
    public static func max(_ a: Term, _ b: Term) -> Term { Term.compare(a, b) >= 0 ? a : b }
}
