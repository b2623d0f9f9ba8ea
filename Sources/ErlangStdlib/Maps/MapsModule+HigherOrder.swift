import ErlangRuntime
import ErlangTerms

/// The `maps` functions that take a fun (`map`, `filter`, `fold`, ...,
/// `merge_with`, `groups_from_list`) and the iterators (`iterator/1`,
/// `next/1`). The traversal functions accept a map or an iterator.
extension MapsModule {
    /// The longest `{K, V, Next}` chain `maps:next/1` returns at once; a
    /// bigger map continues with `[Offset | Map]` (erl also chunks big maps).
    static let iteratorChunk = 32

    static let higherOrder: FunctionTable = [
        bif("map", 2, { p, a in
            let pairs = try traversal("map", a, fun: a[0], arity: 2, source: a[1])
            var out: [(Term, Term)] = []
            for (k, v) in pairs {
                out.append((k, try await called(from: frame("map_1", 2, 439)) { try await p.apply(a[0], [k, v]) }))
            }
            return .map(out)
        }),
        bif("filter", 2, { p, a in
            let pairs = try traversal("filter", a, fun: a[0], arity: 2, source: a[1])
            var out: [(Term, Term)] = []
            for (k, v) in pairs {
                let keep = try await called(from: frame("filter_1", 2, 319)) { try await p.apply(a[0], [k, v]) }
                switch keep.boolValue {
                case true?: out.append((k, v))
                case false?: break
                case nil: throw StdlibError.raised(.tuple([.atom(.caseClause), keep]), in: "maps", "filter_1", arity: 2, line: 319)
                }
            }
            return .map(out)
        }),
        bif("filtermap", 2, { p, a in
            let pairs = try traversal("filtermap", a, fun: a[0], arity: 2, source: a[1])
            var out: [(Term, Term)] = []
            for (k, v) in pairs {
                let r = try await called(from: frame("filtermap_1", 2, 351)) { try await p.apply(a[0], [k, v]) }
                switch r {
                case .true: out.append((k, v))
                case .false: break
                case .tuple(let e) where e.count == 2 && e[0] == .true: out.append((k, e[1]))
                default:
                    throw StdlibError.raised(.tuple([.atom(.caseClause), r]), in: "maps", "filtermap_1", arity: 2, line: 351)
                }
            }
            return .map(out)
        }),
        bif("foreach", 2, { p, a in
            let pairs = try traversal("foreach", a, fun: a[0], arity: 2, source: a[1])
            for (k, v) in pairs {
                _ = try await called(from: frame("foreach_1", 2, 381)) { try await p.apply(a[0], [k, v]) }
            }
            return .ok
        }),
        bif("fold", 3, { p, a in
            let pairs = try traversal("fold", a, fun: a[0], arity: 3, source: a[2])
            var acc = a[1]
            for (k, v) in pairs {
                acc = try await called(from: frame("fold_1", 3, 411)) { try await p.apply(a[0], [k, v, acc]) }
            }
            return acc
        }),
        bif("update_with", 3, { p, a in
            let (key, f) = (a[0], a[1])
            guard case .map(let m) = a[2], ListsModule.isFunction(f, 1) else {
                throw withInfo(a[2].isMap ? .atom(.badarg) : StdlibError.badmap(a[2]), "update_with", a)
            }
            guard let old = m[key] else { throw withInfo(StdlibError.badkey(key), "update_with", a, line: 265) }
            let new = try await called(from: frame("update_with", 3, 264)) { try await p.apply(f, [old]) }
            return .map(m.updating(key, to: new))
        }),
        bif("update_with", 4, { p, a in
            let (key, f) = (a[0], a[1])
            guard case .map(let m) = a[3], ListsModule.isFunction(f, 1) else {
                throw withInfo(a[3].isMap ? .atom(.badarg) : StdlibError.badmap(a[3]), "update_with", a)
            }
            guard let old = m[key] else { return .map(m.updating(key, to: a[2])) }
            let new = try await called(from: frame("update_with", 4, 278)) { try await p.apply(f, [old]) }
            return .map(m.updating(key, to: new))
        }),
        bif("merge_with", 3, { p, a in
            let (m1, m2) = try twoMaps("merge_with", a)
            var storage = m1.storage
            for (k, v) in m2.storage where m1[k] == nil { storage[k] = v }
            // erl walks the smaller map; the combiner always gets Map1's value first.
            for (k, _) in (m1.count > m2.count ? m2 : m1).sortedPairs {
                guard let v1 = m1[k], let v2 = m2[k] else { continue }
                storage[k] = try await called(from: frame("merge_with_1", 4, 190)) { try await p.apply(a[0], [k, v1, v2]) }
            }
            return .map(ErlangMap(storage))
        }),
        bif("intersect_with", 3, { p, a in
            let (m1, m2) = try twoMaps("intersect_with", a)
            var out: [(Term, Term)] = []
            for (k, v1) in (m1.count <= m2.count ? m1 : m2).sortedPairs {
                guard let other = (m1.count <= m2.count ? m2 : m1)[k] else { continue }
                let (x, y) = m1.count <= m2.count ? (v1, other) : (other, v1)
                out.append((k, try await called(from: frame("intersect_with_iterate", 4, 129)) {
                    try await p.apply(a[0], [k, x, y])
                }))
            }
            return .map(out)
        }),
        bif("groups_from_list", 2, { p, a in try await groups(p, a, key: a[0], value: nil, list: a[1]) }),
        bif("groups_from_list", 3, { p, a in try await groups(p, a, key: a[0], value: a[1], list: a[2]) }),
        bif("iterator", 1, { _, a in
            guard a[0].isMap else { throw withInfo(StdlibError.badmap(a[0]), "iterator", a) }
            return .cons(.int(0), a[0])
        }),
        bif("next", 1, { _, a in
            switch a[0] {
            case .tuple(let e) where e.count == 3: return a[0]
            case .atom(let x) where x.text == "none": return a[0]
            case .cons(let cell):
                guard case .int(let offset) = cell.head, case .map(let m) = cell.tail, offset >= 0, offset <= m.count else {
                    throw badargWithInfo("next", a)
                }
                return chain(m, from: offset)
            default: throw badargWithInfo("next", a)
            }
        }),
    ]

