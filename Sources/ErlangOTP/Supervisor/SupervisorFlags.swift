import ErlangTerms

/// A supervisor's flags. Mirrors supervisor.erl's `sup_flags()`: a map
/// `#{strategy, intensity, period}` (defaults `one_for_one`, 1, 5) or the
/// old tuple `{Strategy, Intensity, Period}`.
public struct SupervisorFlags: Sendable, Equatable {
    /// Which children restart when one ends.
    public enum Strategy: Sendable, Equatable {
        /// Only the child that ended.
        case oneForOne
        /// Every child.
        case oneForAll
        /// The child and those started after it.
        case restForOne
        /// One kind of child, started on demand with extra arguments.
        case simpleOneForOne

        var atom: Atom {
            switch self {
            case .oneForOne: return SupAtom.oneForOne
            case .oneForAll: return SupAtom.oneForAll
            case .restForOne: return SupAtom.restForOne
            case .simpleOneForOne: return SupAtom.simpleOneForOne
            }
        }

        init?(_ term: Term) {
            guard case .atom(let a) = term else { return nil }
            if let s = [Strategy.oneForOne, .oneForAll, .restForOne, .simpleOneForOne].first(where: { $0.atom == a }) {
                self = s
            } else {
                return nil
            }
        }
    }

    /// The strategy.
    public var strategy: Strategy = .oneForOne
    /// At most this many restarts ...
    public var intensity = 1
    /// ... within this many seconds.
    public var period = 5

    /// Parses the flags; the `supervisor_data` error erl gives for bad ones.
    public static func parse(_ term: Term) -> Result<SupervisorFlags, SupervisorError> {
        var flags = SupervisorFlags()
        let strategy, intensity, period: Term?
        switch term {
        case .map(let map):
            strategy = map[.atom(SupAtom.strategy)]
            intensity = map[.atom(SupAtom.intensity)]
            period = map[.atom(SupAtom.period)]
        case .tuple(let e) where e.count == 3:
            (strategy, intensity, period) = (e[0], e[1], e[2])
        case .int, .bigInt, .float, .atom, .tuple, .nil, .cons, .binary, .pid, .ref, .fun:
            return .failure(SupervisorError(.tuple([.atom(Atom("invalid_type")), term])))
        }
        if let strategy {
            guard let s = Strategy(strategy) else { return .failure(SupervisorError(.tuple([.atom(Atom("invalid_strategy")), strategy]))) }
            flags.strategy = s
        }
        if let intensity {
            guard case .int(let i) = intensity, i >= 0 else {
                return .failure(SupervisorError(.tuple([.atom(Atom("invalid_intensity")), intensity])))
            }
            flags.intensity = i
        }
        if let period {
            guard case .int(let p) = period, p > 0 else { return .failure(SupervisorError(.tuple([.atom(Atom("invalid_period")), period]))) }
            flags.period = p
        }
        return .success(flags)
    }
}
