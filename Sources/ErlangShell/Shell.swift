import ErlangRuntime
import ErlangTerms
import LineEditing

/// The Erlang shell as an engine independent of the terminal: it reads
/// expressions from a `LineReader`, evaluates them in an evaluator process
/// and writes prompts, results and errors to the runtime's output.
/// Mirrors OTP's `shell` module.
public final class Shell: Sendable {
    /// The runtime the shell evaluates in.
    public let runtime: Runtime
    /// The session's options.
    public let options: ShellOptions

    /// A shell over `runtime` (whose stdlib is already installed).
    public init(runtime: Runtime, options: ShellOptions = ShellOptions()) {
        self.runtime = runtime
        self.options = options
    }

    /// Runs the read-eval-print loop until end of input, `q()` or `halt()`.
    /// Returns the process exit status (`halt(N)` gives `N`).
    public func run(reader: any LineReader) async -> Int32 {
        0
    }

    /// Evaluates `source` (one or more expressions ending in `.`) without
    /// prompts, printing only what the code prints, as `erl -eval` does.
    /// Returns `false` when the evaluation raised.
    public func evaluateSilently(_ source: String) async -> Bool {
        false
    }

    /// Completes the text before the cursor: module names, `mod:` exports,
    /// bound variables, registered names, record names. Never throws.
    public func complete(_ textBeforeCursor: String) -> Completion {
        Completion(insertion: "")
    }
}
