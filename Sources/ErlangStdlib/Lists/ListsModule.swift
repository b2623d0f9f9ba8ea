import ErlangRuntime
import ErlangTerms

/// The `lists` module (the part written so far).
enum ListsModule {
    static func functionClause(_ name: String, _ args: [Term]) -> ErlangException {
        ErlangException(.error, .atom(.functionClause), stacktrace: [ErlangProcess.frame(Atom("lists"), Atom(name), .list(args))])
    }

    /// The exported functions.
    static let functions: FunctionTable = [
        bif("seq", 2, { _, a in
            guard case .int(let from) = a[0], case .int(let to) = a[1], to >= from - 1 else { throw functionClause("seq", a) }
            return .list((from...max(from, to)).prefix(to - from + 1).map { Term.int($0) })
        }),
        bif("foldl", 3, { p, a in
            guard let items = a[2].listElements else { throw functionClause("foldl", a) }
            var acc = a[1]
            for item in items { acc = try await p.apply(a[0], [item, acc]) }
            return acc
        }),
        bif("foldr", 3, { p, a in
            guard let items = a[2].listElements else { throw functionClause("foldr", a) }
            var acc = a[1]
            for item in items.reversed() { acc = try await p.apply(a[0], [item, acc]) }
            return acc
        }),
        bif("map", 2, { p, a in
            guard let items = a[1].listElements else { throw functionClause("map", a) }
            var out: [Term] = []
            for item in items { out.append(try await p.apply(a[0], [item])) }
            return .list(out)
        }),
        bif("foreach", 2, { p, a in
            guard let items = a[1].listElements else { throw functionClause("foreach", a) }
            for item in items { _ = try await p.apply(a[0], [item]) }
            return .ok
        }),
        bif("filter", 2, { p, a in
            guard let items = a[1].listElements else { throw functionClause("filter", a) }
            var out: [Term] = []
            for item in items where try await p.apply(a[0], [item]) == .true { out.append(item) }
            return .list(out)
        }),
        bif("duplicate", 2, { _, a in
            guard case .int(let n) = a[0], n >= 0 else { throw functionClause("duplicate", a) }
            return .list(Array(repeating: a[1], count: n))
        }),
        bif("reverse", 1, { _, a in
            guard let items = a[0].listElements else { throw functionClause("reverse", a) }
            return .list(items.reversed())
        }),
        bif("sum", 1, { _, a in
            guard let items = a[0].listElements else { throw functionClause("sum", a) }
            var acc = Term.int(0)
            for item in items { acc = try Arithmetic.add(acc, item) }
            return acc
        }),
        bif("sort", 1, { _, a in
            guard let items = a[0].listElements else { throw functionClause("sort", a) }
            return .list(items.sorted { Term.compare($0, $1) < 0 })
        }),
        bif("nth", 2, { _, a in
            guard case .int(let n) = a[0], let items = a[1].listElements, n >= 1, n <= items.count else { throw functionClause("nth", a) }
            return items[n - 1]
        }),
        bif("member", 2, { _, a in
            guard let items = a[1].listElements else { throw functionClause("member", a) }
            return .bool(items.contains { $0 == a[0] })
        }),
        bif("keyfind", 3, { _, a in
            guard case .int(let n) = a[1], let items = a[2].listElements else { throw ErlangException.badarg }
            for item in items {
                if case .tuple(let e) = item, n >= 1, n <= e.count, e[n - 1].isEqual(to: a[0]) { return item }
            }
            return .false
        }),
    ]
}
