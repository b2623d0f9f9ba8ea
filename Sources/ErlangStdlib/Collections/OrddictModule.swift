import ErlangRuntime
import ErlangTerms

/// The `orddict` module. Mirrors OTP 25's `orddict.erl`: a dictionary is a
/// list of `{Key, Value}` pairs sorted by key, keys compared arithmetically
/// (`1` and `1.0` are the same key), so the printed term is the list
/// itself. Walking stops at the first key not smaller than the one looked
/// for; anything that is not a pair where a pair is needed raises erl's
/// `function_clause` with the rest of the list in the frame.
///
/// `+Higher` holds the functions that take funs (`update`, `fold`, `map`, ...).
enum OrddictModule {
    /// The exported functions.
    static let functions: FunctionTable = basics + higher

    /// `function_clause` in `orddict:function(args...)` at `line` of orddict.erl.
    static func clause(_ function: String, _ args: [Term], _ line: Int) -> ErlangException {
        StdlibError.functionClause("orddict", function, args, line: line)
    }

    /// Where a key stands in a dictionary.
    enum Position {
        /// Found: the pairs before it, its pair's elements, and the list after it.
        case found(before: [Term], key: Term, value: Term, after: Term)
        /// Absent: the pairs before where it would go, and the rest (`[]` or larger keys).
        case absent(before: [Term], rest: Term)
    }

    /// Finds `key` in `dict`. A cell that is not a pair, or an improper
    /// tail, calls `fail` with the list at that point.
    static func locate(_ key: Term, in dict: Term, fail: (Term) -> ErlangException) throws -> Position {
        var before: [Term] = []
        var rest = dict
        while true {
            switch rest {
            case .nil:
                return .absent(before: before, rest: rest)
            case .cons(let cell):
                guard case .tuple(let pair) = cell.head, pair.count == 2 else { throw fail(rest) }
                let order = Term.compare(key, pair[0])
                if order < 0 { return .absent(before: before, rest: rest) }
                if order == 0 { return .found(before: before, key: pair[0], value: pair[1], after: cell.tail) }
                before.append(cell.head)
                rest = cell.tail
            default:
                throw fail(rest)
            }
        }
    }

    /// The pair `{Key, Value}`.
    static func pair(_ key: Term, _ value: Term) -> Term { .tuple([key, value]) }

    /// The pairs of a dictionary, or `nil` when it is not a proper list of pairs.
    static func pairs(_ dict: Term) -> [(key: Term, value: Term)]? {
        guard let items = dict.listElements else { return nil }
        var out: [(key: Term, value: Term)] = []
        out.reserveCapacity(items.count)
        for item in items {
            guard case .tuple(let p) = item, p.count == 2 else { return nil }
            out.append((p[0], p[1]))
        }
        return out
    }

