import ErlangRuntime
import ErlangTerms

/// The `orddict` functions that call funs: `update/3,4`, `fold/3`,
/// `map/2`, `filter/2`, `merge/3`.
extension OrddictModule {
    static let higher: FunctionTable = [
        bif("update", 3, { p, a in
            guard case .found(let before, _, let value, let after) = try locate(
                a[0], in: a[2], fail: { clause("update", [a[0], a[1], $0], 169) }) else {
                throw clause("update", [a[0], a[1], try remainder(a[0], a[2])], 169)
            }
            let new = try await called(from: frame("update", 3, 172)) { try await p.apply(a[1], [value]) }
            return .list(before, tail: .cons(pair(a[0], new), after))
        }),
        bif("update", 4, { p, a in
            switch try locate(a[0], in: a[3], fail: { clause("update", [a[0], a[1], a[2], $0], 181) }) {
            case .found(let before, _, let value, let after):
                let new = try await called(from: frame("update", 4, 185)) { try await p.apply(a[1], [value]) }
                return .list(before, tail: .cons(pair(a[0], new), after))
            case .absent(let before, let rest):
                return .list(before, tail: .cons(pair(a[0], a[2]), rest))
            }
        }),
        bif("fold", 3, { p, a in
            guard ListsModule.isFunction(a[0], 3), let all = pairs(a[2]) else { throw clause("fold", a, 210) }
            var acc = a[1]
            for (key, value) in all {
                acc = try await called(from: frame("fold", 3, 210)) { try await p.apply(a[0], [key, value, acc]) }
            }
            return acc
        }),
        bif("map", 2, { p, a in
            guard ListsModule.isFunction(a[0], 2), let all = pairs(a[1]) else { throw clause("map", a, 217) }
            var out: [Term] = []
            for (key, value) in all {
                let new = try await called(from: frame("map", 2, 217)) { try await p.apply(a[0], [key, value]) }
                out.append(pair(key, new))
            }
            return .list(out)
        }),
        bif("filter", 2, { p, a in
            guard ListsModule.isFunction(a[0], 2), let all = pairs(a[1]) else { throw clause("filter", a, 225) }
            var out: [Term] = []
            for (key, value) in all {
                let keep = try await called(from: frame("filter", 2, 225)) { try await p.apply(a[0], [key, value]) }
                if keep == .true { out.append(pair(key, value)) }
            }
            return .list(out)
        }),
        bif("merge", 3, { p, a in
            guard ListsModule.isFunction(a[0], 3), let left = pairs(a[1]), let right = pairs(a[2]) else {
                throw clause("merge", a, 237)
            }
            var out: [Term] = []
            var (i, j) = (0, 0)
            while i < left.count && j < right.count {
                let order = Term.compare(left[i].key, right[j].key)
                if order < 0 {
                    out.append(pair(left[i].key, left[i].value)); i += 1
                } else if order > 0 {
                    out.append(pair(right[j].key, right[j].value)); j += 1
                } else {
                    let (l, r) = (left[i], right[j])
                    let merged = try await called(from: frame("merge", 3, 241)) { try await p.apply(a[0], [l.key, l.value, r.value]) }
                    out.append(pair(l.key, merged)); i += 1; j += 1
                }
            }
            out.append(contentsOf: left[i...].map { pair($0.key, $0.value) })
            out.append(contentsOf: right[j...].map { pair($0.key, $0.value) })
            return .list(out)
        }),
    ]

    /// The caller frame `{orddict, Function, Arity, Location}` for errors from user funs.
    static func frame(_ function: String, _ arity: Int, _ line: Int) -> Term {
        StdlibError.sourceFrame("orddict", function, .int(arity), line: line)
    }
}
