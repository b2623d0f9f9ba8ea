import ErlangRuntime
import ErlangTerms

/// The `ets` module (`EtsTable`): tables of tuples owned by a process, as
/// OTP 25 has them for `set`, `ordered_set`, `bag` and `duplicate_bag`,
/// `named_table`, `{keypos, N}` and `public`/`protected`/`private`.
/// `new`, `insert`, `insert_new`, `lookup`, `lookup_element`, `member`,
/// `delete`, `delete_object`, `delete_all_objects`, `update_counter`,
/// `update_element`, `tab2list`, `info`, `first`/`next`/`last`, `foldl`,
/// `foldr`, `match`, `match_object`, `whereis` and `all`. A table that
/// does not exist, or that the caller may not use, is `badarg`. Match
/// specifications (`select`) are not there.
enum EtsModule {
    /// The exported functions.
    static let functions: FunctionTable = [
        bif("new", 2, { p, a in try new(p, a[0], a[1]) }),
        bif("insert", 2, { p, a in
            let table = try writable(p, a[0])
            _ = table.insert(try objects(a[1], for: table), onlyNew: false)
            return .true
        }),
        bif("insert_new", 2, { p, a in
            let table = try writable(p, a[0])
            return .bool(table.insert(try objects(a[1], for: table), onlyNew: true))
        }),
        bif("lookup", 2, { p, a in .list(try readable(p, a[0]).lookup(a[1])) }),
        bif("lookup_element", 3, { p, a in
            let table = try readable(p, a[0])
            guard case .int(let position) = a[2], position >= 1 else { throw ErlangException.badarg }
            let values = try table.lookup(a[1]).map { object -> Term in
                guard case .tuple(let e) = object, position <= e.count else { throw ErlangException.badarg }
                return e[position - 1]
            }
            guard !values.isEmpty else { throw ErlangException.badarg }
            return table.kind == .set || table.kind == .orderedSet ? values[0] : .list(values)
        }),
        bif("member", 2, { p, a in .bool(!(try readable(p, a[0]).lookup(a[1]).isEmpty)) }),
        bif("delete", 1, { p, a in
            let table = try readable(p, a[0])
            guard table.owner == p.pid || table.access == .public else { throw ErlangException.badarg }
            EtsRegistry.of(p.runtime).delete(table)
            return .true
        }),
        bif("delete", 2, { p, a in
            try writable(p, a[0]).delete(key: a[1])
            return .true
        }),
        bif("delete_object", 2, { p, a in
            try writable(p, a[0]).delete(object: a[1])
            return .true
        }),
        bif("delete_all_objects", 1, { p, a in
            try writable(p, a[0]).deleteAll()
            return .true
        }),
        bif("update_counter", 3, { p, a in try updateCounter(p, a[0], a[1], a[2], default: nil) }),
        bif("update_counter", 4, { p, a in try updateCounter(p, a[0], a[1], a[2], default: a[3]) }),
        bif("update_element", 3, { p, a in
            let table = try writable(p, a[0])
            guard table.kind == .set || table.kind == .orderedSet else { throw ErlangException.badarg }
            let changes = try elementChanges(a[2], keyPosition: table.keyPosition)
            let updated = try table.update(a[1]) { object in
                guard case .tuple(var e) = object else { throw ErlangException.badarg }
                for (position, value) in changes {
                    guard position <= e.count else { throw ErlangException.badarg }
                    e[position - 1] = value
                }
                return .tuple(e)
            }
            return .bool(updated != nil)
        }),
        bif("tab2list", 1, { p, a in .list(try readable(p, a[0]).allObjects) }),
        bif("info", 1, { p, a in
            guard let table = EtsRegistry.of(p.runtime).table(a[0]) else { return .undefined }
            return .list(infoItems.map { .tuple([.atom(Atom($0)), info(table, $0) ?? .undefined]) })
        }),
        bif("info", 2, { p, a in
            guard let table = EtsRegistry.of(p.runtime).table(a[0]) else { return .undefined }
            guard case .atom(let item) = a[1], let value = info(table, item.text) else { throw ErlangException.badarg }
            return value
        }),
        bif("first", 1, { p, a in try readable(p, a[0]).endKey(forward: true) ?? endOfTable }),
        bif("last", 1, { p, a in try readable(p, a[0]).endKey(forward: false) ?? endOfTable }),
        bif("next", 2, { p, a in try readable(p, a[0]).key(beside: a[1], forward: true) ?? endOfTable }),
        bif("prev", 2, { p, a in try readable(p, a[0]).key(beside: a[1], forward: false) ?? endOfTable }),
        bif("foldl", 3, { p, a in try await fold(p, a[0], a[1], a[2], reversed: false) }),
        bif("foldr", 3, { p, a in try await fold(p, a[0], a[1], a[2], reversed: true) }),
        bif("match_object", 2, { p, a in
            .list(try readable(p, a[0]).allObjects.filter { EtsMatch.bindings(a[1], $0) != nil })
        }),
        bif("match", 2, { p, a in
            .list(try readable(p, a[0]).allObjects.compactMap { object in
                EtsMatch.bindings(a[1], object).map { .list($0.sorted { $0.key < $1.key }.map(\.value)) }
            })
        }),
        bif("whereis", 1, { p, a in
            guard case .atom = a[0], let table = EtsRegistry.of(p.runtime).table(a[0]) else { return .undefined }
            return table.isNamed ? a[0] : table.id
        }),
        bif("all", 0, { p, _ in .list(EtsRegistry.of(p.runtime).all) }),
    ]

