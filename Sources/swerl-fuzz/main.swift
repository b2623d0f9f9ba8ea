// swerl-fuzz: a seeded fuzzer for the scanner, the parser, the evaluator and
// the shell's recovery. A run is reproduced exactly by its seed; a crash
// prints the input that caused it (CrashReporter); a shell that stops
// answering after bad input is reported with the input and exit status 1.
//
//   swerl-fuzz syntax|eval|shell [--seconds N] [--seed S] [--corpus DIR] [--dry-run]
#if canImport(Glibc)
import Glibc
#endif
import ErlangRuntime
import ErlangShell
import ErlangStdlib
import ErlangSyntax
import Foundation
import Synchronization

struct FuzzOptions {
    var mode = "syntax"
    var seconds = 10.0
    var seed = UInt64(UInt32(truncatingIfNeeded: time(nil)))
    var corpus = "Tests/FuzzCorpus"
    /// Print the cases instead of running them (to replay one elsewhere).
    var dryRun = false

    static func parse(_ arguments: [String]) -> FuzzOptions? {
        var options = FuzzOptions()
        var rest = arguments[...]
        guard let mode = rest.popFirst(), ["syntax", "eval", "shell"].contains(mode) else { return nil }
        options.mode = mode
        while let flag = rest.popFirst() {
            if flag == "--dry-run" { options.dryRun = true; continue }
            guard let value = rest.popFirst() else { return nil }
            switch flag {
            case "--seconds": guard let s = Double(value) else { return nil }; options.seconds = s
            case "--seed": guard let s = UInt64(value) else { return nil }; options.seed = s
            case "--corpus": options.corpus = value
            default: return nil
            }
        }
        return options
    }
}

/// The seed lines: every line of the corpus files that ends a form.
func loadSeeds(_ directory: String) -> [String] {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    let lines = files.sorted().flatMap { name -> [String] in
        guard let text = try? String(contentsOfFile: directory + "/" + name, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map(String.init)
    }
    return lines.isEmpty ? ["1 + 1."] : lines
}

/// Calls `body` with each form of `text`, split as the shell splits
/// them: the form's tokens, or `nil` for one that does not scan. Stops
/// when `body` returns `false`, at an unfinished form, or at the end.
func forEachForm(_ text: String, _ body: ([Token]?) -> Bool) {
    var rest = text
    for _ in 0..<10_000 {
        switch Scanner.scanForm(rest) {
        case .done(let tokens, let remaining):
            guard body(tokens), remaining.count < rest.count else { return }
            rest = remaining
        case .error(_, let remaining):
            guard body(nil), remaining.count < rest.count else { return }
            rest = remaining
        case .more:
            return
        }
    }
}

/// Scans and parses `text` form by form, as the shell does.
func scanAndParse(_ text: String) {
    forEachForm(text) { tokens in
        if let tokens { _ = try? Parser.parseExprs(tokens) }
        return true
    }
}

/// Runs `input` through a fresh shell; nil when the shell still answered
/// the sentinel expression at the end, else the tail of what it printed.
func shellFailure(_ input: String) async -> String? {
    let output = CapturedOutput()
    let runtime = Runtime(clock: SystemClock(), output: output)
    Stdlib.install(in: runtime)
    let shell = Shell(runtime: runtime, options: ShellOptions(codePath: ["."], printBanner: false))
    _ = await shell.run(reader: ScriptReader(input + "\nfuzz_sentinel_ok.\n"))
    let text = output.text
    // The reader shows no prompts, so the result is a line of its own.
    return text.contains("\nfuzz_sentinel_ok\n") ? nil : String(text.suffix(2000))
}

/// Makes a line safe to end a form: no quotes, char literals or comments
/// that would swallow the lines after it (erl would swallow them too).
func closedLine(_ line: String) -> String {
    String(line.unicodeScalars.filter { !"\"'$%".unicodeScalars.contains($0) }.map(Character.init)) + " .\n"
}

/// Whether `line` is garbage: none of its forms scans and parses as
/// expressions. (A mutated form that does parse may wait or loop for ever,
/// as it would in erl: `receive hello -> ok end` after a form whose syntax
/// error kept `self() ! hello` from running. The eval mode covers good
/// expressions.)
func isGarbage(_ line: String) -> Bool {
    var parses = false
    forEachForm(line) { tokens in
        guard let tokens, (try? Parser.parseExprs(tokens)) != nil else { return true }
        parses = true
        return false
    }
    return !parses
}

/// `count` garbage lines from the mutator.
func garbageLines(_ count: Int, _ mutator: Mutator, _ random: inout SeededRandom) -> String {
    var lines: [String] = []
    while lines.count < count {
        let line = closedLine(mutator.next(&random))
        if isGarbage(line) { lines.append(line) }
    }
    return lines.joined()
}

guard let options = FuzzOptions.parse(Array(CommandLine.arguments.dropFirst())) else {
    FileHandle.standardError.write(Data("usage: swerl-fuzz syntax|eval|shell [--seconds N] [--seed S] [--corpus DIR]\n".utf8))
    exit(2)
}
CrashReporter.install()
var random = SeededRandom(seed: options.seed)
let mutator = Mutator(seeds: loadSeeds(options.corpus))
let generator = ExpressionGenerator(maxDepth: 5)
let deadline = ContinuousClock.now + .milliseconds(Int(options.seconds * 1000))
var cases = 0
let current = Mutex("")
let watchdog = Watchdog(limit: 30) { current.withLock { $0 } }
print("swerl-fuzz \(options.mode): seed \(options.seed), \(options.seconds) s")
/// Runs a shell case: records it for the crash reporter and the watchdog,
/// or prints it in a dry run; exits 1 when the shell stopped answering.
func runShellCase(_ input: String) async {
    CrashReporter.record(input)
    current.withLock { $0 = input }
    if options.dryRun { print(input); return }
    if let failure = await shellFailure(input) {
        print("*** the shell stopped answering after this input:\n\(input)\n*** it printed, at the end:\n\(failure)")
        exit(1)
    }
}

while ContinuousClock.now < deadline {
    switch options.mode {
    case "syntax":
        let input = mutator.next(&random)
        CrashReporter.record(input)
        scanAndParse(input)
        scanAndParse(input + ".\n")
    case "eval":
        await runShellCase((0..<20).map { _ in generator.expression(&random) + ".\n" }.joined())
    default:
        await runShellCase(garbageLines(200, mutator, &random))
    }
    cases += 1
    watchdog.tick()
}
print("swerl-fuzz \(options.mode): \(cases) cases, no crash")
