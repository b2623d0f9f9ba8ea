import ErlangTerms

/// The list operators `++` and `--`. Mirrors `erlang:'++'/2` and
/// `erlang:'--'/2`; an improper or non-list operand where a proper list is
/// needed raises `badarg` with the operator's frame.
public enum ListOperators {
    /// `A ++ B`: `A` must be a proper list; `B` may be any term (`[1] ++ a` is `[1|a]`).
    public static func append(_ a: Term, _ b: Term) throws -> Term {
        if case .nil = b { 
            guard a.properListLength != nil else { throw Arithmetic.operatorError(.atom(.badarg), "++", [a, b]) }
            return a
        }
        guard let left = a.listElements else { throw Arithmetic.operatorError(.atom(.badarg), "++", [a, b]) }
        return .list(left, tail: b)
    }

    /// `A -- B`: removes, for each element of `B`, its first exact match (`=:=`) in `A`.
    public static func subtract(_ a: Term, _ b: Term) throws -> Term {
        guard let left = a.listElements, let right = b.listElements else {
            throw Arithmetic.operatorError(.atom(.badarg), "--", [a, b])
        }
        if right.isEmpty { return a }
        var pending: [Term: Int] = [:]
        for r in right { pending[r, default: 0] += 1 }
        var kept: [Term] = []
        kept.reserveCapacity(left.count)
        for item in left {
            if let n = pending[item], n > 0 {
                pending[item] = n - 1
            } else {
                kept.append(item)
            }
        }
        return .list(kept)
    }
}
