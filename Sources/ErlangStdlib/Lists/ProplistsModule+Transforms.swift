import ErlangRuntime
import ErlangTerms

/// The `proplists` functions that rewrite a whole list: `property`,
/// `unfold`, `compact`, `substitute_aliases`, `substitute_negations`,
/// `expand`, `normalize`, `to_map`, `from_map`.
extension ProplistsModule {
    static let transforms: FunctionTable = [
        bif("property", 1, { _, a in property(a[0]) }),
        bif("property", 2, { _, a in property(a[0], a[1]) }),
        bif("unfold", 1, { _, a in
            var out: [Term] = []
            _ = try walk(a[0], "unfold", 96, args: { [$0] }) { entry in
                out.append(entry.atomValue != nil ? .tuple([entry, .true]) : entry)
                return nil
            }
            return .list(out)
        }),
        bif("compact", 1, { _, a in .list(try comprehension(a[0], "-compact/1-lc$^0/1-0-", 1, 116).map(property)) }),
        bif("from_map", 1, { _, a in
            guard case .map(let m) = a[0] else {
                throw ErlangException(.error, StdlibError.badmap(a[0]),
                                      stacktrace: [StdlibError.sourceFrame("maps", "to_list", .list(a), line: 581)])
            }
            return .list(m.sortedPairs.map { Term.tuple([$0.key, $0.value]) })
        }),
        bif("to_map", 1, { _, a in try toMap(a[0]) }),
        bif("to_map", 2, { _, a in try toMap(try applyStages(a[0], a[1])) }),
        bif("substitute_aliases", 2, { _, a in try substituteAliases(a[0], a[1]) }),
        bif("substitute_negations", 2, { _, a in try substituteNegations(a[0], a[1]) }),
        bif("expand", 2, { _, a in try expand(a[0], a[1]) }),
        bif("normalize", 2, { _, a in .list(try applyStages(a[0], a[1]).listElements?.map(property) ?? []) }),
    ]

    /// `property/1`: `{Key, true}` with an atom key becomes `Key`.
    static func property(_ p: Term) -> Term {
        if case .tuple(let e) = p, e.count == 2, e[0].atomValue != nil, e[1] == .true { return e[0] }
        return p
    }

    /// `property/2`.
    static func property(_ key: Term, _ value: Term) -> Term {
        if key.atomValue != nil, value == .true { return key }
        return .tuple([key, value])
    }

    /// The elements a list comprehension generator `P <- List` visits, or its `bad_generator`.
    static func comprehension(_ list: Term, _ function: String, _ arity: Int, _ line: Int) throws -> [Term] {
        let (items, tail) = list.listPrefixAndTail
        guard case .nil = tail else {
            throw StdlibError.raised(.tuple([.atom("bad_generator"), tail]), in: "proplists", function, arity: arity, line: line)
        }
        return items
    }

    /// The `{Key, Key1}` pairs of an alias or negation list, checked as erl checks them.
    private static func pairs(_ list: Term, _ function: String, _ line: Int, entry: Term) throws -> [(Term, Term)] {
        var out: [(Term, Term)] = []
        var rest = list
        while case .cons(let cell) = rest {
            guard case .tuple(let e) = cell.head, e.count == 2 else { throw clause(function, [rest, entry], line) }
            out.append((e[0], e[1]))
            rest = cell.tail
        }
        guard case .nil = rest else { throw clause(function, [rest, entry], line) }
        return out
    }

    static func substituteAliases(_ aliases: Term, _ props: Term) throws -> Term {
        let items = try comprehension(props, "-substitute_aliases/2-lc$^0/1-0-", 2, 393)
        return .list(try items.map { p in
            for (key, key1) in try pairs(aliases, "substitute_aliases_1", 395, entry: p) where isProperty(p, key) {
                if p.atomValue != nil { return property(key1, .true) }
                if case .tuple(var e) = p {
                    e[0] = key1
                    return property(.tuple(e))
                }
            }
            return p
        })
    }

