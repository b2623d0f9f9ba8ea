/// A syntax or scanning error with its location, printed as erl prints it:
/// `* 1:5: syntax error before: bar` in the shell, `file.erl:12:5: ...` for c/1.
public struct Diagnostic: Error, Sendable, Equatable {
    /// Where the error is.
    public let location: SourceLocation
    /// erl's message text, e.g. `syntax error before: '.'`.
    public let message: String

    /// A diagnostic at `location`.
    public init(_ message: String, at location: SourceLocation) {
        self.message = message
        self.location = location
    }

    /// The shell's rendering: `* L:C: message`.
    public var shellText: String { "* \(location.line):\(location.column): \(message)" }
}
