import ErlangRuntime
import ErlangTerms

/// The `dict` functions that call funs: `update/3,4`, `fold/3`, `map/2`,
/// `filter/2`, `merge/3`. Funs are called in erl's fold order.
extension DictModule {
    static let higher: FunctionTable = [
        bif("update", 3, { p, a in
            var t = try table(a[2])
            let slot = t.slot(a[0])
            var bucket = cells(t[slot])
            guard let i = index(of: a[0], in: bucket) else {
                throw StdlibError.withArgs(.atom(.badarg), "dict", "update", a, line: 316)
            }
            let new = try await call(p, a[1], [value(bucket[i])], "update_bkt", 3, 321)
            bucket[i] = .cons(a[0], new)
            t[slot] = .list(bucket)
            return t.term
        }),
        bif("update", 4, { p, a in
            var t = try table(a[3])
            try await update(&t, a[0], a[2]) { old in try await call(p, a[1], [old], "update_bkt", 4, 336) }
            return t.term
        }),
        bif("fold", 3, { p, a in
            let t = try table(a[2], fold: true)
            var acc = a[1]
            for (key, value) in t.foldOrder { acc = try await call(p, a[0], [key, value, acc], "fold_bucket", 3, 458) }
            return acc
        }),
        bif("map", 2, { p, a in
            var t = try table(a[1], fold: true)
            for s in t.segments.indices {
                for b in t.segments[s].indices {
                    var out: [Term] = []
                    for cell in cells(t.segments[s][b]) {
                        guard case .cons(let entry) = cell else { continue }
                        out.append(.cons(entry.head, try await call(p, a[0], [entry.head, entry.tail], "map_bucket", 2, 478)))
                    }
                    t.segments[s][b] = .list(out)
                }
            }
            return t.term
        }),
        bif("filter", 2, { p, a in
            var t = try table(a[1], fold: true)
            guard t.size > 0 else { return a[1] }
            var removed = 0
            for s in t.segments.indices {
                for b in t.segments[s].indices {
                    var kept: [Term] = []
                    for cell in cells(t.segments[s][b]) {
                        guard case .cons(let entry) = cell else { continue }
                        let keep = try await call(p, a[0], [entry.head, entry.tail], "filter_bucket", 4, 505)
                        if keep == .true { kept.append(cell) } else if keep == .false { removed += 1 } else {
                            throw StdlibError.raised(.tuple([.atom(.caseClause), keep]), in: "dict", "filter_bucket",
                                                     arity: 4, line: 505)
                        }
                    }
                    t.segments[s][b] = .list(kept)
                }
            }
            t.contract(removed)
            return t.term
        }),
        bif("merge", 3, { p, a in
            let d1 = try table(a[1], fold: true), d2 = try table(a[2], fold: true)
            let f = a[0]
            // The smaller dict is folded into the other; on a common key F gets (Key, V1, V2).
            if d1.size < d2.size {
                var t = d2
                for (key, v1) in d1.foldOrder {
                    try await update(&t, key, v1) { v2 in try await call(p, f, [key, v1, v2], "update_bkt", 4, 336) }
                }
                return t.term
            }
            var t = d1
            for (key, v2) in d2.foldOrder {
                try await update(&t, key, v2) { v1 in try await call(p, f, [key, v1, v2], "update_bkt", 4, 336) }
            }
            return t.term
        }),
    ]

    /// `update(Key, Fun, Initial, Dict)` on a table, `transform` standing for the fun.
    static func update(_ t: inout Table, _ key: Term, _ initial: Term,
                       _ transform: (Term) async throws -> Term) async throws {
        let slot = t.slot(key)
        var bucket = cells(t[slot])
        if let i = index(of: key, in: bucket) {
            bucket[i] = .cons(key, try await transform(value(bucket[i])))
            t[slot] = .list(bucket)
            t.expand(0)
        } else {
            t[slot] = .list(bucket + [.cons(key, initial)])
            t.expand(1)
        }
    }

    /// Calls a user fun, with `dict:worker/arity` as the caller of what it raises.
    static func call(_ p: ErlangProcess, _ f: Term, _ args: [Term], _ worker: String, _ arity: Int,
                     _ line: Int) async throws -> Term {
        try await called(from: StdlibError.sourceFrame("dict", worker, .int(arity), line: line)) {
            try await p.apply(f, args)
        }
    }
}
