import LineEditing
import Synchronization

/// Shell input from memory: the fuzzer's lines, then end of input.
final class ScriptReader: LineReader {
    private let lines: Mutex<[Substring]>

    /// A reader over `text`, split into lines.
    init(_ text: String) {
        lines = Mutex(text.split(separator: "\n", omittingEmptySubsequences: false).reversed())
    }

    func readLine(prompt: String) -> String? {
        lines.withLock { $0.popLast().map(String.init) }
    }

    func addHistory(_ entry: String) {}

    var isInteractive: Bool { false }
}