    /// The caller frame `{maps, Function, Arity, Location}` for errors from user funs.
    static func frame(_ function: String, _ arity: Int, _ line: Int) -> Term {
        StdlibError.sourceFrame("maps", function, .int(arity), line: line)
    }

    /// The `{K, V, Next}` chain of `m`'s entries from `offset`, in key order.
    static func chain(_ m: ErlangMap, from offset: Int) -> Term {
        let pairs = m.sortedPairs
        let end = m.count <= iteratorChunk ? pairs.count : min(pairs.count, offset + iteratorChunk)
        var next: Term = end < pairs.count ? .cons(.int(end), .map(m)) : .atom("none")
        for (k, v) in pairs[offset..<end].reversed() { next = .tuple([k, v, next]) }
        return next
    }

    /// The entries a traversal visits: those of a map, or those left in an
    /// iterator. A bad fun is `badarg`; a bad map or iterator `{badmap, X}`.
    static func traversal(_ name: String, _ args: [Term], fun: Term, arity: Int, source: Term) throws -> [(Term, Term)] {
        guard ListsModule.isFunction(fun, arity) else { throw badargWithInfo(name, args) }
        if case .map(let m) = source { return m.sortedPairs }
        guard let pairs = entries(of: source) else { throw withInfo(StdlibError.badmap(source), name, args) }
        return pairs
    }

    /// The entries left in an iterator, or `nil` when it is not one.
    static func entries(of iterator: Term) -> [(Term, Term)]? {
        var out: [(Term, Term)] = []
        var current = iterator
        while true {
            switch current {
            case .tuple(let e) where e.count == 3:
                out.append((e[0], e[1]))
                current = e[2]
            case .atom(let x) where x.text == "none":
                return out
            case .cons(let cell):
                guard case .int(let offset) = cell.head, case .map(let m) = cell.tail, offset >= 0, offset <= m.count else {
                    return nil
                }
                out.append(contentsOf: m.sortedPairs[offset...].map { ($0.key, $0.value) })
                return out
            default:
                return nil
            }
        }
    }

    /// The two maps of `merge_with/3` and `intersect_with/3`, or erl's error.
    private static func twoMaps(_ name: String, _ a: [Term]) throws -> (ErlangMap, ErlangMap) {
        guard case .map(let m1) = a[1], case .map(let m2) = a[2], ListsModule.isFunction(a[0], 3) else {
            guard ListsModule.isFunction(a[0], 3) else { throw withInfo(.atom(.badarg), name, a) }
            throw withInfo(StdlibError.badmap(a[1].isMap ? a[2] : a[1]), name, a)
        }
        return (m1, m2)
    }

    /// `groups_from_list/2,3`: the list is walked from its end, as erl does.
    private static func groups(_ p: ErlangProcess, _ a: [Term], key: Term, value: Term?, list: Term) async throws -> Term {
        let name = "groups_from_list"
        guard ListsModule.isFunction(key, 1), value.map({ ListsModule.isFunction($0, 1) }) ?? true else {
            throw badargWithInfo(name, a)
        }
        guard let items = list.listElements else { throw badargWithInfo(name, a) }
        var groups: [Term: [Term]] = [:]
        var order: [Term] = []
        let caller = value == nil ? frame("groups_from_list_1", 3, 522) : frame("groups_from_list_2", 4, 554)
        for item in items.reversed() {
            let k = try await called(from: caller) { try await p.apply(key, [item]) }
            var v = item
            if let f = value { v = try await called(from: caller) { try await p.apply(f, [item]) } }
            if groups[k] == nil { order.append(k) }
            groups[k, default: []].append(v)
        }
        return .map(order.map { ($0, Term.list((groups[$0] ?? []).reversed())) })
    }
}

extension Term {
    /// Whether the term is a map.
    var isMap: Bool {
        if case .map = self { return true }
        return false
    }
}
