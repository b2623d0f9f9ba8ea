/// A source of shell input lines. The shell asks for one line at a time,
/// handing over the prompt to show; `nil` means end of input.
public protocol LineReader: AnyObject, Sendable {
    /// Shows `prompt` (when the reader shows prompts) and reads one line,
    /// without its line terminator; `nil` at end of input.
    func readLine(prompt: String) -> String?

    /// Records a complete expression (possibly several lines) in the history.
    func addHistory(_ entry: String)

    /// Whether the reader is an interactive terminal (editing, completion).
    var isInteractive: Bool { get }

    /// `readLine(prompt:)` when it can answer without blocking (a line is
    /// already buffered, or the input has ended): `.some(line)`, or
    /// `.some(nil)` at end of input. `nil`, with nothing shown, when it
    /// would have to wait for input.
    func readLineIfReady(prompt: String) -> String??
}

extension LineReader {
    /// Never ready without blocking: the shell calls `readLine(prompt:)`.
    public func readLineIfReady(prompt: String) -> String?? { nil }
}

/// What a completer returns for the text before the cursor.
public struct Completion: Sendable, Equatable {
    /// The text to insert at the cursor (may be empty).
    public var insertion: String
    /// Candidates to list when the completion is ambiguous (as erl shows them).
    public var candidates: [String]
    /// A completion that inserts `insertion` and lists `candidates`.
    public init(insertion: String, candidates: [String] = []) {
        self.insertion = insertion
        self.candidates = candidates
    }
}
