import ErlangTerms

/// The process dictionary. Only the process itself changes it; other
/// processes read it through `process_info(P, dictionary)`, which is why it
/// sits behind the process's lock.
extension ErlangProcess {
    /// The process dictionary as a Swift dictionary (unordered). Use
    /// `dictionaryEntries` for erl's listing and `put`/`get`/`erase` to change it.
    public var dictionary: [Term: Term] {
        get {
            shared.withLock { s in
                Dictionary(s.dictionary.entries.map { ($0.key, $0.value) }, uniquingKeysWith: { _, new in new })
            }
        }
        set {
            shared.withLock { s in
                var d = ProcessDictionary()
                for (k, v) in newValue { d.put(k, v) }
                s.dictionary = d
            }
        }
    }

    /// The entries, oldest key first (`get/0`).
    public var dictionaryEntries: [(key: Term, value: Term)] { shared.withLock { $0.dictionary.entries } }

    /// Gives a process that has not run yet its first keys, which must be
    /// distinct (proc_lib's `'$initial_call'` and `'$ancestors'`), in one
    /// step: one lock, one allocation.
    public func startDictionary(with entries: [(key: Term, value: Term)]) {
        shared.withLock { $0.dictionary = ProcessDictionary(distinctEntries: entries) }
    }

    /// Sets `key` to `value`; returns the old value (`put/2`).
    @discardableResult
    public func put(_ key: Term, _ value: Term) -> Term? {
        shared.withLock { $0.dictionary.put(key, value) }
    }

    /// The value of `key` (`get/1`).
    public func get(_ key: Term) -> Term? {
        shared.withLock { $0.dictionary[key] }
    }

    /// Removes `key`; returns its old value (`erase/1`).
    @discardableResult
    public func erase(_ key: Term) -> Term? {
        shared.withLock { $0.dictionary.erase(key) }
    }

    /// Removes every key; returns the old entries (`erase/0`).
    public func eraseDictionary() -> [(key: Term, value: Term)] {
        shared.withLock { $0.dictionary.eraseAll() }
    }
}
