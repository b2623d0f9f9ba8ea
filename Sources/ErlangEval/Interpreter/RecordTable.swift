import ErlangSyntax
import Synchronization

/// Record definitions known to an evaluation: the shell's `rd/2`/`rr/1`
/// records, or a module's `-record` attributes. Mirrors the shell's record table.
public final class RecordTable: Sendable {
    private let definitions = Mutex<[String: [String]]>([:])
    private let defaults = Mutex<[String: [Expr?]]>([:])

    /// An empty table.
    public init() {}

    /// Defines (or redefines) record `name` with `fields`.
    public func define(_ name: String, fields: [String]) {
        definitions.withLock { $0[name] = fields }
    }

    /// Defines record `name` with `fields` and their default values (`-record`).
    public func define(_ name: String, fields: [String], defaults values: [Expr?]) {
        definitions.withLock { $0[name] = fields }
        defaults.withLock { $0[name] = values }
    }

    /// The default value expressions of record `name`'s fields, if any.
    public func defaults(of name: String) -> [Expr?]? {
        defaults.withLock { $0[name] }
    }

    /// The field names of record `name`, if defined.
    public func fields(of name: String) -> [String]? {
        definitions.withLock { $0[name] }
    }
}
