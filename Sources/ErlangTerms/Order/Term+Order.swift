import BigInt

/// Erlang's term order and its two equalities.
///
/// number < atom < reference < fun < port < pid < tuple < map < [] < list < bitstring.
/// Among funs, closures come before external funs (`fun M:F/A`), which
/// compare by value.
/// Numbers compare by value (`1 == 1.0`); with `exact` (the order behind
/// `=:=` and map keys) an integer sorts before an equal float.
/// The comparison walks both terms with an explicit stack, so terms nested
/// hundreds of thousands deep compare without native recursion.
extension Term {
    /// Compares `a` and `b` in term order: negative, zero or positive.
    /// `exact` selects `=:=` semantics for numbers.
    public static func compare(_ a: Term, _ b: Term, exact: Bool = false) -> Int {
        var pending: [(Term, Term, Bool)] = []
        var current = (a, b, exact)
        while true {
            let (x, y, isExact) = current
            let result = compareShallow(x, y, exact: isExact, pending: &pending)
            if result != 0 { return result }
            guard let next = pending.popLast() else { return 0 }
            current = next
        }
    }

    /// Compares the outer layer of `x` and `y`; pushes child pairs that must
    /// compare equal for the terms to be equal, first pair to compare last.
    private static func compareShallow(_ x: Term, _ y: Term, exact: Bool,
                                       pending: inout [(Term, Term, Bool)]) -> Int {
        let rx = x.orderRank, ry = y.orderRank
        if rx != ry { return rx < ry ? -1 : 1 }
        switch (x, y) {
        case (.atom(let p), .atom(let q)):
            return compareAtoms(p, q)
        case (.tuple(let p), .tuple(let q)):
            if p.count != q.count { return p.count < q.count ? -1 : 1 }
            for i in p.indices.reversed() { pending.append((p[i], q[i], exact)) }
            return 0
        case (.nil, .nil):
            return 0
        case (.cons(let p), .cons(let q)):
            if p === q { return 0 }
            pending.append((p.tail, q.tail, exact))
            pending.append((p.head, q.head, exact))
            return 0
        case (.map(let p), .map(let q)):
            if p === q { return 0 }
            if p.count != q.count { return p.count < q.count ? -1 : 1 }
            let pp = p.sortedPairs, qp = q.sortedPairs
            for i in pp.indices.reversed() { pending.append((pp[i].value, qp[i].value, exact)) }
            for i in pp.indices.reversed() { pending.append((pp[i].key, qp[i].key, true)) }
            return 0
        case (.binary(let p), .binary(let q)):
            return compareBitstrings(p, q)
        case (.pid(let p), .pid(let q)):
            return p == q ? 0 : (p < q ? -1 : 1)
        case (.ref(let p), .ref(let q)):
            return p == q ? 0 : (p < q ? -1 : 1)
        case (.fun(let p), .fun(let q)):
            return compareFuns(p, q)
        default:
            return compareNumbers(x, y, exact: exact)
        }
    }

    /// The rank of the term's type in Erlang's term order.
    var orderRank: Int {
        switch self {
        case .int, .bigInt, .float: return 0
        case .atom: return 1
        case .ref: return 2
        case .fun: return 3
        case .pid: return 5
        case .tuple: return 6
        case .map: return 7
        case .nil: return 8
        case .cons: return 9
        case .binary: return 10
        }
    }

    static func compareAtoms(_ p: Atom, _ q: Atom) -> Int {
        if p == q { return 0 }
        let ps = p.text.unicodeScalars, qs = q.text.unicodeScalars
        return ps.lexicographicallyPrecedes(qs) ? -1 : 1
    }