    static let endOfTable = Term.atom(Atom("$end_of_table"))

    /// The items `info/1` lists.
    static let infoItems = ["id", "name", "type", "size", "keypos", "owner", "named_table", "protection"]

    /// `ets:new(Name, Options)`.
    private static func new(_ p: ErlangProcess, _ nameTerm: Term, _ options: Term) throws -> Term {
        guard case .atom(let name) = nameTerm, let list = options.listElements else { throw ErlangException.badarg }
        var kind = EtsTable.Kind.set, access = EtsTable.Access.protected, keyPosition = 1, named = false
        for option in list {
            switch option {
            case .atom(let a):
                if let k = EtsTable.Kind(rawValue: a.text) { kind = k }
                else if let acc = EtsTable.Access(rawValue: a.text) { access = acc }
                else if a.text == "named_table" { named = true }
                else if a.text != "compressed" { throw ErlangException.badarg }
            case .tuple(let e) where e.count == 2:
                guard case .atom(let key) = e[0] else { throw ErlangException.badarg }
                if key.text == "keypos" {
                    guard case .int(let n) = e[1], n >= 1 else { throw ErlangException.badarg }
                    keyPosition = n
                } else if !["read_concurrency", "write_concurrency", "decentralized_counters", "heir"].contains(key.text) {
                    throw ErlangException.badarg
                }
            case .tuple(let e) where e.count == 3 && e[0] == .atom(Atom("heir")):
                continue
            default:
                throw ErlangException.badarg
            }
        }
        let id: Term = named ? nameTerm : .ref(p.runtime.makeRef())
        let table = EtsTable(id: id, name: name, kind: kind, keyPosition: keyPosition, access: access,
                             owner: p.pid, isNamed: named)
        guard EtsRegistry.of(p.runtime).add(table) else { throw ErlangException.badarg }
        return id
    }

    /// The table `id` names, if `p` may read it.
    private static func readable(_ p: ErlangProcess, _ id: Term) throws -> EtsTable {
        try usable(p, id, write: false)
    }

    /// The table `id` names, if `p` may write it.
    private static func writable(_ p: ErlangProcess, _ id: Term) throws -> EtsTable {
        try usable(p, id, write: true)
    }

    /// The table `id` names, if `p` may read it (and write it, with `write`).
    private static func usable(_ p: ErlangProcess, _ id: Term, write: Bool) throws -> EtsTable {
        guard let table = EtsRegistry.of(p.runtime).table(id), table.allows(p.pid, write: write) else {
            throw ErlangException.badarg
        }
        return table
    }

    /// The objects `insert` takes: a tuple or a list of tuples, each with a key.
    private static func objects(_ term: Term, for table: EtsTable) throws -> [Term] {
        let list = term.listElements ?? [term]
        guard list.allSatisfy({ table.key(of: $0) != nil }) else { throw ErlangException.badarg }
        return list
    }

    /// `info(Table, Item)`'s value; `nil` for an item it does not know.
    private static func info(_ table: EtsTable, _ item: String) -> Term? {
        switch item {
        case "id": return table.id
        case "name": return .atom(table.name)
        case "type": return .atom(Atom(table.kind.rawValue))
        case "size": return .int(table.size)
        case "keypos": return .int(table.keyPosition)
        case "owner": return .pid(table.owner)
        case "named_table": return .bool(table.isNamed)
        case "protection": return .atom(Atom(table.access.rawValue))
        default: return nil
        }
    }

    /// `foldl/3` or `foldr/3`.
    private static func fold(_ p: ErlangProcess, _ fun: Term, _ initial: Term, _ id: Term,
                             reversed: Bool) async throws -> Term {
        var objects = try readable(p, id).allObjects
        if reversed { objects.reverse() }
        var accumulator = initial
        for object in objects { accumulator = try await p.apply(fun, [object, accumulator]) }
        return accumulator
    }

