import ErlangSyntax
import ErlangTerms

/// Record definitions known to an evaluation: the shell's `rd/2`/`rr/1`
/// records, or a module's `-record` attributes. Mirrors the shell's record table.
public final class RecordTable: Sendable {
    /// One record: its field names, each field's default expression and type.
    public struct Definition: Sendable {
        /// The field names, in order.
        public let fields: [String]
        /// The default of each field (`nil`: `undefined`).
        public let defaults: [Expr?]
        /// The `:: Type` of each field as text (`nil`: none; empty for
        /// records defined with `rd/2`, which takes no types).
        public let types: [String?]
    }

    private let definitions = Lock<[String: Definition]>([:])

    /// An empty table.
    public init() {}

    /// Defines (or redefines) record `name` with `fields`, every default `undefined`.
    public func define(_ name: String, fields: [String]) {
        define(name, fields: fields, defaults: Array(repeating: nil, count: fields.count))
    }

    /// Defines (or redefines) record `name` with `fields` and their
    /// `defaults` (and `types`, when the definition gave them).
    public func define(_ name: String, fields: [String], defaults: [Expr?], types: [String?] = []) {
        definitions.withLock { $0[name] = Definition(fields: fields, defaults: defaults, types: types) }
    }

    /// Defines (or redefines) the record of a `-record` attribute (`rr/1`).
    public func define(_ record: RecordDefinition) {
        define(record.name, fields: record.fields.map(\.name), defaults: record.fields.map(\.defaultValue),
               types: record.fields.map(\.type))
    }

    /// The field names of record `name`, if defined.
    public func fields(of name: String) -> [String]? {
        definitions.withLock { $0[name]?.fields }
    }

    /// The definition of record `name`, if defined.
    public func definition(of name: String) -> Definition? {
        definitions.withLock { $0[name] }
    }

    /// The defined record names, sorted (`rl/0`).
    public var names: [String] { definitions.withLock { $0.keys.sorted() } }

    /// Forgets record `name` (`rf/1`).
    public func remove(_ name: String) { _ = definitions.withLock { $0.removeValue(forKey: name) } }

    /// Forgets every record (`rf/0`).
    public func removeAll() { definitions.withLock { $0.removeAll() } }
}
