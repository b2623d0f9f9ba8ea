import ErlangSyntax
import ErlangTerms

/// Errors the evaluator reports before running anything, printed by the
/// shell as `* 1:1: variable 'X' is unbound`.
public struct EvalDiagnostic: Error, Sendable {
    /// The location.
    public let location: SourceLocation
    /// erl's message.
    public let message: String
    /// A diagnostic.
    public init(_ message: String, at location: SourceLocation) {
        self.message = message
        self.location = location
    }
}