    /// `update_counter/3,4`: `Incr`, `{Pos, Incr}`, `{Pos, Incr, Threshold,
    /// SetValue}` or a list of those; the new value (a list for a list).
    private static func updateCounter(_ p: ErlangProcess, _ id: Term, _ key: Term, _ operation: Term,
                                      default initial: Term?) throws -> Term {
        let table = try writable(p, id)
        guard table.kind == .set || table.kind == .orderedSet else { throw ErlangException.badarg }
        let operations = try counterOperations(operation, keyPosition: table.keyPosition)
        // The default object stands in for a missing one, with `key` as its key.
        var start: Term?
        if let initial {
            guard case .tuple(var e) = initial, e.count >= table.keyPosition else { throw ErlangException.badarg }
            e[table.keyPosition - 1] = key
            start = .tuple(e)
        }
        var results: [Term] = []
        let updated = try table.update(key, startingFrom: start) { object in
            guard case .tuple(var e) = object else { throw ErlangException.badarg }
            results = []
            for (position, increment, threshold) in operations {
                guard position <= e.count, case .int(let current) = e[position - 1] else { throw ErlangException.badarg }
                var value = current &+ increment
                if let (limit, reset) = threshold {
                    if increment >= 0 && value > limit || increment < 0 && value < limit { value = reset }
                }
                e[position - 1] = .int(value)
                results.append(.int(value))
            }
            return .tuple(e)
        }
        guard updated != nil else { throw ErlangException.badarg }
        if operation.isList { return .list(results) }
        return results.first ?? .nil
    }

    private static func counterOperations(_ term: Term, keyPosition: Int) throws
        -> [(Int, Int, (Int, Int)?)] {
        func one(_ op: Term) throws -> (Int, Int, (Int, Int)?) {
            switch op {
            case .int(let increment): return (keyPosition + 1, increment, nil)
            case .tuple(let e) where e.count == 2:
                guard case .int(let position) = e[0], case .int(let increment) = e[1],
                      position >= 1, position != keyPosition else { throw ErlangException.badarg }
                return (position, increment, nil)
            case .tuple(let e) where e.count == 4:
                guard case .int(let position) = e[0], case .int(let increment) = e[1], case .int(let limit) = e[2],
                      case .int(let reset) = e[3], position >= 1, position != keyPosition else { throw ErlangException.badarg }
                return (position, increment, (limit, reset))
            default:
                throw ErlangException.badarg
            }
        }
        if let list = term.listElements { return try list.map(one) }
        return [try one(term)]
    }

    private static func elementChanges(_ term: Term, keyPosition: Int) throws -> [(Int, Term)] {
        func one(_ change: Term) throws -> (Int, Term) {
            guard case .tuple(let e) = change, e.count == 2, case .int(let position) = e[0],
                  position >= 1, position != keyPosition else { throw ErlangException.badarg }
            return (position, e[1])
        }
        if let list = term.listElements { return try list.map(one) }
        return [try one(term)]
    }
}

/// ETS match patterns: `'_'` matches anything, `'$N'` (N ≥ 0) matches
/// anything and the same value wherever it appears, anything else must be
/// equal, inside tuples and lists.
enum EtsMatch {
    /// The values of the pattern variables, by number, when `object`
    /// matches `pattern`; `nil` when it does not.
    static func bindings(_ pattern: Term, _ object: Term) -> [Int: Term]? {
        var bound: [Int: Term] = [:]
        var pending: [(Term, Term)] = [(pattern, object)]
        while let (p, o) = pending.popLast() {
            if case .atom(let a) = p {
                if a.text == "_" { continue }
                if let n = variableNumber(a.text) {
                    if let earlier = bound[n] {
                        guard earlier == o else { return nil }
                    } else {
                        bound[n] = o
                    }
                    continue
                }
            }
            switch (p, o) {
            case (.tuple(let ps), .tuple(let os)):
                guard ps.count == os.count else { return nil }
                pending.append(contentsOf: zip(ps, os))
            case (.cons(let pc), .cons(let oc)):
                pending.append((pc.head, oc.head))
                pending.append((pc.tail, oc.tail))
            default:
                guard p == o else { return nil }
            }
        }
        return bound
    }

    /// N for an atom `'$N'`.
    private static func variableNumber(_ text: String) -> Int? {
        guard text.hasPrefix("$"), text.count > 1 else { return nil }
        return Int(text.dropFirst())
    }
}
