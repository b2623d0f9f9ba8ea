import ErlangTerms
import HashTreeCollections

/// Variable bindings: name to value.
///
/// Two shapes, one behaviour. A function clause or a fun binds a handful
/// of variables, and every call makes fresh bindings: those live in a
/// small array searched linearly (no hashing, no trie nodes to allocate
/// and free per call). Past `smallLimit` names the bindings move to a
/// persistent map (a hash trie), so copying them (a match's scratch copy,
/// a fun's captured scope, the shell's saved bindings) stays O(1) and
/// binding one more O(log n): the shell stays fast however many variables
/// are bound. Either way a failed match never leaves half-applied
/// bindings behind, because matches bind into a copy.
public struct Bindings: Sendable {
    /// Names kept in the array before the bindings become a trie.
    static let smallLimit = 12
    /// Room made at the first binding (most clauses bind no more).
    static let firstCapacity = 4

    private var small: [(name: String, value: Term)] = []
    private var large: TreeDictionary<String, Term>?

    /// No bindings.
    public init() {}

    /// The value of `name`, if bound.
    public subscript(name: String) -> Term? {
        if let large { return large[name] }
        var index = small.count - 1
        while index >= 0 {
            if small[index].name == name { return small[index].value }
            index -= 1
        }
        return nil
    }

    /// Binds `name` (the caller checked it is unbound or equal).
    public mutating func bind(_ name: String, _ value: Term) {
        if large != nil {
            large?[name] = value
            return
        }
        if let index = small.firstIndex(where: { $0.name == name }) {
            small[index].value = value
            return
        }
        if small.isEmpty {
            // One allocation for the first few names, not a regrowth per name.
            small.reserveCapacity(Bindings.firstCapacity)
        }
        guard small.count < Bindings.smallLimit else {
            var trie = TreeDictionary<String, Term>()
            for entry in small { trie[entry.name] = entry.value }
            trie[name] = value
            large = trie
            small = []
            return
        }
        small.append((name, value))
    }

    /// Removes `name` (`f(X)` in the shell).
    public mutating func remove(_ name: String) {
        if large != nil {
            large?[name] = nil
            return
        }
        small.removeAll { $0.name == name }
    }

    /// Removes every binding (`f()`).
    public mutating func removeAll() {
        small = []
        large = nil
    }

    /// The bound names, sorted as `b()` lists them.
    public var sortedNames: [String] {
        if let large { return large.keys.sorted() }
        return small.map(\.name).sorted()
    }
}
