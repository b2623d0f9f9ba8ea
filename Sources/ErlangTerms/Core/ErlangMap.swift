import HashTreeCollections

/// An Erlang map: a persistent hash tree, so `M#{K => V}` shares structure
/// with `M` and costs O(log n), whatever the map's size.
///
/// Keys match by exact equality (`=:=`), as Erlang's maps do: `1` and `1.0`
/// are different keys. Iteration for printing and `maps:to_list/1` uses
/// `sortedPairs`, which is in term order (erl's order for maps of up to 32
/// keys, and a deterministic one beyond).
public final class ErlangMap: Sendable {
    /// The entries.
    public let storage: TreeDictionary<Term, Term>

    /// A map holding `storage`.
    public init(_ storage: TreeDictionary<Term, Term> = [:]) { self.storage = storage }

    /// The empty map.
    public static let empty = ErlangMap()

    /// The number of entries.
    public var count: Int { storage.count }

    /// The value stored under `key`, if any.
    public subscript(key: Term) -> Term? { storage[key] }

    /// A copy with `key` set to `value`.
    public func updating(_ key: Term, to value: Term) -> ErlangMap {
        var copy = storage
        copy[key] = value
        return ErlangMap(copy)
    }

    /// A copy without `key`.
    public func removing(_ key: Term) -> ErlangMap {
        var copy = storage
        copy[key] = nil
        return ErlangMap(copy)
    }

    /// The entries sorted by key in term order.
    public var sortedPairs: [(key: Term, value: Term)] {
        storage.map { ($0.key, $0.value) }.sorted { Term.compare($0.key, $1.key, exact: true) < 0 }
    }

    /// The keys sorted in term order.
    public var sortedKeys: [Term] { sortedPairs.map(\.key) }
}

extension Term {
    /// A map term from key-value pairs; later pairs override earlier ones.
    public static func map(_ pairs: [(Term, Term)]) -> Term {
        var storage = TreeDictionary<Term, Term>()
        for (key, value) in pairs { storage[key] = value }
        return .map(ErlangMap(storage))
    }
}
