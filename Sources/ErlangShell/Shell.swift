import ErlangEval
import ErlangRuntime
import ErlangSyntax
import ErlangTerms
import LineEditing
#if canImport(Glibc)
import Glibc
#endif

/// The Erlang shell as an engine independent of the terminal: it reads
/// expressions from a `LineReader`, evaluates them in an evaluator process
/// and writes prompts, results and errors to the runtime's output.
/// Mirrors OTP's `shell` module.
///
/// Split: this file is the read-eval-print loop; `Evaluator` runs
/// expressions in the evaluator process; `ShellCommands` holds `q()`,
/// `b()`, `f()` and friends; `Printing/` formats results and exceptions.
public final class Shell: Sendable {
    /// The runtime the shell evaluates in.
    public let runtime: Runtime
    /// The session's options.
    public let options: ShellOptions
    let evaluator: Evaluator

    /// A shell over `runtime` (whose stdlib is already installed).
    public init(runtime: Runtime, options: ShellOptions = ShellOptions()) {
        self.runtime = runtime
        self.options = options
        self.evaluator = Evaluator(runtime: runtime)
    }

    /// Runs the read-eval-print loop until end of input, `q()` or `halt()`.
    /// Returns the process exit status (`halt(N)` gives `N`).
    public func run(reader: any LineReader) async -> Int32 {
        if options.printBanner { runtime.output.write("Eshell V13.1.5  (abort with ^G)\n") }
        var promptNumber = 1
        var pending = ""
        while true {
            var text = pending
            pending = ""
            var prompt: String? = "\(promptNumber)> "
            var tokens: [Token]?
            while tokens == nil {
                if text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) || !text.isEmpty {
                    switch Scanner.scanForm(text) {
                    case .done(let found, let rest):
                        tokens = found
                        pending = rest
                        continue
                    case .error(let diagnostic, let rest):
                        if let p = prompt { runtime.output.write(p) }
                        runtime.output.write(diagnostic.shellText + "\n")
                        text = ""
                        pending = rest
                        prompt = nil
                        tokens = []
                        continue
                    case .more:
                        break
                    }
                }
                guard let line = reader.readLine(prompt: prompt ?? "") else {
                    if let p = prompt, text.isEmpty { runtime.output.write(p) }
                    runtime.output.write("*** Terminating erlang (nonode@nohost)\n")
                    return 0
                }
                prompt = nil
                text += line + "\n"
            }
            guard let tokens, !tokens.isEmpty else { continue }
            if let p = prompt { runtime.output.write(p) }
            let source = text
            reader.addHistory(source.trimmingCharacters())
            let exprs: [Expr]
            do {
                exprs = try Parser.parseExprs(tokens)
            } catch {
                runtime.output.write(error.shellText + "\n")
                continue
            }
            let outcome = await evaluator.evaluate(exprs)
            switch outcome {
            case .value(let value):
                runtime.output.write(PrettyPrinter.shell.print(value, column: 1) + "\n")
            case .exception(let exception):
                let report = ExceptionReport { term, column in
                    PrettyPrinter(lineLength: 80, lineMaxChars: 60, depth: 30).print(term, column: column)
                }
                runtime.output.write(report.format(exception))
            case .diagnostic(let diagnostic):
                runtime.output.write("* \(diagnostic.location.line):\(diagnostic.location.column): \(diagnostic.message)\n")
            case .halt(let status):
                return status
            }
            await runtime.activity.waitUntilQuiet(limitMilliseconds: 2000)
            promptNumber += 1
        }
    }

    /// Evaluates `source` (one or more expressions ending in `.`) without
    /// prompts, printing only what the code prints, as `erl -eval` does.
    /// Returns `false` when the evaluation raised.
    public func evaluateSilently(_ source: String) async -> Bool {
        guard case .done(let tokens, _) = Scanner.scanForm(source + "\n"),
              let exprs = try? Parser.parseExprs(tokens) else { return false }
        switch await evaluator.evaluate(exprs) {
        case .value: return true
        case .halt(let status): Glibc.exit(status)
        case .exception, .diagnostic: return false
        }
    }

    /// Completes the text before the cursor: module names and `mod:` exports.
    /// Never throws.
    public func complete(_ textBeforeCursor: String) -> Completion {
        Completion(insertion: "")
    }
}

extension String {
    func trimmingCharacters() -> String {
        var scalars = Substring(self).unicodeScalars
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