    static func substituteNegations(_ negations: Term, _ props: Term) throws -> Term {
        let items = try comprehension(props, "-substitute_negations/2-lc$^0/1-0-", 2, 437)
        return .list(try items.map { p in
            for (key, key1) in try pairs(negations, "substitute_negations_1", 439, entry: p) where isProperty(p, key) {
                if p.atomValue != nil { return property(key1, .false) }
                if case .tuple(let e) = p, e.count == 2, e[1] == .true { return property(key1, .false) }
                if case .tuple(let e) = p, e.count == 2, e[1] == .false { return property(key1, .true) }
                return property(key1, .true)
            }
            return p
        })
    }

    /// `expand/2`: each expansion `{P, L}` replaces the first entry matching
    /// `P` (removing later ones with the same key) by the elements of `L`.
    static func expand(_ expansions: Term, _ props: Term) throws -> Term {
        guard props.isList, let entries = props.listElements else { throw clause("expand", [expansions, props], 502) }
        var es: [(Term, Term)] = []
        for e in try comprehension(expansions, "-expand/2-lc$^0/1-0-", 1, 503) {
            if case .tuple(let pair) = e, pair.count == 2 { es.append((property(pair[0]), pair[1])) }
        }
        // key_uniq: drop an expansion whose key repeats the one kept before it.
        var unique: [(Term, Term)] = []
        for (k, v) in es where unique.last.map({ $0.0 != k }) ?? true { unique.append((k, v)) }
        // Entries are terms, or inserted expansions (kept apart so they are never matched).
        enum Entry { case term(Term), inserted(Term) }
        var list: [Entry] = entries.map { .term($0) }
        for (p1, l) in unique {
            guard let key = key(of: p1) else { continue }
            guard let i = list.firstIndex(where: { if case .term(let t) = $0 { return isProperty(t, key) } else { return false } }),
                  case .term(let found) = list[i] else { continue }
            let existing = found.atomValue != nil ? found : property(found)
            guard existing == p1 else {
                list[i] = .term(existing)
                continue
            }
            var rebuilt = Array(list[..<i]) + [.inserted(l)]
            for entry in list[(i + 1)...] {
                if case .term(let t) = entry, isProperty(t, key) { continue }
                rebuilt.append(entry)
            }
            list = rebuilt
        }
        // proplists:flatten/1: one level, so a list entry is spliced in.
        var pieces: [Term] = []
        for entry in list {
            switch entry {
            case .term(let t), .inserted(let t): pieces.append(t.isList ? t : .list([t]))
            }
        }
        var result = Term.nil
        for piece in pieces.reversed() { result = try ListOperators.append(piece, result) }
        return result
    }

    /// `apply_stages/2` of `normalize/2` and `to_map/2`.
    static func applyStages(_ list: Term, _ stages: Term) throws -> Term {
        var current = list
        var rest = stages
        while case .cons(let cell) = rest {
            guard case .tuple(let e) = cell.head, e.count == 2, case .atom(let kind) = e[0] else {
                throw clause("apply_stages", [current, rest], 614)
            }
            switch kind.text {
            case "aliases": current = try substituteAliases(e[1], current)
            case "negations": current = try substituteNegations(e[1], current)
            case "expand": current = try expand(e[1], current)
            default: throw clause("apply_stages", [current, rest], 614)
            }
            rest = cell.tail
        }
        guard case .nil = rest else { throw clause("apply_stages", [current, rest], 614) }
        return current
    }

    /// `to_map/1`: earlier entries win; `{K}` removes `K` from what follows it.
    static func toMap(_ list: Term) throws -> Term {
        let (items, tail) = list.listPrefixAndTail
        guard case .nil = tail else {
            throw StdlibError.functionClause("lists", "foldr_1", [.atom("fun"), .map(.empty), tail], line: 1371)
        }
        var storage = ErlangMap.empty.storage
        for item in items.reversed() {
            switch item {
            case .tuple(let e) where e.count == 2: storage[e[0]] = e[1]
            case .tuple(let e) where e.count >= 1: storage[e[0]] = nil
            case .atom: storage[item] = .true
            default: break
            }
        }
        return .map(ErlangMap(storage))
    }
}
