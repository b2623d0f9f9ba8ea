import ErlangRuntime
import ErlangShell
import ErlangStdlib
import LineEditing
import ErlangTerms

/// Input lines served from memory, prompts written to the same output as
/// the shell's results, as `StreamLineReader` does for piped input.
final class MemoryLineReader: LineReader {
    private let lines: Lock<[String]>
    private let output: CapturedOutput

    init(_ input: String, output: CapturedOutput) {
        var lines = input.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        self.lines = Lock(lines)
        self.output = output
    }

    func readLine(prompt: String) -> String? {
        if !prompt.isEmpty { output.write(prompt) }
        return lines.withLock { $0.isEmpty ? nil : $0.removeFirst() }
    }

    func addHistory(_ entry: String) {}

    var isInteractive: Bool { false }
}

/// Runs `input` through a fresh shell (no banner) and answers everything it
/// printed. `settleLimitMilliseconds`: how long the shell may wait after a
/// command for the other processes (the test run shares the scheduler with
/// other busy tests, unless it runs on a `scheduler` of its own).
func transcript(_ input: String, settleLimitMilliseconds: Int = 2000,
                scheduler: ProcessScheduler = .shared) async -> String {
    let output = CapturedOutput()
    let runtime = Runtime(output: output, scheduler: scheduler)
    Stdlib.install(in: runtime)
    let options = ShellOptions(printBanner: false, settleLimitMilliseconds: settleLimitMilliseconds)
    let shell = Shell(runtime: runtime, options: options)
    _ = await shell.run(reader: MemoryLineReader(input, output: output))
    return output.text
}
