import Foundation
import LineEditing
import Testing

/// Interactive use of the `swerl` binary in a real terminal (tmux): line
/// editing, history, completion, Ctrl-C, quitting. Each test starts swerl
/// with its own HOME (so its own `~/.swerl_history`) and a working directory
/// holding the tutorial modules.
///
/// Skipped, with the reason, when tmux is not installed or swerl is not
/// built (`scripts/test` installs tmux and builds everything first). The
/// tests run one at a time: each drives a whole swerl, and timing-based
/// waits are more reliable without several of them competing for 2 cores.
@Suite(
    "swerl in a terminal",
    .serialized,
    .enabled(if: TmuxDriver.tmuxPath != nil, "tmux is not installed (scripts/test installs it)"),
    .enabled(if: SwerlBinary.path != nil, "the swerl binary is not built (run swift build first)")
)
struct TerminalTests {
    @Test("an expression typed over two lines is evaluated once complete")
    func twoLineExpression() async throws {
        let swerl = try SwerlSession()
        try await swerl.terminal.waitForPrompt(1)
        try swerl.terminal.enter("1 +")
        try swerl.terminal.enter("2.")
        try await swerl.terminal.waitForLine("3")
        try await swerl.terminal.waitForPrompt(2)
    }

    @Test("Up recalls the last expression and Enter runs it again")
    func upArrowRecallsLastExpression() async throws {
        let swerl = try SwerlSession()
        try await swerl.terminal.waitForPrompt(1)
        try swerl.terminal.enter("7 * 6.")
        try await swerl.terminal.waitForLine("42")
        try await swerl.terminal.waitForPrompt(2)
        try swerl.terminal.press("Up")
        try await swerl.terminal.waitUntil("the recalled line") { $0.last == "2> 7 * 6." }
        try swerl.terminal.press("Enter")
        try await swerl.terminal.waitForLine("42", count: 2)
        try await swerl.terminal.waitForPrompt(3)
    }

    @Test("Up recalls a two-line expression whole")
    func upArrowRecallsMultiLineExpression() async throws {
        let swerl = try SwerlSession()
        try await swerl.terminal.waitForPrompt(1)
        try swerl.terminal.enter("10 +")
        try swerl.terminal.enter("5.")
        try await swerl.terminal.waitForLine("15")
        try await swerl.terminal.waitForPrompt(2)
        try swerl.terminal.press("Up")
        try await swerl.terminal.waitUntil("the recalled expression") { lines in
            lines.suffix(2) == ["2> 10 +", "5."]
        }
        try swerl.terminal.press("Enter")
        try await swerl.terminal.waitForLine("15", count: 2)
    }

    @Test("Tab completes a function of a compiled module")
    func tabCompletesModuleFunction() async throws {
        let swerl = try SwerlSession()
        try await swerl.terminal.waitForPrompt(1)
        try swerl.terminal.enter("c(greeter).")
        try await swerl.terminal.waitForLine("{ok,greeter}")
        try await swerl.terminal.waitForPrompt(2)
        try swerl.terminal.type("greeter:get_c")
        try swerl.terminal.press("Tab")
        // erl inserts "ount()" (get_count/0 takes no arguments).
        try await swerl.terminal.waitUntil("the completed call") { lines in
            lines.last?.hasPrefix("2> greeter:get_count(") == true
        }
    }

    @Test("Tab lists the candidates when the completion is ambiguous")
    func tabListsCandidates() async throws {
        let swerl = try SwerlSession()
        try await swerl.terminal.waitForPrompt(1)
        try swerl.terminal.enter("c(greeter).")
        try await swerl.terminal.waitForPrompt(2)
        try swerl.terminal.type("greeter:g")
        try swerl.terminal.press("Tab")
        // erl lists both and redraws the line as typed (their common start is "g").
        try await swerl.terminal.waitUntil("the listing of get_count/0 and greet/1") { lines in
            lines.contains { $0.contains("get_count/0") && $0.contains("greet/1") }
                && lines.last == "2> greeter:g"
        }
    }

    @Test("Ctrl-C at an idle prompt drops the line being typed")
    func ctrlCAtPromptClearsLine() async throws {
        let swerl = try SwerlSession()
        try await swerl.terminal.waitForPrompt(1)
        try swerl.terminal.type("this is not finished")
        try swerl.terminal.press("C-c")
        try await swerl.terminal.waitForPrompt(1)
        try swerl.terminal.enter("1 + 1.")
        try await swerl.terminal.waitForLine("2")
        try await swerl.terminal.waitForPrompt(2)
    }

