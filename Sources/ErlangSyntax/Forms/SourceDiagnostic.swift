/// An error or warning about a source file, printed as `c/1` prints it:
///
/// ```
/// x.erl:5:5: variable 'Y' is unbound
/// %    5|     Y + X.
/// %     |     ^
///
/// ```
///
/// Mirrors the messages of `compile:report_errors/1` and
/// `report_warnings/1` with erl 25's source excerpt.
public struct SourceDiagnostic: Sendable, Equatable {
    /// The file name as erl writes it (`x.erl`, or an include file's name).
    public var file: String
    /// The location.
    public var location: SourceLocation
    /// The message without `Warning: `.
    public var message: String
    /// A warning rather than an error.
    public var isWarning: Bool

    /// A diagnostic.
    public init(file: String, location: SourceLocation, message: String, isWarning: Bool = false) {
        self.file = file
        self.location = location
        self.message = message
        self.isWarning = isWarning
    }

    /// The report: the header line, then the excerpt of the line the
    /// location is on and a blank line, when `sourceLines` has that line.
    public func rendered(sourceLines: [Substring]) -> String {
        var text = "\(file):\(location.line):\(location.column): " + (isWarning ? "Warning: " : "") + message + "\n"
        let index = location.line - 1
        guard index >= 0, index < sourceLines.count else { return text }
        let number = String(location.line)
        let pad = String(repeating: " ", count: max(0, 5 - number.count))
        text += "%" + pad + number + "| " + sourceLines[index] + "\n"
        text += "%     | " + String(repeating: " ", count: max(0, location.column - 1)) + "^\n\n"
        return text
    }

    /// Sorts diagnostics as erl reports them: by file, then location.
    public static func sorted(_ list: [SourceDiagnostic]) -> [SourceDiagnostic] {
        list.enumerated().sorted { a, b in
            let (x, y) = (a.element.location, b.element.location)
            if x.line != y.line { return x.line < y.line }
            if x.column != y.column { return x.column < y.column }
            return a.offset < b.offset
        }.map(\.element)
    }
}
