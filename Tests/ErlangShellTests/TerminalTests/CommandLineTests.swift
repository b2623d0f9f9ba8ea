import Foundation
import Testing

/// The `swerl` executable's command line: flags spelled as erl spells them,
/// exit statuses, messages. Runs the built binary with piped input.
@Suite(
    "swerl command line",
    .enabled(if: SwerlBinary.path != nil, "the swerl binary is not built (run swift build first)")
)
struct CommandLineTests {
    private func swerl(_ arguments: [String], input: String = "") throws -> ProcessResult {
        try runProcess(SwerlBinary.path ?? "/nonexistent", arguments, input: input, timeout: 30)
    }

    @Test func versionPrintsAndExitsZero() throws {
        let result = try swerl(["--version"])
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("swerl "))
    }

    @Test func helpListsTheFlags() throws {
        let result = try swerl(["--help"])
        #expect(result.status == 0)
        for flag in ["-eval", "-s ", "-run", "-pa", "-pz", "-noshell"] {
            #expect(result.output.contains(flag), "help does not mention \(flag)")
        }
    }

    @Test(arguments: ["-sname", "-name"])
    func distributionIsRefused(flag: String) throws {
        let result = try swerl([flag, "node1"])
        #expect(result.status == 2)
        #expect(result.errorOutput.contains("not supported"))
        #expect(result.output.isEmpty)
    }

    @Test(arguments: [["-bogus"], ["-eval"], ["-s"], ["a.erl-session", "b.erl-session"], ["-noshell", "x.erl-session"]])
    func badCommandLinePrintsUsage(arguments: [String]) throws {
        let result = try swerl(arguments)
        #expect(result.status == 2)
        #expect(result.errorOutput.contains("usage: swerl"))
    }

    @Test func emulatorFlagsAreIgnored() throws {
        let result = try swerl(["+P", "1000000", "+B", "-noshell", "-eval", "halt(0)"])
        #expect(result.status == 0)
        #expect(result.errorOutput.isEmpty)
    }

    @Test func noshellEvalHaltExitsWithItsStatus() throws {
        let result = try swerl(["-noshell", "-eval", "io:format(\"hi~n\")", "-eval", "halt(3)."])
        #expect(result.status == 3)
        #expect(result.output == "hi\n")
    }

    @Test func failingEvalStopsWithStatusOne() throws {
        let result = try swerl(["-noshell", "-eval", "no_such_module:f()"])
        #expect(result.status == 1)
        #expect(result.errorOutput.contains("-eval no_such_module:f()"))
    }

    @Test func runPassesStringsAndSPassesAtoms() throws {
        // Expected output recorded with erl 25.
        let result = try swerl(["-noshell",
                                "-s", "io", "write", "hello",
                                "-s", "io", "write", "A b",
                                "-run", "io", "write", "A b",
                                "-s", "erlang", "halt"])
        #expect(result.status == 0)
        #expect(result.output == "[hello]['A b'][[65,32,98]]")
    }

    @Test func pipedInputPromptsWithoutEcho() throws {
        let result = try swerl([], input: "1 + 2.\n")
        #expect(result.status == 0)
        #expect(result.output.contains("1> 3\n"))
    }

    @Test func scriptFileRunsAsIfPiped() throws {
        let script = FileManager.default.temporaryDirectory
            .appendingPathComponent("swerl-script-\(UUID().uuidString.prefix(8)).erl-session")
        try "X = 20.\nX + 1.\n".write(to: script, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: script) }
        let result = try swerl([script.path])
        #expect(result.status == 0)
        #expect(result.output.contains("2> 21\n"))
    }

    @Test func missingScriptFileFails() throws {
        let result = try swerl(["/nonexistent/session.erl-session"])
        #expect(result.status == 1)
        #expect(result.errorOutput.contains("/nonexistent/session.erl-session"))
    }
}
