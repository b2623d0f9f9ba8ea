import ErlangRuntime
import ErlangTerms

/// The `maps` module. Mirrors OTP 25's `maps.erl` and its BIFs: a non-map
/// is `{badmap, X}`, a missing key `{badkey, K}`, with the frame erl shows
/// (`maps:get/2` is a BIF; `maps:get/3` raises through `error_with_info`
/// at maps.erl line 581, and a bad fun through `badarg_with_info`, line 578).
///
/// Maps iterate in term order of their keys (erl's order for maps of up to
/// 32 keys). Iterators have erl's shape: `maps:iterator/1` gives
/// `[0 | Map]`, and `maps:next/1` gives `{K, V, Next}` chains ending in `none`.
///
/// Split: this file holds the table and the functions without funs;
/// `MapsModule+HigherOrder` the ones that take a fun and the iterators.
enum MapsModule {
    /// The exported functions.
    static let functions: FunctionTable = basics + higherOrder

    /// An error raised by `erlang:error(Reason, Args, [{error_info, ...}])` in `maps:function`.
    static func withInfo(_ reason: Term, _ function: String, _ args: [Term], line: Int = 581) -> ErlangException {
        ErlangException(.error, reason, stacktrace: [StdlibError.sourceFrame("maps", function, .list(args), line: line)])
    }

    /// `badarg_with_info(Args)` in `maps:function`.
    static func badargWithInfo(_ function: String, _ args: [Term]) -> ErlangException {
        withInfo(.atom(.badarg), function, args, line: 578)
    }

    /// `{badmap, Term}` raised by a BIF (`apply` adds the frame).
    static func badmap(_ term: Term) -> ErlangException { .error(StdlibError.badmap(term)) }

    /// The map, or `{badmap, Term}` raised by a BIF.
    static func map(_ term: Term) throws -> ErlangMap {
        guard case .map(let m) = term else { throw badmap(term) }
        return m
    }

    static let basics: FunctionTable = [
        bif("get", 2, { _, a in
            let m = try map(a[1])
            guard let v = m[a[0]] else { throw ErlangException.error(StdlibError.badkey(a[0])) }
            return v
        }),
        bif("get", 3, { _, a in
            guard case .map(let m) = a[1] else { throw withInfo(StdlibError.badmap(a[1]), "get", a) }
            return m[a[0]] ?? a[2]
        }),
        bif("find", 2, { _, a in
            let m = try map(a[1])
            guard let v = m[a[0]] else { return .atom(.error) }
            return .tuple([.ok, v])
        }),
        bif("put", 3, { _, a in .map(try map(a[2]).updating(a[0], to: a[1])) }),
        bif("remove", 2, { _, a in
            let m = try map(a[1])
            return m[a[0]] == nil ? a[1] : .map(m.removing(a[0]))
        }),
        bif("update", 3, { _, a in
            let m = try map(a[2])
            guard m[a[0]] != nil else { throw ErlangException.error(StdlibError.badkey(a[0])) }
            return .map(m.updating(a[0], to: a[1]))
        }),
        bif("take", 2, { _, a in
            let m = try map(a[1])
            guard let v = m[a[0]] else { return .atom(.error) }
            return .tuple([v, .map(m.removing(a[0]))])
        }),
        bif("is_key", 2, { _, a in .bool(try map(a[1])[a[0]] != nil) }),
        bif("keys", 1, { _, a in .list(try map(a[0]).sortedKeys) }),
        bif("values", 1, { _, a in .list(try map(a[0]).sortedPairs.map(\.value)) }),
        bif("to_list", 1, { _, a in
            guard case .map(let m) = a[0] else { throw withInfo(StdlibError.badmap(a[0]), "to_list", a) }
            return .list(m.sortedPairs.map { Term.tuple([$0.key, $0.value]) })
        }),
        bif("from_list", 1, { _, a in
            guard let items = a[0].listElements else { throw ErlangException.badarg }
            var pairs: [(Term, Term)] = []
            for item in items {
                guard case .tuple(let e) = item, e.count == 2 else { throw ErlangException.badarg }
                pairs.append((e[0], e[1]))
            }
            return .map(pairs)
        }),
        bif("from_keys", 2, { _, a in
            guard let keys = a[0].listElements else { throw ErlangException.badarg }
            return .map(keys.map { ($0, a[1]) })
        }),
        bif("size", 1, { _, a in
            guard case .map(let m) = a[0] else { throw withInfo(StdlibError.badmap(a[0]), "size", a) }
            return .int(m.count)
        }),
        bif("new", 0, { _, _ in .map(.empty) }),
        bif("merge", 2, { _, a in
            let (m1, m2) = (try map(a[0]), try map(a[1]))
            var storage = m1.storage
            for (k, v) in m2.storage { storage[k] = v }
            return .map(ErlangMap(storage))
        }),
        bif("with", 2, { _, a in
            guard case .map(let m) = a[1] else { throw withInfo(StdlibError.badmap(a[1]), "with", a) }
            guard let keys = a[0].listElements else { throw withInfo(.atom(.badarg), "with", a) }
            return .map(keys.compactMap { k in m[k].map { (k, $0) } })
        }),
        bif("without", 2, { _, a in
            guard case .map(let m) = a[1] else { throw withInfo(StdlibError.badmap(a[1]), "without", a) }
            guard let keys = a[0].listElements else { throw withInfo(.atom(.badarg), "without", a) }
            var storage = m.storage
            for k in keys { storage[k] = nil }
            return .map(ErlangMap(storage))
        }),
        bif("intersect", 2, { _, a in
            guard case .map(let m1) = a[0] else { throw withInfo(StdlibError.badmap(a[0]), "intersect", a) }
            guard case .map(let m2) = a[1] else { throw withInfo(StdlibError.badmap(a[1]), "intersect", a) }
            return .map(m1.sortedKeys.compactMap { k in m2[k].map { (k, $0) } })
        }),
    ]
}
