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
        if reader.isInteractive {
            try? InterruptSignal.install { [evaluator] in evaluator.interrupt() }
            evaluator.atTerminal.withLock { $0 = true }
        }
        defer { if reader.isInteractive { InterruptSignal.uninstall() } }
        var promptNumber = 1
        var pending = ""
        while true {
            guard let (tokens, source) = read(reader, prompt: "\(promptNumber)> ", pending: &pending) else {
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
            switch HistoryReferences.resolve(parsed, promptNumber: promptNumber, history: evaluator.history) {
            case .success(let resolved): exprs = resolved
            case .failure(let missing):
                runtime.output.write("* \(missing.number): command not found\n")
                continue
            }
            let outcome = await evaluator.evaluate(exprs)
            let result: Term
            switch outcome {
            case .value(let value):
                runtime.output.write(evaluator.printer.print(value, column: 1, records: evaluator.recordFields) + "\n")
                result = value
            case .exception(let exception):
                // erl reports the exception once the evaluator's exit has
                // reached the processes linked to it, after what they print.
                await runtime.activity.waitUntilQuiet(limitMilliseconds: 2000)
                runtime.output.write(report(exception))
                result = .tuple([.atom(.EXIT), Runtime.exitReason(of: exception)])
            case .killed(let reason):
                await runtime.activity.waitUntilQuiet(limitMilliseconds: 2000)
                runtime.output.write(report(ErlangException(.exit, reason), killedBySignal: true))
                result = .tuple([.atom(.EXIT), reason])
            case .diagnostic(let diagnostic):
                runtime.output.write("* \(diagnostic.location.line):\(diagnostic.location.column): \(diagnostic.message)\n")
                result = .tuple([.atom(.EXIT), Self.reason(of: diagnostic)])
            case .halt(let status):
                return status
            }
            evaluator.history.add(ShellHistory.Entry(number: promptNumber, exprs: exprs, result: result))
            await runtime.activity.waitUntilQuiet(limitMilliseconds: 2000)
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

    /// Reads one form up to its terminating dot, writing `prompt` before
    /// the first line read (erl prints the prompt once per expression, and
    /// again after a syntax error). A scanning error is reported and the
    /// form skipped. `pending` holds what followed the previous form on
    /// its line; it is scanned first, starting again at line 1, column 1,
    /// as erl does. `nil` at end of input.
    private func read(_ reader: any LineReader, prompt: String, pending: inout String) -> ([Token], String)? {
        formLoop: while true {
            var text = pending
            pending = ""
            var promptShown = false
            while true {
                if text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) {
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
                guard let line = reader.readLine(prompt: promptShown ? "" : prompt) else {
                    if reportUnfinished(text) { runtime.output.write(prompt) }
                    return nil
                }
                promptShown = true
                text += line + "\n"
            }
        }
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
        if let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        return String(scalars)
    }

    /// The exception as the shell reports it (`** exception error: ...`,
    /// or `* exception ...` under `catch_exception(true)`; an exit signal
    /// that killed the evaluator is always `**`, as shell.erl's "serious").
    func report(_ exception: ErlangException, killedBySignal: Bool = false) -> String {
        let arguments: (Term, Int) -> String = { term, column in
            PrettyPrinter(lineLength: 80, lineMaxChars: 60, depth: 29).print(term, column: column)
        }
        let report = ExceptionReport(marker: evaluator.catchesExceptions && !killedBySignal ? "*" : "**", printArgument: arguments) { term, column in
            PrettyPrinter(lineLength: 80, lineMaxChars: 60, depth: 30).print(term, column: column)
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
        case .value:
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
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
