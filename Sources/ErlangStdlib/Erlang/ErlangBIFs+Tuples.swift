import ErlangRuntime
import ErlangTerms

/// Tuple BIFs: `element/2`, `setelement/3`, `make_tuple/2,3` and friends.
/// Positions are 1-based; a position out of range is `badarg`.
extension ErlangBIFs {
    /// BEAM's largest tuple (`make_tuple(1 bsl 24, x)` is `badarg`).
    static let maxTupleSize = (1 << 24) - 1

    static let tuples: FunctionTable = [
        bif("element", 2, { _, a in
            guard case .int(let i) = a[0], case .tuple(let e) = a[1], i >= 1, i <= e.count else {
                throw ErlangException.badarg
            }
            return e[i - 1]
        }),
        bif("setelement", 3, { _, a in
            guard case .int(let i) = a[0], case .tuple(var e) = a[1], i >= 1, i <= e.count else {
                throw ErlangException.badarg
            }
            e[i - 1] = a[2]
            return .tuple(e)
        }),
        bif("tuple_size", 1, { _, a in
            guard case .tuple(let e) = a[0] else { throw ErlangException.badarg }
            return .int(e.count)
        }),
        bif("size", 1, { _, a in
            switch a[0] {
            case .tuple(let e): return .int(e.count)
            case .binary(let b): return .int(b.bitCount / 8)
            case .int, .bigInt, .float, .atom, .nil, .cons, .map, .pid, .ref, .fun: throw ErlangException.badarg
            }
        }),
        bif("tuple_to_list", 1, { _, a in
            guard case .tuple(let e) = a[0] else { throw ErlangException.badarg }
            return .list(e)
        }),
        bif("list_to_tuple", 1, { _, a in
            guard let e = a[0].listElements, e.count <= maxTupleSize else { throw ErlangException.badarg }
            return .tuple(e)
        }),
        bif("make_tuple", 2, { _, a in
            guard case .int(let n) = a[0], n >= 0, n <= maxTupleSize else { throw ErlangException.badarg }
            return .tuple(Array(repeating: a[1], count: n))
        }),
        bif("make_tuple", 3, { _, a in
            guard case .int(let n) = a[0], n >= 0, n <= maxTupleSize, let inits = a[2].listElements else {
                throw ErlangException.badarg
            }
            var e = Array(repeating: a[1], count: n)
            for item in inits {
                guard case .tuple(let pair) = item, pair.count == 2, case .int(let i) = pair[0], i >= 1, i <= n else {
                    throw ErlangException.badarg
                }
                e[i - 1] = pair[1]
            }
            return .tuple(e)
        }),
        bif("append_element", 2, { _, a in
            guard case .tuple(var e) = a[0], e.count < maxTupleSize else { throw ErlangException.badarg }
            e.append(a[1])
            return .tuple(e)
        }),
        bif("insert_element", 3, { _, a in
            guard case .int(let i) = a[0], case .tuple(var e) = a[1], i >= 1, i <= e.count + 1 else {
                throw ErlangException.badarg
            }
            e.insert(a[2], at: i - 1)
            return .tuple(e)
        }),
        bif("delete_element", 2, { _, a in
            guard case .int(let i) = a[0], case .tuple(var e) = a[1], i >= 1, i <= e.count else {
                throw ErlangException.badarg
            }
            e.remove(at: i - 1)
            return .tuple(e)
        }),
    ]
}
