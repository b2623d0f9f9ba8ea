/// The order in which erl prints a map's pairs (and `maps:to_list/1`
/// returns them for maps of up to 32 keys): term order with exact number
/// comparison, in which every integer sorts before every float, at any
/// depth: `#{1 => b,2 => c,-5.0 => e,1.5 => a}`.
///
/// Maps of more than 32 keys are hash tries in erl, printed in hash order;
/// Swerl prints them in this order too.
public enum MapKeyOrder {
    /// The map's pairs in print order.
    public static func sortedPairs(_ map: ErlangMap) -> [(key: Term, value: Term)] {
        map.storage.map { ($0.key, $0.value) }.sorted { compare($0.key, $1.key) < 0 }
    }

    /// Compares two keys: negative, zero or positive. Walks both terms with
    /// an explicit stack.
    public static func compare(_ a: Term, _ b: Term) -> Int {
        var pending: [(Term, Term)] = [(a, b)]
        while let (x, y) = pending.popLast() {
            let result = compareShallow(x, y, &pending)
            if result != 0 { return result }
        }
        return 0
    }

    /// Compares the outer layer of `x` and `y`; pushes child pairs that must
    /// compare equal, the first pair to compare last.
    private static func compareShallow(_ x: Term, _ y: Term, _ pending: inout [(Term, Term)]) -> Int {
        let rx = rank(x), ry = rank(y)
        if rx != ry { return rx < ry ? -1 : 1 }
        switch (x, y) {
        case (.int, _), (.bigInt, _), (.float, _):
            return Term.compareNumbers(x, y, exact: true)
        case (.tuple(let p), .tuple(let q)):
            if p.count != q.count { return p.count < q.count ? -1 : 1 }
            for i in p.indices.reversed() { pending.append((p[i], q[i])) }
            return 0
        case (.cons(let p), .cons(let q)):
            if p === q { return 0 }
            pending.append((p.tail, q.tail))
            pending.append((p.head, q.head))
            return 0
        case (.map(let p), .map(let q)):
            if p === q { return 0 }
            if p.count != q.count { return p.count < q.count ? -1 : 1 }
            let pp = sortedPairs(p), qp = sortedPairs(q)
            for i in pp.indices.reversed() { pending.append((pp[i].value, qp[i].value)) }
            for i in pp.indices.reversed() { pending.append((pp[i].key, qp[i].key)) }
            return 0
        case (.atom, _), (.nil, _), (.binary, _), (.pid, _), (.ref, _), (.fun, _), (.tuple, _), (.cons, _), (.map, _):
            return Term.compare(x, y, exact: true)
        }
    }

    /// Term order's type rank, with integers before floats.
    private static func rank(_ t: Term) -> Int {
        switch t {
        case .int, .bigInt: return 0
        case .float: return 1
        case .atom, .ref, .fun, .pid, .tuple, .map, .nil, .cons, .binary: return 2 + t.orderRank
        }
    }
}
