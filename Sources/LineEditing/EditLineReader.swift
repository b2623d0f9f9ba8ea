#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLibEdit
import Synchronization

/// Reads shell input from a terminal through libedit: line editing, a
/// persistent history and Tab completion. Mirrors erl's `edlin`/`group`
/// line editor.
///
/// - The prompt is drawn by libedit, so editing keys redraw it correctly.
/// - History lives in `~/.swerl_history` (mode 0600), at most
///   `historyLimit` entries. Each entry is appended to the file as soon as it
///   is added, so a SIGKILL loses nothing.
/// - A multi-line expression is one history entry: Up recalls it whole.
///   When such an entry is submitted again, its lines are handed to the
///   shell one `readLine` call at a time, exactly as if typed.
/// - Tab asks the completer for the text before the cursor, inserts what it
///   returns and lists the candidates in columns, as erl does.
/// - Ctrl-C while a line is being edited drops that line and shows the
///   prompt again (see `InterruptSignal`); Ctrl-D on an empty line is end of
///   input.
///
/// libedit's readline state is process-wide: create one `EditLineReader`
/// per process and call `readLine` from one thread at a time.
///
/// Split: this file reads lines; `+History` keeps the history file;
/// `+Completion` binds Tab. `Readline` is the process-wide libedit setup.
public final class EditLineReader: LineReader {
    /// The history file, or `nil` for an in-memory history only.
    public let historyPath: String?
    /// The most history entries kept, in memory and in the file.
    public let historyLimit: Int

    /// Lines of a recalled multi-line entry not yet handed to the shell.
    private let pendingLines = Mutex<[String]>([])

    /// `~/.swerl_history`, or `nil` when no home directory is known.
    public static var defaultHistoryPath: String? {
        if let home = getenv("HOME").map({ String(cString: $0) }), !home.isEmpty {
            return home.hasSuffix("/") ? home + ".swerl_history" : home + "/.swerl_history"
        }
        if let entry = getpwuid(getuid()), let dir = entry.pointee.pw_dir {
            return String(cString: dir) + "/.swerl_history"
        }
        return nil
    }

    /// A reader over the process's terminal. `completer` gets the text
    /// before the cursor when Tab is pressed (see `Shell.complete`).
    public init(historyPath: String? = EditLineReader.defaultHistoryPath,
                historyLimit: Int = 1000,
                completer: (@Sendable (String) -> Completion)? = nil) {
        self.historyPath = historyPath
        self.historyLimit = max(1, historyLimit)
        Readline.initializeOnce()
        // Ctrl-C at the prompt must reach us even before the shell installs
        // its own handler; if this fails, Ctrl-C keeps its default action.
        try? SignalRouting.prepare()
        Readline.completer.withLock { $0 = completer }
        loadHistory()
    }

    /// Replaces the completer used for Tab.
    public func setCompleter(_ completer: (@Sendable (String) -> Completion)?) {
        Readline.completer.withLock { $0 = completer }
    }

    /// Shows `prompt`, lets the user edit one line and returns it; `nil` at
    /// Ctrl-D on an empty line or when the terminal goes away.
    public func readLine(prompt: String) -> String? {
        let queued = pendingLines.withLock { lines -> String? in
            lines.isEmpty ? nil : lines.removeFirst()
        }
        if let queued { return queued }
        while true {
            switch Readline.readOneLine(prompt: prompt) {
            case .line(let text):
                var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                let first = lines.removeFirst()
                if !lines.isEmpty { pendingLines.withLock { $0 = lines } }
                return first
            case .interrupted:
                // Ctrl-C: abandon the line, start a fresh one.
                Readline.writeToTerminal("\n")
                continue
            case .endOfInput:
                // libedit echoed "^D"; end that line so whatever is printed
                // next starts on its own.
                Readline.writeToTerminal("\n")
                return nil
            }
        }
    }

    /// Adds `entry` (one expression, possibly several lines) to the history
    /// and appends it to the history file at once.
    public func addHistory(_ entry: String) {
        var text = Substring(entry)
        while let last = text.last, last == "\n" || last == "\r" { text.removeLast() }
        guard text.contains(where: { !$0.isWhitespace }) else { return }
        appendToHistory(String(text))
    }

    /// Always `true`: this reader edits lines on a terminal.
    public var isInteractive: Bool { true }
}

/// The process-wide libedit state: one-time setup, the completer Tab calls,
/// and the blocking `readline` call itself.
enum Readline {
    /// What one `readline` call produced.
    enum Outcome {
        /// A line (without its newline; may hold newlines if recalled).
        case line(String)
        /// Ctrl-C arrived while editing.
        case interrupted
        /// Ctrl-D on an empty line, or the terminal closed.
        case endOfInput
    }

    /// Whether `initializeOnce` has run.
    private static let initialized = Mutex(false)
    /// Serialises calls into libedit, which is not thread-safe.
    static let lock = Mutex(())
    /// The completer Tab calls, if any.
    static let completer = Mutex<(@Sendable (String) -> Completion)?>(nil)

    /// Sets the locale for UTF-8 editing, keeps libedit away from signal
    /// handling (Swerl routes SIGINT itself) and binds Tab.
    static func initializeOnce() {
        initialized.withLock { done in
            guard !done else { return }
            done = true
            let locale = setlocale(LC_CTYPE, "").map { String(cString: $0) }
            if locale == nil || locale == "C" || locale == "POSIX" {
                // No UTF-8 locale in the environment (CI, bare containers):
                // libedit would then treat every byte as one character.
                _ = setlocale(LC_CTYPE, "C.UTF-8")
            }
            // strdup: libedit keeps the pointer for the life of the process.
            swerl_rl_configure(strdup("swerl"))
            swerl_rl_set_getc(TerminalInput.getCharacter)
            _ = rl_initialize()
            using_history()
            installCompletionHook()
        }
    }

    /// Runs one `readline`, during which Ctrl-C belongs to the line editor
    /// (see `TerminalInput`). Threads of the dispatch pool (where Swift tasks
    /// run) block all signals, so SIGINT is unblocked on this one for the
    /// duration of the call: some thread must be able to take it.
    static func readOneLine(prompt: String) -> Outcome {
        lock.withLock { _ in
            SignalRouting.readInterrupted.store(false, ordering: .releasing)
            SignalRouting.drainReaderWakeUps()
            SignalRouting.readerActive.store(true, ordering: .releasing)
            var interruptOnly = sigset_t()
            var previousMask = sigset_t()
            sigemptyset(&interruptOnly)
            sigaddset(&interruptOnly, SIGINT)
            pthread_sigmask(SIG_UNBLOCK, &interruptOnly, &previousMask)
            let raw = readline(prompt)
            SignalRouting.readerActive.store(false, ordering: .releasing)
            pthread_sigmask(SIG_SETMASK, &previousMask, nil)
            let interrupted = SignalRouting.readInterrupted.exchange(false, ordering: .acquiringAndReleasing)
            guard let raw else { return interrupted ? .interrupted : .endOfInput }
            defer { free(raw) }
            return .line(String(cString: raw))
        }
    }

    /// Writes `text` straight to the terminal (file descriptor 1).
    static func writeToTerminal(_ text: String) {
        swerl_rl_flush_output()
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return write(1, base + offset, raw.count - offset)
            }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            offset += n
        }
    }
}
