import ErlangTerms

/// A process dictionary (`put/2`, `get/1`, `erase/1`) that keeps its keys
/// in insertion order, so `get/0` and `get_keys/0` list them the same way
/// on every run. (erl lists them in its hash table's order; Swift's
/// `Dictionary` order changes from run to run, which would make scripted
/// output nondeterministic.)
///
/// A few keys (proc_lib's `'$ancestors'` and `'$initial_call'` in every
/// server) are found by a linear search, with no hash table to allocate
/// and hash into; past `smallLimit` keys an index by key is kept too.
public struct ProcessDictionary: Sendable {
    private var positions: [Term: Int]?
    private var storage: [(key: Term, value: Term)] = []

    /// Keys searched linearly before the dictionary keeps an index.
    static let smallLimit = 8

    /// An empty dictionary.
    public init() {}

    /// A dictionary holding `entries`, whose keys are distinct, in their
    /// order (a new process's first keys: one allocation, no search).
    public init(distinctEntries entries: [(key: Term, value: Term)]) {
        storage = entries
    }

    /// The number of keys.
    public var count: Int { storage.count }

    /// Whether the dictionary has no keys.
    public var isEmpty: Bool { storage.isEmpty }

    /// The entries, oldest key first.
    public var entries: [(key: Term, value: Term)] { storage }

    /// The value for `key` (`get/1`).
    public subscript(key: Term) -> Term? {
        position(of: key).map { storage[$0].value }
    }

    private func position(of key: Term) -> Int? {
        if let positions { return positions[key] }
        return storage.firstIndex { $0.key == key }
    }

    /// Sets `key` to `value` and returns the old value (`put/2`). A key
    /// that is already there keeps its place.
    @discardableResult
    public mutating func put(_ key: Term, _ value: Term) -> Term? {
        if let i = position(of: key) {
            let old = storage[i].value
            storage[i].value = value
            return old
        }
        // Room for proc_lib's two keys and a few more in one allocation.
        if storage.isEmpty { storage.reserveCapacity(4) }
        storage.append((key, value))
        if positions != nil {
            positions?[key] = storage.count - 1
        } else if storage.count > ProcessDictionary.smallLimit {
            positions = Dictionary(uniqueKeysWithValues: storage.enumerated().map { ($0.element.key, $0.offset) })
        }
        return nil
    }

    /// Removes `key` and returns its value (`erase/1`).
    @discardableResult
    public mutating func erase(_ key: Term) -> Term? {
        guard let i = position(of: key) else { return nil }
        let old = storage.remove(at: i).value
        if positions != nil {
            positions?[key] = nil
            for j in i..<storage.count { positions?[storage[j].key] = j }
        }
        return old
    }

    /// Removes every key and returns the old entries (`erase/0`).
    public mutating func eraseAll() -> [(key: Term, value: Term)] {
        let old = storage
        storage = []
        positions = nil
        return old
    }
}
