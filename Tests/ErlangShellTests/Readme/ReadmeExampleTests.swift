import Foundation
import Testing

/// The README's example session is real: its input lines are piped through
/// `swerl -pa examples` and the output must be the README's text, pids
/// aside (they are numbered by first appearance on both sides) and the
/// order of lines inside one prompt's block: a server's `io:format` races
/// the shell's result line, in erl as in swerl, which is why the
/// conformance grader compares blocks as multisets too.
@Suite(.enabled(if: SwerlBinary.path != nil, "the swerl binary is not built (run swift build first)"))
struct ReadmeExampleTests {
    @Test func exampleSessionPrintsWhatTheReadmeShows() throws {
        let readme = try String(contentsOf: SwerlBinary.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        guard let start = readme.range(of: "$ scripts/run\n"),
              let end = readme.range(of: "\n```", range: start.upperBound..<readme.endIndex) else {
            Issue.record("README.md has no example session after `$ scripts/run`")
            return
        }
        let expected = String(readme[start.upperBound..<end.lowerBound]) + "\n"
        // The input: what follows each prompt.
        let input = expected.split(separator: "\n").compactMap { line -> String? in
            guard let match = line.firstMatch(of: /^\d+> (.+)$/) else { return nil }
            return String(match.1)
        }.joined(separator: "\n") + "\n"
        let output = try Self.run(input)
        #expect(Self.blocks(output) == Self.blocks(Self.piped(expected)))
    }

    /// swerl's output for `input`, run in the package root with examples/ on the path.
    static func run(_ input: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: SwerlBinary.path ?? "")
        process.arguments = ["-pa", "examples"]
        process.currentDirectoryURL = SwerlBinary.packageRoot
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// The terminal transcript as piped output shows it: no echo, so each
    /// prompt is followed by the first line the command printed.
    static func piped(_ transcript: String) -> String {
        var lines: [String] = []
        var prompt = ""
        for line in transcript.split(separator: "\n", omittingEmptySubsequences: false) {
            if let match = line.firstMatch(of: /^(\d+)> .+$/) {
                prompt = "\(match.1)> "
            } else {
                lines.append(prompt + line)
                prompt = ""
            }
        }
        if !prompt.isEmpty { lines.append(prompt) }
        return lines.joined(separator: "\n")
    }

    /// The normalized output split at prompts, each block's lines sorted.
    static func blocks(_ text: String) -> [[String]] {
        var blocks: [[String]] = [[]]
        for line in normalized(text).split(separator: "\n") {
            if let match = line.firstMatch(of: /^(\d+)> (.*)$/) {
                blocks.append(["\(match.1)>"])
                if !match.2.isEmpty { blocks[blocks.count - 1].append(String(match.2)) }
            } else {
                blocks[blocks.count - 1].append(String(line))
            }
        }
        return blocks.map { [$0.first ?? ""] + $0.dropFirst().sorted() }
    }

    /// Pids renumbered by first appearance; a final bare prompt dropped.
    static func normalized(_ text: String) -> String {
        var numbers: [String: Int] = [:]
        var out = text.replacing(/<0\.\d+\.0>/) { match in
            let pid = String(match.output)
            if numbers[pid] == nil { numbers[pid] = numbers.count + 1 }
            return "<PID\(numbers[pid] ?? 0)>"
        }
        while out.hasSuffix("\n") { out.removeLast() }
        if let last = out.split(separator: "\n").last {
            let prompt = last.trimmingCharacters(in: .whitespaces)
            if prompt.hasSuffix(">"), prompt.dropLast().allSatisfy(\.isNumber) { out = String(out.dropLast(last.count)) }
        }
        return out.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
