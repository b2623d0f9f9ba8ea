#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLibEdit

/// Tab completion, the way erl's `group` uses its expand function: insert
/// what the completer returns and, when it returns candidates, list them at
/// once in columns (libedit alone would list only on a second Tab).
///
/// libedit calls `completionHook` with the word before the cursor. The hook
/// asks the completer about the whole text before the cursor and always
/// answers with exactly one match, the word followed by the insertion, so
/// libedit inserts it and redraws the line itself. Candidates are printed
/// by the hook first, below the line, and the prompt is drawn again under
/// them before libedit applies the insertion.
extension Readline {
    /// Installs the hook. Called once, after `rl_initialize`.
    static func installCompletionHook() {
        swerl_rl_set_completer(completionHook)
    }

    /// The single match for `word` (the text libedit will replace), or
    /// `nil` to beep.
    static func completion(replacing word: String) -> String? {
        guard let complete = completer.withLock({ $0 }) else { return nil }
        let completion = complete(textBeforeCursor())
        if !completion.candidates.isEmpty {
            swerl_rl_flush_output()
            writeToTerminal("\n" + CompletionListing.format(completion.candidates))
            // The cursor is now at the start of a fresh line: draw the
            // prompt and the line there.
            rl_forced_update_display()
        }
        if completion.insertion.isEmpty { return completion.candidates.isEmpty ? nil : word }
        return word + completion.insertion
    }

    /// The edit line up to the cursor, as libedit last reported it.
    private static func textBeforeCursor() -> String {
        guard let buffer = swerl_rl_line_buffer() else { return "" }
        let count = min(max(0, Int(swerl_rl_point())), strlen(buffer))
        return String(decoding: UnsafeRawBufferPointer(start: buffer, count: count), as: UTF8.self)
    }
}

/// libedit's `rl_attempted_completion_function`: returns a malloc'd,
/// NULL-terminated array holding one malloc'd match (libedit frees both).
/// An empty match makes libedit beep and change nothing.
private let completionHook: @convention(c) (UnsafePointer<CChar>?, Int32, Int32)
    -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = { word, _, _ in
    let text = word.map { String(cString: $0) } ?? ""
    let match = Readline.completion(replacing: text) ?? ""
    guard let matches = malloc(2 * MemoryLayout<UnsafeMutablePointer<CChar>?>.stride)?
        .bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: 2) else { return nil }
    matches[0] = strdup(match)
    matches[1] = nil
    return matches
}
