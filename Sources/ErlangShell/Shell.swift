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
        self.evaluator = Evaluator(runtime: runtime, settleLimitMilliseconds: options.settleLimitMilliseconds)
    }

    /// Runs the read-eval-print loop until end of input, `q()` or `halt()`.
    /// Returns the process exit status (`halt(N)` gives `N`).
    ///
    /// For piped input the loop runs on the runtime's scheduler, like a
    /// process: handing an expression to the evaluator and getting its
    /// answer back then stays on one worker thread instead of crossing
    /// between the scheduler and the global executor twice per line. A
    /// read that may block leaves the scheduler (`nextLine`). A terminal
    /// session stays where it was called.
    public func run(reader: any LineReader) async -> Int32 {
        if reader.isInteractive { return await loop(reader) }
        return await withTaskExecutorPreference(runtime.scheduler) { await loop(reader) }
    }

    private func loop(_ reader: any LineReader) async -> Int32 {
        if options.printBanner { runtime.output.write("Eshell V13.1.5  (abort with ^G)\n") }
        if reader.isInteractive {
            try? InterruptSignal.install { [evaluator] in evaluator.interrupt() }
            evaluator.atTerminal.withLock { $0 = true }
        }
        defer { if reader.isInteractive { InterruptSignal.uninstall() } }
        var promptNumber = 1
        var pending = ""
        while true {
            guard let (tokens, source) = await read(reader, prompt: "\(promptNumber)> ", pending: &pending) else {
                runtime.output.write("*** Terminating erlang (nonode@nohost)\n")
                return 0
            }
            reader.addHistory(source.trimmingCharacters())
            let parsed: [Expr]
            do {
                parsed = try Parser.parseExprs(tokens)
            } catch {
                runtime.output.write(error.shellText + "\n")
                continue
            }
            let exprs: [Expr]
            let references = ShellCommands.mayCall(["v", "e"], in: tokens)
                ? HistoryReferences.resolve(parsed, promptNumber: promptNumber, history: evaluator.history)
                : .success(parsed)
            switch references {
            case .success(let resolved): exprs = resolved
            case .failure(let missing):
                runtime.output.write("* \(missing.label): command not found\n")
                continue
            }
            // Piped, the evaluator prints the value and lets the runtime
            // settle itself (fewer thread hand-offs); at a terminal the
            // shell does, as Ctrl-C may interrupt the evaluation.
            let outcome = await evaluator.evaluate(exprs, tokens: tokens, printing: !reader.isInteractive)
            let result: Term
            var waitedFullLimit = false
            switch outcome {
            case .value(let value):
                runtime.output.write(evaluator.printer.print(value, column: 1, records: evaluator.recordFields) + "\n")
                result = value
            case .printed(let value, let quiet):
                result = value
                // It waited its full limit: the shell does not wait again.
                waitedFullLimit = !quiet
            case .exception(let exception):
                // erl reports the exception once the evaluator's exit has
                // reached the processes linked to it, after what they print.
                await settle()
                runtime.output.write(report(exception))
                // erl remembers `{'EXIT', {Reason, Stacktrace}}`, with the
                // evaluator's whole stack, whatever the exception's class.
                result = .tuple([.atom(.EXIT), EvaluatorExit.linkedReason(of: exception)])
            case .killed(let reason):
                await settle()
                runtime.output.write(report(ErlangException(.exit, reason), killedBySignal: true))
                result = .tuple([.atom(.EXIT), reason])
            case .diagnostic(let diagnostic):
                let at = DiagnosticLocation.resolve(diagnostic, in: tokens)
                runtime.output.write("* \(at.line):\(at.column): \(diagnostic.message)\n")
                result = .tuple([.atom(.EXIT), Self.reason(of: diagnostic)])
            case .halt(let status):
                return status
            }
            evaluator.history.add(ShellHistory.Entry(number: promptNumber, exprs: exprs, result: result))
            if !waitedFullLimit { await settle() }
            if let reason = evaluator.takeUnreportedExit() {
                runtime.output.write(report(ErlangException(.exit, reason), killedBySignal: true))
            }
            promptNumber += 1
            if evaluator.isStopping {
                // erl prints the next prompt before init has stopped the node.
                runtime.output.write("\(promptNumber)> ")
                return 0
            }
        }
    }

    /// Waits for the runtime to settle, as long as the evaluator says.
    private func settle() async {
        evaluator.noteSettled(quiet: await runtime.activity.waitUntilQuiet(limitMilliseconds: evaluator.settleWaitMilliseconds))
    }

    /// Reads one form up to its terminating dot, writing `prompt` before
    /// the first line read (erl prints the prompt once per expression, and
    /// again after a syntax error). A scanning error is reported and the
    /// form skipped. `pending` holds what followed the previous form on
    /// its line; it is scanned first, starting again at line 1, column 1,
    /// as erl does. `nil` at end of input.
    private func read(_ reader: any LineReader, prompt: String, pending: inout String) async -> ([Token], String)? {
        formLoop: while true {
            var text = pending
            pending = ""
            var promptShown = false
            while true {
                if text.unicodeScalars.contains(where: { !$0.isShellWhitespace }) {
                    switch Scanner.scanForm(text) {
                    case .done(let tokens, let rest):
                        pending = Self.droppingDotWhitespace(rest)
                        if !promptShown { runtime.output.write(prompt) }
                        return (tokens, text)
                    case .error(let diagnostic, let rest):
                        if !promptShown { runtime.output.write(prompt) }
                        runtime.output.write(diagnostic.shellText + "\n")
                        pending = Self.droppingDotWhitespace(rest)
                        continue formLoop
                    case .more:
                        break
                    }
                }
                guard let line = await nextLine(reader, prompt: promptShown ? "" : prompt) else {
                    if reportUnfinished(text) { runtime.output.write(prompt) }
                    return nil
                }
                promptShown = true
                text += line + "\n"
            }
        }
    }

    /// The reader's next line: at once when it has one buffered, otherwise
    /// after flushing the output (the prompt and results so far must be
    /// out while the shell waits) and reading off the scheduler, so that a
    /// worker thread never blocks on input while processes wait to run.
    private func nextLine(_ reader: any LineReader, prompt: String) async -> String? {
        if let ready = reader.readLineIfReady(prompt: prompt) { return ready }
        runtime.output.flush()
        if reader.isInteractive { return reader.readLine(prompt: prompt) }
        return await Task.detached { reader.readLine(prompt: prompt) }.value
    }

    /// At end of input, reports an unfinished form as erl does: a syntax
    /// error before the end (at the last token), or the unterminated
    /// string or atom. Answers whether it printed anything.
    private func reportUnfinished(_ text: String) -> Bool {
        do {
            let tokens = try Scanner.scanAll(text)
            guard let last = tokens.last else { return false }
            runtime.output.write("* \(last.location.line):\(last.location.column): syntax error before: \n")
        } catch {
            let message = error.message.replacingNewlines
            runtime.output.write("* \(error.location.line):\(error.location.column): \(message)\n")
        }
        return true
    }

    /// The text after a form's dot, less the one whitespace character
    /// that ends the dot token.
    static func droppingDotWhitespace(_ rest: String) -> String {
        var scalars = Substring(rest).unicodeScalars
        if let first = scalars.first, first.isShellWhitespace { scalars.removeFirst() }
        return String(scalars)
    }

    /// The exception as the shell reports it (`** exception error: ...`,
    /// or `* exception ...` under `catch_exception(true)`; an exit signal
    /// that killed the evaluator is always `**`, as shell.erl's "serious").
    func report(_ exception: ErlangException, killedBySignal: Bool = false) -> String {
        let records = evaluator.recordFields
        let report = ExceptionReport(marker: evaluator.catchesExceptions && !killedBySignal ? "*" : "**") { term, column in
            PrettyPrinter(lineLength: 80, lineMaxChars: 60, depth: 30).print(term, column: column, records: records)
        }
        return report.format(exception, killedBySignal: killedBySignal)
    }

    /// The reason a command that did not compile is remembered with
    /// (`v(N)` of it gives `{'EXIT', {unbound_var, 'X'}}`).
    static func reason(of diagnostic: EvalDiagnostic) -> Term {
        let message = diagnostic.message
        if message.hasPrefix("variable '"), message.hasSuffix("' is unbound") {
            let name = message.dropFirst("variable '".count).dropLast("' is unbound".count)
            return .tuple([.atom("unbound_var"), .atom(String(name))])
        }
        return .string(message)
    }

    /// Evaluates `source` (one or more expressions ending in `.`) without
    /// prompts, printing only what the code prints, as `erl -eval` does.
    /// Returns `false` when the evaluation raised.
    public func evaluateSilently(_ source: String) async -> Bool {
        guard case .done(let tokens, _) = Scanner.scanForm(source + "\n"),
              let exprs = try? Parser.parseExprs(tokens) else { return false }
        switch await evaluator.evaluate(exprs) {
        case .value, .printed:
            if evaluator.isStopping { Glibc.exit(0) }
            return true
        case .halt(let status): Glibc.exit(status)
        case .exception, .killed, .diagnostic: return false
        }
    }

}

extension String {
    /// The text with each newline written as `\n`, as erl quotes the
    /// start of an unterminated string.
    var replacingNewlines: String {
        var out = ""
        for scalar in unicodeScalars {
            if scalar == "\n" { out += "\\n" } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    func trimmingCharacters() -> String {
        var scalars = Substring(self).unicodeScalars
        while let last = scalars.last, last.isShellWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}

extension Unicode.Scalar {
    /// Unicode's White_Space property, without the property table lookup
    /// for ASCII (tab to carriage return, and space).
    var isShellWhitespace: Bool {
        value < 0x80 ? value == 0x20 || (0x09...0x0D).contains(value) : properties.isWhitespace
    }
}
