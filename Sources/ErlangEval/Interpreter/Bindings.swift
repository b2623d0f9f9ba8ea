import ErlangTerms
import ErlangRuntime
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
/// bindings behind, because matches bind into a copy. Names are atoms in
/// both shapes: comparing or hashing one is an integer's work.
public struct Bindings: Sendable {
    /// Names kept in the array before the bindings become a trie.
    static let smallLimit = 12
    /// Room made at the first binding (most clauses bind no more).
    static let firstCapacity = 4

    /// A name and its value. The name is kept as its atom alone: an entry
    /// is then plain data and a term, and copying one retains nothing but
    /// the value (a `String` retained and released on every copy).
    private typealias Entry = BoundName

    private var small: [Entry] = []
    private var large: TreeDictionary<Atom, Term>?

    /// No bindings.
    public init() {}

    /// No bindings, kept in `storage` (empty, with room: a process's
    /// reused storage, `ErlangProcess.takeBindingStorage`).
    init(reusing storage: [BoundName]) {
        small = storage
    }

    /// The storage to give back to the process (`recycleBindingStorage`),
    /// taken out of bindings that are no longer needed; empty when they
    /// grew into a trie.
    mutating func takeStorage() -> [BoundName] {
        var storage: [BoundName] = []
        swap(&storage, &small)
        return storage
    }

    /// The value of `variable`, if bound. Compiled code looks variables up
    /// here: names compare as atom indices, not as strings. The search
    /// reads the entries in place (no entry, name or trie is copied, so
    /// nothing is retained but the value found).
    public subscript(variable: Variable) -> Term? {
        if _slowPath(large != nil) { return large?[variable.atom] }
        return smallValue(variable.atom.index)
    }

    /// The value of the name with atom index `key` among the small entries.
    @inline(__always)
    private func smallValue(_ key: UInt32) -> Term? {
        small.withUnsafeBufferPointer { entries in
            var index = entries.count - 1
            while index >= 0 {
                if entries[index].name.index == key { return entries[index].value }
                index -= 1
            }
            return nil
        }
    }

    /// The value of `name`, if bound (by name, for code that has no `Variable`).
    public subscript(name: String) -> Term? {
        guard let atom = Atom.existing(name) else { return nil }
        if let large { return large[atom] }
        return smallValue(atom.index)
    }

    /// Binds `variable` (the caller checked it is unbound or equal).
    public mutating func bind(_ variable: Variable, _ value: Term) {
        if _slowPath(large != nil) {
            large?[variable.atom] = value
            return
        }
        let key = variable.atom.index
        let existing = small.withUnsafeBufferPointer { entries -> Int? in
            var index = 0
            while index < entries.count {
                if entries[index].name.index == key { return index }
                index += 1
            }
            return nil
        }
        if let existing {
            small[existing].value = value
            return
        }
        if small.isEmpty {
            // One allocation for the first few names, not a regrowth per name.
            small.reserveCapacity(Bindings.firstCapacity)
        }
        guard small.count < Bindings.smallLimit else {
            var trie = TreeDictionary<Atom, Term>()
            for entry in small { trie[entry.name] = entry.value }
            trie[variable.atom] = value
            large = trie
            small = []
            return
        }
        small.append(Entry(name: variable.atom, value: value))
    }

    /// Binds `variable`, which the caller has just found unbound: no
    /// search for an entry to replace (a pattern's fresh variable).
    mutating func bindUnbound(_ variable: Variable, _ value: Term) {
        if _slowPath(large != nil) || small.count >= Bindings.smallLimit {
            bind(variable, value)
            return
        }
        if small.isEmpty { small.reserveCapacity(Bindings.firstCapacity) }
        small.append(Entry(name: variable.atom, value: value))
    }

    /// Binds `name` (the caller checked it is unbound or equal).
    public mutating func bind(_ name: String, _ value: Term) {
        bind(Variable(name), value)
    }

    /// Removes `variable`.
    public mutating func remove(_ variable: Variable) {
        if large != nil {
            large?[variable.atom] = nil
            return
        }
        small.removeAll { $0.name == variable.atom }
    }

    /// Removes `name` (`f(X)` in the shell).
    public mutating func remove(_ name: String) {
        remove(Variable(name))
    }

    /// Removes every binding (`f()`).
    public mutating func removeAll() {
        small = []
        large = nil
    }

    /// The bound names, sorted as `b()` lists them.
    public var sortedNames: [String] {
        if let large { return large.keys.map(\.text).sorted() }
        return small.map(\.name.text).sorted()
    }
}

/// A variable's name, made once when the code that uses it compiles: the
/// atom of its text, so that bindings compare names as one integer, and
/// copying a variable (a pattern's, a closure's) retains nothing. (erl's
/// scanner turns every variable name into an atom, too, so this adds no
/// atom erl would not have.)
public struct Variable: Sendable {
    /// The atom with the name's text.
    let atom: Atom

    /// The variable called `name`.
    public init(_ name: String) {
        atom = Atom(name)
    }

    /// The name as written.
    public var name: String { atom.text }

}
