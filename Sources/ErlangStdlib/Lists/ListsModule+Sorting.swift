import ErlangRuntime
import ErlangTerms

/// Sorting and merging: `sort/1,2`, `usort/1,2`, `keysort/2`, `ukeysort/2`,
/// `merge/1,2,3`, `umerge/1,2,3`, `merge3/3`, `umerge3/3`, `keymerge/3`,
/// `ukeymerge/3`. `sort/1` orders equal terms as OTP does (`TermSort`);
/// the other sorts are stable, as erl's are; the `u` variants keep the first of
/// equal elements (`==`, or both `Fun(A, B)` and `Fun(B, A)` for a fun).
extension ListsModule {
    static let sorting: FunctionTable = [
        bif("sort", 1, { _, a in
            guard let items = a[0].listElements else { throw clause("sort", a, 512) }
            return .list(TermSort.sorted(items))
        }),
        bif("sort", 2, { p, a in
            guard isFunction(a[0], 2), let items = a[1].listElements else { throw clause("sort", a, 1017) }
            return .list(try await MergeSort.sorted(items) { try await ordered(p, a[0], $0, $1) })
        }),
        bif("usort", 1, { _, a in
            guard let items = a[0].listElements else { throw clause("usort", a, 1112) }
            return .list(unique(MergeSort.sorted(items) { Term.compare($0, $1) <= 0 }) { Term.compare($0, $1) == 0 })
        }),
        bif("usort", 2, { p, a in
            let f = a[0]
            guard isFunction(f, 2), let items = a[1].listElements else { throw clause("usort", a, 1057) }
            let sorted = try await MergeSort.sorted(items) { try await ordered(p, f, $0, $1) }
            var out: [Term] = []
            for item in sorted {
                if let last = out.last, try await ordered(p, f, item, last) { continue }
                out.append(item)
            }
            return .list(out)
        }),
        bif("keysort", 2, { _, a in
            let items = try keyedItems("keysort", a, 784)
            let sorted = MergeSort.sorted(items) { Term.compare($0.key, $1.key) <= 0 }
            return .list(sorted.map(\.item))
        }),
        bif("ukeysort", 2, { _, a in
            let items = try keyedItems("ukeysort", a, 879)
            let sorted = MergeSort.sorted(items) { Term.compare($0.key, $1.key) <= 0 }
            return .list(unique(sorted) { Term.compare($0.key, $1.key) == 0 }.map(\.item))
        }),
        bif("merge", 1, { _, a in
            guard let lists = a[0].listElements else { throw clause("merge", a, 563) }
            var result: [Term] = []
            for list in lists {
                guard let items = list.listElements else { throw clause("merge", a, 563) }
                result = try await MergeSort.merge(result, items) { Term.compare($0, $1) <= 0 }
            }
            return .list(result)
        }),
        bif("merge", 2, { _, a in try await merge2("merge", a[0], a[1], unique: false, line: 607) }),
        bif("umerge", 2, { _, a in try await merge2("umerge", a[0], a[1], unique: true, line: 1217) }),
        bif("merge3", 3, { _, a in try await mergeAll("merge3", a, unique: false, line: 578) }),
        bif("umerge3", 3, { _, a in try await mergeAll("umerge3", a, unique: true, line: 1187) }),
        bif("umerge", 1, { _, a in
            guard let lists = a[0].listElements else { throw clause("umerge", a, 1171) }
            return try await mergeAll("umerge", lists, unique: true, line: 1171)
        }),
        bif("merge", 3, { p, a in try await mergeWith(p, "merge", a, unique: false, line: 1037) }),
        bif("umerge", 3, { p, a in try await mergeWith(p, "umerge", a, unique: true, line: 1090) }),
        bif("keymerge", 3, { _, a in try await keyMerge("keymerge", a, unique: false, line: 848) }),
        bif("ukeymerge", 3, { _, a in try await keyMerge("ukeymerge", a, unique: true, line: 951) }),
    ]

    /// Calls an ordering fun; anything but `true` counts as `false`.
    static func ordered(_ p: ErlangProcess, _ f: Term, _ x: Term, _ y: Term) async throws -> Bool {
        try await called(from: frame("sort", 2, 1017)) { try await p.apply(f, [x, y]) } == .true
    }

    /// `items` without the elements equal (by `same`) to the one kept before them.
    static func unique<T>(_ items: [T], _ same: (T, T) -> Bool) -> [T] {
        var out: [T] = []
        for item in items {
            if let last = out.last, same(last, item) { continue }
            out.append(item)
        }
        return out
    }

    /// The elements of a tuple list with their `N`th elements, for the key sorts.
    private static func keyedItems(_ name: String, _ a: [Term], _ line: Int) throws -> [(key: Term, item: Term)] {
        guard case .int(let n) = a[0], n > 0 else { throw clause(name, a, line) }
        guard let items = a[1].listElements else {
            if a[1].isList { throw clause(name, a, line) }
            throw raised(.tuple([.atom(.caseClause), a[1]]), name, 2, line + 1)
        }
        guard items.count > 1 else { return items.map { (Term.nil, $0) } }
        return try items.map { item in
            guard case .tuple(let e) = item, n <= e.count else {
                throw StdlibError.bif(.atom(.badarg), "erlang", "element", [a[0], item])
            }
            return (e[n - 1], item)
        }
    }

    private static func merge2(_ name: String, _ x: Term, _ y: Term, unique: Bool, line: Int) async throws -> Term {
        // merge(T1, []) -> T1; merge(T1, [H2 | T2]) -> ... merge2_1(T1, H2, T2, []).
        if !unique, case .nil = y { return x }
        if !unique, case .cons(let cell) = y, x.listElements == nil {
            throw clause("merge2_1", [x, cell.head, cell.tail, .nil], 1796)
        }
        guard let left = x.listElements, let right = y.listElements else { throw clause(name, [x, y], line) }
        return .list(try await MergeSort.merge(left, right, unique: unique) { Term.compare($0, $1) <= 0 })
    }

    private static func mergeAll(_ name: String, _ lists: [Term], unique: Bool, line: Int) async throws -> Term {
        var result: [Term] = []
        for list in lists {
            guard let items = list.listElements else { throw clause(name, lists, line) }
            result = try await MergeSort.merge(result, items, unique: unique) { Term.compare($0, $1) <= 0 }
        }
        return .list(result)
    }

    private static func mergeWith(_ p: ErlangProcess, _ name: String, _ a: [Term], unique: Bool, line: Int) async throws -> Term {
        guard isFunction(a[0], 2), let left = a[1].listElements, let right = a[2].listElements else {
            throw clause(name, a, line)
        }
        return .list(try await MergeSort.merge(left, right, unique: unique) { try await ordered(p, a[0], $0, $1) })
    }

    private static func keyMerge(_ name: String, _ a: [Term], unique: Bool, line: Int) async throws -> Term {
        guard case .int(let n) = a[0], n > 0, let left = a[1].listElements, let right = a[2].listElements else {
            throw clause(name, a, line)
        }
        func key(_ t: Term) throws -> Term {
            guard case .tuple(let e) = t, n <= e.count else {
                throw StdlibError.bif(.atom(.badarg), "erlang", "element", [a[0], t])
            }
            return e[n - 1]
        }
        return .list(try await MergeSort.merge(left, right, unique: unique) {
            Term.compare(try key($0), try key($1)) <= 0
        })
    }
}
