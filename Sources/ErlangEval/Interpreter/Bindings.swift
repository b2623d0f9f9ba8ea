import ErlangTerms
import HashTreeCollections

/// Variable bindings: name to value. A persistent map (a hash trie), so
/// copying the bindings (a match's scratch copy, a fun's captured scope,
/// the shell's saved bindings) costs O(1) and binding one more variable
/// O(log n): the shell stays fast however many variables are bound, and a
/// failed match never leaves half-applied bindings behind.
public struct Bindings: Sendable {
    /// The bound variables.
    public private(set) var values = TreeDictionary<String, Term>()

    /// No bindings.
    public init() {}

    /// The value of `name`, if bound.
    public subscript(name: String) -> Term? { values[name] }

    /// Binds `name` (the caller checked it is unbound or equal).
    public mutating func bind(_ name: String, _ value: Term) { values[name] = value }

    /// Removes `name` (`f(X)` in the shell).
    public mutating func remove(_ name: String) { values[name] = nil }

    /// Removes every binding (`f()`).
    public mutating func removeAll() { values = TreeDictionary() }

    /// The bound names, sorted as `b()` lists them.
    public var sortedNames: [String] { values.keys.sorted() }
}
