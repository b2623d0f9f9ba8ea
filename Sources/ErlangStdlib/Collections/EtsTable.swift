import ErlangOTP
import ErlangRuntime
import ErlangTerms
import OrderedCollections

/// One ETS table: its options, its owner and its objects. The objects of
/// a key live together; keys keep the order they were first inserted in
/// (`set`, `bag`, `duplicate_bag`) or Erlang term order (`ordered_set`,
/// whose new keys are inserted in place), so a walk (`first/1`, `next/2`)
/// takes one step per call, not a sort of the keys.
///
/// erl walks a hashed table in the order of its internal hash, which
/// Swerl does not reproduce: `tab2list/1`, `first/1` and `next/2` of a
/// `set` or `bag` give insertion order here.
final class EtsTable: Sendable {
    /// The table type.
    enum Kind: String {
        case set, orderedSet = "ordered_set", bag, duplicateBag = "duplicate_bag"
    }

    /// Who may read and write.
    enum Access: String {
        case `public`, protected, `private`
    }

    /// What `ets:new/2` answers and the table is known by: its name for a
    /// named table, a reference otherwise.
    let id: Term
    let name: Atom
    let kind: Kind
    let keyPosition: Int
    let access: Access
    let owner: Pid
    let isNamed: Bool
    /// Each key's objects, oldest first.
    private let objects = Lock<OrderedDictionary<Term, [Term]>>([:])

    init(id: Term, name: Atom, kind: Kind, keyPosition: Int, access: Access, owner: Pid, isNamed: Bool) {
        self.id = id
        self.name = name
        self.kind = kind
        self.keyPosition = keyPosition
        self.access = access
        self.owner = owner
        self.isNamed = isNamed
    }

    /// Whether `pid` may read (`write == false`) or write the table.
    func allows(_ pid: Pid, write: Bool) -> Bool {
        switch access {
        case .public: return true
        case .protected: return !write || pid == owner
        case .private: return pid == owner
        }
    }

    /// The key of `object`, a tuple at least `keyPosition` long; `nil` otherwise.
    func key(of object: Term) -> Term? {
        guard case .tuple(let elements) = object, elements.count >= keyPosition else { return nil }
        return elements[keyPosition - 1]
    }

    /// Inserts `objects` (already checked to have keys). With `onlyNew`,
    /// inserts nothing unless no key is present yet (`insert_new/2`).
    func insert(_ newObjects: [Term], onlyNew: Bool) -> Bool {
        objects.withLock { table in
            if onlyNew, newObjects.contains(where: { key(of: $0).map { table[$0] != nil } ?? false }) { return false }
            for object in newObjects {
                guard let key = key(of: object) else { continue }
                switch kind {
                case .set:
                    table[key] = [object]
                case .orderedSet:
                    if table[key] != nil {
                        table[key] = [object]
                    } else {
                        let position = Self.firstPosition(in: table.keys) { Term.compare($0, key) >= 0 }
                        table.updateValue([object], forKey: key, insertingAt: position)
                    }
                case .bag:
                    var list = table[key] ?? []
                    if !list.contains(object) { list.append(object) }
                    table[key] = list
                case .duplicateBag:
                    table[key, default: []].append(object)
                }
            }
            return true
        }
    }

    /// The objects with `key`.
    func lookup(_ key: Term) -> [Term] { objects.withLock { $0[key] ?? [] } }

    /// Removes the objects with `key`.
    func delete(key: Term) { objects.withLock { _ = $0.removeValue(forKey: key) } }

    /// Removes `object` (every copy of it).
    func delete(object: Term) {
        guard let key = key(of: object) else { return }
        objects.withLock { table in
            guard var list = table[key] else { return }
            list.removeAll { $0 == object }
            table[key] = list.isEmpty ? nil : list
        }
    }

    /// Removes every object.
    func deleteAll() { objects.withLock { $0.removeAll() } }