    static let basics: FunctionTable = [
        bif("new", 0, { _, _ in .nil }),
        bif("is_key", 2, { _, a in
            if case .found = try locate(a[0], in: a[1], fail: { clause("is_key", [a[0], $0], 70) }) { return .true }
            return .false
        }),
        bif("to_list", 1, { _, a in a[0] }),
        bif("from_list", 1, { _, a in try fromList(a[0]) }),
        bif("size", 1, { _, a in
            guard let n = a[0].listElements?.count else { throw StdlibError.bif(.atom(.badarg), "erlang", "length", a) }
            return .int(n)
        }),
        bif("is_empty", 1, { _, a in a[0] == .nil ? .true : .false }),
        bif("fetch", 2, { _, a in
            guard case .found(_, _, let value, _) = try locate(a[0], in: a[1], fail: { clause("fetch", [a[0], $0], 80) }) else {
                throw clause("fetch", [a[0], try remainder(a[0], a[1])], 80)
            }
            return value
        }),
        bif("find", 2, { _, a in
            guard case .found(_, _, let value, _) = try locate(a[0], in: a[1], fail: { clause("find", [a[0], $0], 86) }) else {
                return .atom("error")
            }
            return .tuple([.atom("ok"), value])
        }),
        bif("fetch_keys", 1, { _, a in
            guard let all = pairs(a[0]) else { throw clause("fetch_keys", a, 95) }
            return .list(all.map(\.key))
        }),
        bif("erase", 2, { _, a in
            switch try locate(a[0], in: a[1], fail: { clause("erase", [a[0], $0], 104) }) {
            case .found(let before, _, _, let after): return .list(before, tail: after)
            case .absent: return a[1]
            }
        }),
        bif("take", 2, { _, a in
            switch try locate(a[0], in: a[1], fail: { clause("take_1", [a[0], $0, .nil], 117) }) {
            case .found(let before, _, let value, let after): return .tuple([value, .list(before, tail: after)])
            case .absent: return .atom("error")
            }
        }),
        bif("store", 3, { _, a in
            switch try locate(a[0], in: a[2], fail: { clause("store", [a[0], a[1], $0], 130) }) {
            case .found(let before, _, _, let after): return .list(before, tail: .cons(pair(a[0], a[1]), after))
            case .absent(let before, let rest): return .list(before, tail: .cons(pair(a[0], a[1]), rest))
            }
        }),
        bif("append", 3, { _, a in try appended(a, [a[1]], "append", 143) }),
        bif("append_list", 3, { _, a in
            guard let items = a[1].listElements else { throw StdlibError.bif(.atom(.badarg), "erlang", "++", [.nil, a[1]]) }
            return try appended(a, items, "append_list", 157)
        }),
        bif("update_counter", 3, { _, a in
            switch try locate(a[0], in: a[2], fail: { clause("update_counter", [a[0], a[1], $0], 194) }) {
            case .found(let before, _, let value, let after):
                let sum = try calledSync(from: StdlibError.sourceFrame("orddict", "update_counter", .int(3), line: 198)) {
                    try Arithmetic.add(value, a[1])
                }
                return .list(before, tail: .cons(pair(a[0], sum), after))
            case .absent(let before, let rest):
                return .list(before, tail: .cons(pair(a[0], a[1]), rest))
            }
        }),
    ]

    /// The list from the first key not smaller than `key` (erl's frame after a failed `fetch`).
    static func remainder(_ key: Term, _ dict: Term) throws -> Term {
        if case .absent(_, let rest) = try locate(key, in: dict, fail: { _ in clause("fetch", [key, dict], 80) }) { return rest }
        return .nil
    }

    /// `append/3` and `append_list/3`: `items` after the key's old list, or a new list.
    static func appended(_ a: [Term], _ items: [Term], _ name: String, _ line: Int) throws -> Term {
        switch try locate(a[0], in: a[2], fail: { clause(name, [a[0], a[1], $0], line) }) {
        case .found(let before, _, let old, let after):
            let joined = try ListOperators.append(old, .list(items))
            return .list(before, tail: .cons(pair(a[0], joined), after))
        case .absent(let before, let rest):
            return .list(before, tail: .cons(pair(a[0], .list(items)), rest))
        }
    }

    /// `from_list/1`: sorted by key; of pairs with equal keys the last one wins.
    static func fromList(_ list: Term) throws -> Term {
        guard let items = list.listElements else { throw clause("reverse_pairs", [list, .nil], 249) }
        if items.count == 1, case .tuple(let p) = items[0], p.count == 2 { return list }
        var reversed: [(key: Term, item: Term)] = []
        reversed.reserveCapacity(items.count)
        for (offset, item) in items.enumerated() {
            guard case .tuple(let p) = item, p.count == 2 else {
                throw clause("reverse_pairs", [.list(items[offset...]), .list(reversed.reversed().map(\.item))], 249)
            }
            reversed.append((p[0], item))
        }
        reversed.reverse()
        let sorted = MergeSort.sorted(reversed) { Term.compare($0.key, $1.key) <= 0 }
        return .list(ListsModule.unique(sorted) { Term.compare($0.key, $1.key) == 0 }.map(\.item))
    }
}
