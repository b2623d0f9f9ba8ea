import ErlangTerms

/// Variable bindings: name to value. A persistent-style value type, so a
/// failed match never leaves half-applied bindings behind.
public struct Bindings: Sendable {
    /// The bound variables.
    public private(set) var values: [String: Term] = [:]

    /// No bindings.
    public init() {}

    /// The value of `name`, if bound.
    public subscript(name: String) -> Term? { values[name] }

    /// Binds `name` (the caller checked it is unbound or equal).
    public mutating func bind(_ name: String, _ value: Term) { values[name] = value }

    /// Removes `name` (`f(X)` in the shell).
    public mutating func remove(_ name: String) { values[name] = nil }

    /// Removes every binding (`f()`).
    public mutating func removeAll() { values = [:] }

    /// The bound names, sorted as `b()` lists them.
    public var sortedNames: [String] { values.keys.sorted() }
}
