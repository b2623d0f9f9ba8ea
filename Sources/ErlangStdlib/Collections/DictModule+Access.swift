import ErlangRuntime
import ErlangTerms

/// `dict` lookups and changes that take no funs.
extension DictModule {
    static let access: FunctionTable = [
        bif("new", 0, { _, _ in Table.new.term }),
        bif("size", 1, { _, a in
            guard let t = Table(a[0]) else { throw StdlibError.functionClause("dict", "size", a, line: 117) }
            return .int(t.size)
        }),
        bif("is_empty", 1, { _, a in
            guard let t = Table(a[0]) else { throw StdlibError.functionClause("dict", "is_empty", a, line: 123) }
            return t.size == 0 ? .true : .false
        }),
        bif("fetch", 2, { _, a in
            let t = try table(a[1])
            let bucket = cells(t[t.slot(a[0])])
            guard let i = index(of: a[0], in: bucket) else { throw StdlibError.withArgs(.atom(.badarg), "dict", "fetch", a, line: 132) }
            return value(bucket[i])
        }),
        bif("find", 2, { _, a in
            let t = try table(a[1])
            let bucket = cells(t[t.slot(a[0])])
            guard let i = index(of: a[0], in: bucket) else { return .atom("error") }
            return .tuple([.atom("ok"), value(bucket[i])])
        }),
        bif("is_key", 2, { _, a in
            let t = try table(a[1])
            return index(of: a[0], in: cells(t[t.slot(a[0])])) == nil ? .false : .true
        }),
        bif("to_list", 1, { _, a in
            .list(try table(a[0], fold: true).foldOrder.reversed().map { .tuple([$0.key, $0.value]) })
        }),
        bif("fetch_keys", 1, { _, a in .list(try table(a[0], fold: true).foldOrder.reversed().map(\.key)) }),
        bif("from_list", 1, { _, a in
            guard let items = a[0].listElements else { throw StdlibError.functionClause("lists", "foldl", [.nil, a[0]], line: 1262) }
            var t = Table.new
            for item in items {
                guard case .tuple(let p) = item, p.count == 2 else {
                    throw StdlibError.functionClause("dict", "-from_list/1-fun-0-", [item, t.term], line: 107)
                }
                store(&t, p[0], p[1])
            }
            return t.term
        }),
        bif("store", 3, { _, a in
            var t = try table(a[2])
            store(&t, a[0], a[1])
            return t.term
        }),
        bif("append", 3, { _, a in try appended(a, .list([a[1]])) }),
        bif("append_list", 3, { _, a in try appended(a, a[1]) }),
        bif("update_counter", 3, { _, a in
            guard a[1].isNumber else { throw StdlibError.functionClause("dict", "update_counter", a, line: 352) }
            var t = try table(a[2])
            let slot = t.slot(a[0])
            var bucket = cells(t[slot])
            if let i = index(of: a[0], in: bucket) {
                bucket[i] = .cons(a[0], try Arithmetic.add(value(bucket[i]), a[1]))
                t[slot] = .list(bucket)
                t.expand(0)
            } else {
                t[slot] = .list(bucket + [.cons(a[0], a[1])])
                t.expand(1)
            }
            return t.term
        }),
        bif("erase", 2, { _, a in
            var t = try table(a[1])
            _ = erase(&t, a[0])
            return t.term
        }),
        bif("take", 2, { _, a in
            var t = try table(a[1])
            guard let old = erase(&t, a[0]) else { return .atom("error") }
            return .tuple([old, t.term])
        }),
    ]

    /// `store(Key, Value, Dict)` on a table: replaces the cell, or adds one at the bucket's end.
    static func store(_ t: inout Table, _ key: Term, _ newValue: Term) {
        let slot = t.slot(key)
        var bucket = cells(t[slot])
        if let i = index(of: key, in: bucket) {
            bucket[i] = .cons(key, newValue)
            t[slot] = .list(bucket)
            t.expand(0)
        } else {
            t[slot] = .list(bucket + [.cons(key, newValue)])
            t.expand(1)
        }
    }

    /// Removes `key`; its old value, or `nil` when absent (the table still
    /// passes erl's contraction check).
    static func erase(_ t: inout Table, _ key: Term) -> Term? {
        let slot = t.slot(key)
        var bucket = cells(t[slot])
        guard let i = index(of: key, in: bucket) else { t.contract(0); return nil }
        let old = value(bucket[i])
        bucket.remove(at: i)
        t[slot] = .list(bucket)
        t.contract(1)
        return old
    }

    /// `append/3` and `append_list/3`: `items` after the key's list, or a new entry.
    static func appended(_ a: [Term], _ items: Term) throws -> Term {
        var t = try table(a[2])
        let slot = t.slot(a[0])
        var bucket = cells(t[slot])
        if let i = index(of: a[0], in: bucket) {
            bucket[i] = .cons(a[0], try ListOperators.append(value(bucket[i]), items))
            t[slot] = .list(bucket)
            t.expand(0)
        } else {
            t[slot] = .list(bucket + [.cons(a[0], items)])
            t.expand(1)
        }
        return t.term
    }
}