    @Test("Ctrl-C stops a running evaluation; bindings survive")
    func ctrlCInterruptsEvaluation() async throws {
        let swerl = try SwerlSession()
        try await swerl.terminal.waitForPrompt(1)
        try swerl.terminal.enter("X = 5.")
        try await swerl.terminal.waitForPrompt(2)
        try swerl.terminal.enter("timer:sleep(infinity).")
        let sleeping = "2> timer:sleep(infinity)."
        /// Whether a prompt came after the sleeping expression.
        func promptAfterSleep(_ lines: [String]) -> Bool {
            guard let start = lines.lastIndex(of: sleeping) else { return false }
            return lines[(start + 1)...].contains { $0.range(of: #"^\d+>$"#, options: .regularExpression) != nil }
        }
        try await swerl.terminal.waitForLine(sleeping)
        // The evaluation must really be running (not failed at once):
        // nothing may come back by itself.
        try await swerl.terminal.expectHolds("the sleep to keep running", for: 0.5) { !promptAfterSleep($0) }
        try swerl.terminal.press("C-c")
        try await swerl.terminal.waitUntil("a prompt after the interrupt") { promptAfterSleep($0) }
        try swerl.terminal.enter("X + 1.")
        try await swerl.terminal.waitForLine("6")
    }

    @Test("q(). ends swerl with status 0")
    func quitExits() async throws {
        let swerl = try SwerlSession()
        try await swerl.terminal.waitForPrompt(1)
        try swerl.terminal.enter("q().")
        #expect(try await swerl.terminal.waitForExit() == .exited(0))
    }

    @Test("Ctrl-D on an empty line ends swerl")
    func ctrlDExits() async throws {
        let swerl = try SwerlSession()
        try await swerl.terminal.waitForPrompt(1)
        try swerl.terminal.press("C-d")
        #expect(try await swerl.terminal.waitForExit() == .exited(0))
    }

    @Test("after a restart, Up shows the previous run's last expression")
    func historySurvivesRestart() async throws {
        let home = try SwerlSession.makeDirectory("home")
        defer { try? FileManager.default.removeItem(at: home) }
        do {
            let first = try SwerlSession(home: home)
            try await first.terminal.waitForPrompt(1)
            try first.terminal.enter("12345 + 1.")
            try await first.terminal.waitForLine("12346")
            try await first.terminal.waitForPrompt(2)
            try first.terminal.press("C-d")
            try await first.terminal.waitForExit()
        }
        let second = try SwerlSession(home: home)
        try await second.terminal.waitForPrompt(1)
        try second.terminal.press("Up")
        try await second.terminal.waitUntil("the previous run's expression") { $0.last == "1> 12345 + 1." }
    }

    @Test("the history file is private (0600) and keeps the last entry through SIGKILL")
    func historyFileSurvivesKill() async throws {
        let swerl = try SwerlSession()
        try await swerl.terminal.waitForPrompt(1)
        try swerl.terminal.enter("lists:seq(1, 3).")
        try await swerl.terminal.waitForLine("[1,2,3]")
        let pid = try await swerl.terminal.pid()
        #expect(kill(pid, SIGKILL) == 0)
        #expect(try await swerl.terminal.waitForExit() == .killed(SIGKILL))

        let path = swerl.home.appendingPathComponent(".swerl_history").path
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o600)
        #expect(HistoryFile(path: path).entries().last == "lists:seq(1, 3).")
    }
}

/// swerl running in tmux with a fresh HOME (unless one is given) and a
/// working directory holding the tutorial modules from `examples/`. Going
/// away stops swerl and removes the directories it created.
final class SwerlSession {
    /// The terminal swerl runs in.
    let terminal: TmuxDriver
    /// swerl's HOME (where `.swerl_history` lives).
    let home: URL
    private let work: URL
    private let ownsHome: Bool

    init(home: URL? = nil) throws {
        self.ownsHome = home == nil
        self.home = try home ?? Self.makeDirectory("home")
        self.work = try Self.makeDirectory("work")
        for module in ["greeter.erl", "cache.erl", "simple_gen_server.erl"] {
            let source = SwerlBinary.examples.appendingPathComponent(module)
            if FileManager.default.fileExists(atPath: source.path) {
                try FileManager.default.copyItem(at: source, to: work.appendingPathComponent(module))
            }
        }
        guard let binary = SwerlBinary.path else { throw TmuxDriver.Failure(description: "swerl is not built") }
        terminal = try TmuxDriver([binary], workingDirectory: work,
                                  environment: ["HOME": self.home.path, "LANG": "C.UTF-8"])
    }

    deinit {
        terminal.stop()
        try? FileManager.default.removeItem(at: work)
        if ownsHome { try? FileManager.default.removeItem(at: home) }
    }

    /// A new empty temporary directory.
    static func makeDirectory(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("swerl-test-\(name)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
