import ErlangRuntime
import ErlangTerms

/// The `proplists` module. Mirrors OTP 25's `proplists.erl`: an entry is
/// an atom `a` (short for `{a, true}`) or a tuple whose first element is
/// the key; keys match exactly (`=:=`); anything else is skipped. A list
/// that is not proper raises `function_clause` where erl's recursion meets
/// the bad tail.
///
/// Known difference: `get_keys/1` returns the keys in term order (erl's
/// order comes from the hash layout of its `sets`).
enum ProplistsModule {
    /// The exported functions.
    static let functions: FunctionTable = lookups + transforms

    /// `function_clause` in `proplists:function(args...)` at `line`.
    static func clause(_ function: String, _ args: [Term], _ line: Int) -> ErlangException {
        StdlibError.functionClause("proplists", function, args, line: line)
    }

    /// The key of a property: the atom itself, or a tuple's first element.
    static func key(of entry: Term) -> Term? {
        switch entry {
        case .atom: return entry
        case .tuple(let e): return e.first
        case .int, .bigInt, .float, .nil, .cons, .map, .binary, .pid, .ref, .fun: return nil
        }
    }

    /// Whether `entry` is the property `key` (`is_atom(P), P =:= Key` or `element(1, P) =:= Key`).
    static func isProperty(_ entry: Term, _ key: Term) -> Bool {
        switch entry {
        case .atom: return entry == key
        case .tuple(let e): return e.first.map { $0 == key } ?? false
        case .int, .bigInt, .float, .nil, .cons, .map, .binary, .pid, .ref, .fun: return false
        }
    }

    /// Walks `list` in order; `visit` returns a result to stop early. A bad
    /// tail raises `function_clause` in `name` with `args(tail)`.
    static func walk(_ list: Term, _ name: String, _ line: Int, args: (Term) -> [Term],
                     _ visit: (Term) throws -> Term?) throws -> Term? {
        var rest = list
        while case .cons(let cell) = rest {
            if let result = try visit(cell.head) { return result }
            rest = cell.tail
        }
        guard case .nil = rest else { throw clause(name, args(rest), line) }
        return nil
    }

    static let lookups: FunctionTable = [
        bif("get_value", 2, { _, a in try getValue(a[0], a[1], .undefined) }),
        bif("get_value", 3, { _, a in try getValue(a[0], a[1], a[2]) }),
        bif("lookup", 2, { _, a in
            try walk(a[1], "lookup", 134, args: { [a[0], $0] }) { entry in
                guard isProperty(entry, a[0]) else { return nil }
                return entry.atomValue != nil ? .tuple([a[0], .true]) : entry
            } ?? .atom("none")
        }),
        bif("lookup_all", 2, { _, a in
            var out: [Term] = []
            _ = try walk(a[1], "lookup_all", 156, args: { [a[0], $0] }) { entry in
                if isProperty(entry, a[0]) { out.append(entry.atomValue != nil ? .tuple([a[0], .true]) : entry) }
                return nil
            }
            return .list(out)
        }),
        bif("is_defined", 2, { _, a in
            try walk(a[1], "is_defined", 178, args: { [a[0], $0] }) { isProperty($0, a[0]) ? .true : nil } ?? .false
        }),
        bif("get_bool", 2, { _, a in
            try walk(a[1], "get_bool", 307, args: { [a[0], $0] }) { entry in
                guard isProperty(entry, a[0]) else { return nil }
                if entry.atomValue != nil { return .true }
                if case .tuple(let e) = entry, e.count == 2, e[1] == .true { return .true }
                return .false
            } ?? .false
        }),
        bif("get_all_values", 2, { _, a in
            var out: [Term] = []
            _ = try walk(a[1], "get_all_values", 244, args: { [a[0], $0] }) { entry in
                guard isProperty(entry, a[0]) else { return nil }
                if entry.atomValue != nil { out.append(.true) }
                if case .tuple(let e) = entry, e.count == 2 { out.append(e[1]) }
                return nil
            }
            return .list(out)
        }),
        bif("append_values", 2, { _, a in
            var pieces: [Term] = []
            _ = try walk(a[1], "append_values", 274, args: { [a[0], $0] }) { entry in
                guard isProperty(entry, a[0]) else { return nil }
                if entry.atomValue != nil { pieces.append(.list([.true])) }
                if case .tuple(let e) = entry, e.count == 2 { pieces.append(e[1].isList ? e[1] : .list([e[1]])) }
                return nil
            }
            var result = Term.nil
            for piece in pieces.reversed() { result = try ListOperators.append(piece, result) }
            return result
        }),
        bif("get_keys", 1, { _, a in
            var keys = Set<Term>()
            _ = try walk(a[0], "get_keys", 336, args: { [$0, .list(keys.sorted { Term.compare($0, $1) < 0 })] }) { entry in
                if let k = key(of: entry) { keys.insert(k) }
                return nil
            }
            return .list(keys.sorted { Term.compare($0, $1) < 0 })
        }),
        bif("delete", 2, { _, a in
            var out: [Term] = []
            _ = try walk(a[1], "delete", 357, args: { [a[0], $0] }) { entry in
                if !isProperty(entry, a[0]) { out.append(entry) }
                return nil
            }
            return .list(out)
        }),
        bif("split", 2, { _, a in
            guard let keys = a[1].listElements else { throw clause("split", a, 645) }
            var store: [Term: [Term]] = [:]
            for k in keys { store[k] = [] }
            var rest: [Term] = []
            _ = try walk(a[0], "split", 650, args: { [$0, .map(store.map { ($0.key, Term.list($0.value.reversed())) }), .list(rest.reversed())] }) { entry in
                if let k = key(of: entry), store[k] != nil {
                    store[k, default: []].append(entry)
                } else {
                    rest.append(entry)
                }
                return nil
            }
            return .tuple([.list(keys.map { .list(store[$0] ?? []) }), .list(rest)])
        }),
    ]

    /// `get_value/3`: the first property decides (`{a}` or `{a, 1, 2}` give the default).
    static func getValue(_ key: Term, _ list: Term, _ defaultValue: Term) throws -> Term {
        try walk(list, "get_value", 216, args: { [key, $0, defaultValue] }) { entry in
            guard isProperty(entry, key) else { return nil }
            if entry.atomValue != nil { return .true }
            if case .tuple(let e) = entry, e.count == 2 { return e[1] }
            return defaultValue
        } ?? defaultValue
    }
}
