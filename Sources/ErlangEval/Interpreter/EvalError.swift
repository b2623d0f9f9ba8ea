import ErlangSyntax
import ErlangTerms

/// Errors the evaluator reports before running anything, printed by the
/// shell as `* 1:1: variable 'X' is unbound`.
public struct EvalDiagnostic: Error, Sendable {
    /// The location.
    public let location: SourceLocation
    /// erl's message.
    public let message: String
    /// What the diagnostic is about, when the syntax tree keeps no
    /// location for it (a literal argument, a record name): whoever has
    /// the tokens (the shell) finds it there, else uses `location`.
    public let anchor: Anchor?

    /// Something in the source a diagnostic belongs at.
    public enum Anchor: Sendable, Equatable {
        /// The (1-based) argument of the call at `location`.
        case argument(Int)
        /// The first `#Name`.
        case record(String)
        /// Field `field` after the first `#record`.
        case field(record: String, field: String)
    }

    /// A diagnostic at `location`, or at its call's `argument`.
    public init(_ message: String, at location: SourceLocation, argument: Int? = nil) {
        self.message = message
        self.location = location
        self.anchor = argument.map { .argument($0) }
    }

    /// A diagnostic at `anchor`.
    init(_ message: String, anchor: Anchor) {
        self.message = message
        self.location = SourceLocation(line: 1, column: 1)
        self.anchor = anchor
    }

    /// `record R undefined`, at the first `#R`.
    static func undefinedRecord(_ name: String) -> EvalDiagnostic {
        EvalDiagnostic("record \(name) undefined", anchor: .record(name))
    }

    /// `field F undefined in record R`, at `F` after the first `#R`.
    static func undefinedField(_ field: String, record: String) -> EvalDiagnostic {
        EvalDiagnostic("field \(field) undefined in record \(record)", anchor: .field(record: record, field: field))
    }
}