    /// Funs: closures before external funs; external funs are values
    /// ordered by module, function and arity (`fun lists:sum/1` made twice
    /// is one term); closures by their identity.
    static func compareFuns(_ p: Fun, _ q: Fun) -> Int {
        if p === q { return 0 }
        switch (p.kind, q.kind) {
        case (.external(let pm, let pf), .external(let qm, let qf)):
            let byModule = compareAtoms(pm, qm)
            if byModule != 0 { return byModule }
            let byFunction = compareAtoms(pf, qf)
            if byFunction != 0 { return byFunction }
            return p.arity == q.arity ? 0 : (p.arity < q.arity ? -1 : 1)
        case (.local, .external): return -1
        case (.external, .local): return 1
        case (.local, .local):
            return p.identity == q.identity ? 0 : (p.identity < q.identity ? -1 : 1)
        }
    }

    static func compareBitstrings(_ p: Bitstring, _ q: Bitstring) -> Int {
        if p === q { return 0 }
        let n = min(p.bytes.count, q.bytes.count)
        for i in 0..<n where p.bytes[i] != q.bytes[i] {
            return p.bytes[i] < q.bytes[i] ? -1 : 1
        }
        if p.bitCount == q.bitCount { return 0 }
        return p.bitCount < q.bitCount ? -1 : 1
    }

    /// Compares two numbers by value; with `exact`, an integer sorts before
    /// a float of the same value.
    static func compareNumbers(_ x: Term, _ y: Term, exact: Bool) -> Int {
        switch (x, y) {
        case (.int(let p), .int(let q)):
            return p == q ? 0 : (p < q ? -1 : 1)
        case (.float(let p), .float(let q)):
            return p == q ? 0 : (p < q ? -1 : 1)
        case (.int(let p), .float(let q)):
            let c = compareIntFloat(p, q)
            return c == 0 && exact ? -1 : c
        case (.float(let p), .int(let q)):
            let c = -compareIntFloat(q, p)
            return c == 0 && exact ? 1 : c
        case (.bigInt(let p), .bigInt(let q)):
            return p.value == q.value ? 0 : (p.value < q.value ? -1 : 1)
        case (.bigInt(let p), .int):
            return p.value.sign == .minus ? -1 : 1
        case (.int, .bigInt(let q)):
            return q.value.sign == .minus ? 1 : -1
        case (.bigInt(let p), .float(let q)):
            let c = compareBigFloat(p.value, q)
            return c == 0 && exact ? -1 : c
        case (.float(let p), .bigInt(let q)):
            let c = -compareBigFloat(q.value, p)
            return c == 0 && exact ? 1 : c
        default:
            return 0
        }
    }

    /// Exact comparison of an integer and a float.
    static func compareIntFloat(_ i: Int, _ d: Double) -> Int {
        if d >= 9.223372036854775807e18 { return -1 }
        if d < -9.223372036854775808e18 { return 1 }
        let truncated = d.rounded(.towardZero)
        let t = Int(truncated)
        if i != t { return i < t ? -1 : 1 }
        let fraction = d - truncated
        return fraction > 0 ? -1 : (fraction < 0 ? 1 : 0)
    }

    /// Exact comparison of a big integer (outside `Int`) and a float.
    static func compareBigFloat(_ b: BigInt, _ d: Double) -> Int {
        if abs(d) < 9.0e18 { return b.sign == .minus ? -1 : 1 }
        let truncated = d.rounded(.towardZero)
        let db = BigInt(exactly: truncated) ?? 0
        if b != db { return b < db ? -1 : 1 }
        let fraction = d - truncated
        return fraction > 0 ? -1 : (fraction < 0 ? 1 : 0)
    }

    /// `==`: equal by value (`1 == 1.0`).
    public func isEqual(to other: Term) -> Bool { Term.compare(self, other) == 0 }

    /// `=:=`: exactly equal (`1 =/= 1.0`).
    public func isExactlyEqual(to other: Term) -> Bool { Term.compare(self, other, exact: true) == 0 }
}

/// `Equatable` is exact equality (`=:=`), the equality of map keys and pattern matching.
extension Term: Equatable {
    /// `=:=`.
    public static func == (a: Term, b: Term) -> Bool {
        switch (a, b) {
        case (.int(let p), .int(let q)): return p == q
        case (.atom(let p), .atom(let q)): return p == q
        default: return compare(a, b, exact: true) == 0
        }
    }
}