    /// Replaces the one object with `key` by what `change` makes of it,
    /// starting from `initial` when there is none (nothing is inserted if
    /// `change` throws); `nil` when there is neither.
    func update(_ key: Term, startingFrom initial: Term? = nil, _ change: (Term) throws -> Term) rethrows -> Term? {
        try objects.withLock { table in
            guard let current = table[key]?.first ?? initial else { return nil }
            let updated = try change(current)
            table[key] = [updated]
            return updated
        }
    }

    /// The number of objects.
    var size: Int { objects.withLock { $0.values.reduce(0) { $0 + $1.count } } }

    /// The first key in walking order (the last, unless `forward`);
    /// `nil` for an empty table.
    func endKey(forward: Bool) -> Term? {
        objects.withLock { forward ? $0.keys.first : $0.keys.last }
    }

    /// The key after `key` in walking order (before it, unless
    /// `forward`); `nil` at the end. In an `ordered_set`, `key` need not
    /// be there (the next key greater, or the previous one smaller, as
    /// erl's); in another table, a `key` that is not there is `badarg`.
    func key(beside key: Term, forward: Bool) throws -> Term? {
        try objects.withLock { table in
            let next: Int
            if kind == .orderedSet {
                next = forward ? Self.firstPosition(in: table.keys) { Term.compare($0, key) > 0 }
                    : Self.firstPosition(in: table.keys) { Term.compare($0, key) >= 0 } - 1
            } else {
                guard let index = table.index(forKey: key) else { throw ErlangException.badarg }
                next = forward ? index + 1 : index - 1
            }
            return table.keys.indices.contains(next) ? table.keys[next] : nil
        }
    }

    /// Every object, in walking order.
    var allObjects: [Term] {
        objects.withLock { $0.values.flatMap { $0 } }
    }

    /// The first position in `keys` (sorted in term order) whose key
    /// `isPast` holds for, `keys.count` if none: a binary search, for a
    /// test that is false up to some key and true from it on.
    private static func firstPosition(in keys: OrderedSet<Term>, where isPast: (Term) -> Bool) -> Int {
        var (low, high) = (0, keys.count)
        while low < high {
            let middle = (low + high) / 2
            if isPast(keys[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

/// The ETS tables of one runtime. A table goes with its owner: one whose
/// owner has exited is gone (found so when it is next looked up).
final class EtsRegistry: Sendable {
    private struct State {
        var tables: [Term: EtsTable] = [:]
        var names: [Atom: Term] = [:]
    }
    private let state = Lock(State())
    private weak let runtime: Runtime?

    private init(runtime: Runtime) { self.runtime = runtime }

    private static let registries = PerRuntime { EtsRegistry(runtime: $0) }

    /// The tables of `runtime`.
    static func of(_ runtime: Runtime) -> EtsRegistry { registries(runtime) }

    /// Adds `table`; `false` when it is named and the name is taken.
    func add(_ table: EtsTable) -> Bool {
        state.withLock { s in
            if table.isNamed {
                if let existing = s.names[table.name], let held = s.tables[existing], isAlive(held) { return false }
                s.names[table.name] = table.id
            }
            s.tables[table.id] = table
            return true
        }
    }

    /// The table `id` (a name or a reference) names, if it still exists.
    func table(_ id: Term) -> EtsTable? {
        state.withLock { s in
            var key = id
            if case .atom(let name) = id {
                guard let tid = s.names[name] else { return nil }
                key = tid
            }
            guard let table = s.tables[key] else { return nil }
            guard isAlive(table) else {
                remove(table, from: &s)
                return nil
            }
            return table
        }
    }

    /// Deletes `table`.
    func delete(_ table: EtsTable) { state.withLock { remove(table, from: &$0) } }

    /// The ids of every live table.
    var all: [Term] {
        state.withLock { s in s.tables.values.filter(isAlive).map(\.id) }
    }

    private func remove(_ table: EtsTable, from s: inout State) {
        s.tables[table.id] = nil
        if table.isNamed, s.names[table.name] == table.id { s.names[table.name] = nil }
    }

    private func isAlive(_ table: EtsTable) -> Bool {
        runtime?.process(table.owner) != nil
    }
}
