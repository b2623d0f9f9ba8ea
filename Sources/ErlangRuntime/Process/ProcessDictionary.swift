import ErlangTerms

/// A process dictionary (`put/2`, `get/1`, `erase/1`) that keeps its keys
/// in insertion order, so `get/0` and `get_keys/0` list them the same way
/// on every run. (erl lists them in its hash table's order; Swift's
/// `Dictionary` order changes from run to run, which would make scripted
/// output nondeterministic.)
public struct ProcessDictionary: Sendable {
    private var positions: [Term: Int] = [:]
    private var storage: [(key: Term, value: Term)] = []

    /// An empty dictionary.
    public init() {}

    /// The number of keys.
    public var count: Int { storage.count }

    /// Whether the dictionary has no keys.
    public var isEmpty: Bool { storage.isEmpty }

    /// The entries, oldest key first.
    public var entries: [(key: Term, value: Term)] { storage }

    /// The value for `key` (`get/1`).
    public subscript(key: Term) -> Term? {
        positions[key].map { storage[$0].value }
    }

    /// Sets `key` to `value` and returns the old value (`put/2`). A key
    /// that is already there keeps its place.
    @discardableResult
    public mutating func put(_ key: Term, _ value: Term) -> Term? {
        if let i = positions[key] {
            let old = storage[i].value
            storage[i].value = value
            return old
        }
        positions[key] = storage.count
        storage.append((key, value))
        return nil
    }

    /// Removes `key` and returns its value (`erase/1`).
    @discardableResult
    public mutating func erase(_ key: Term) -> Term? {
        guard let i = positions.removeValue(forKey: key) else { return nil }
        let old = storage.remove(at: i).value
        for j in i..<storage.count { positions[storage[j].key] = j }
        return old
    }

    /// Removes every key and returns the old entries (`erase/0`).
    public mutating func eraseAll() -> [(key: Term, value: Term)] {
        let old = storage
        storage = []
        positions = [:]
        return old
    }
}
