import Foundation

/// Runs one program in a private tmux server (its own socket and config, so
/// a user's tmux is never touched) and drives it as a person would: typing,
/// pressing keys, reading the screen.
///
/// Every wait is bounded and polls the screen (`capture-pane`) until the
/// expected content appears; nothing sleeps for a fixed time and hopes.
final class TmuxDriver {
    /// Why driving the terminal failed.
    struct Failure: Error, CustomStringConvertible {
        /// What went wrong, with the screen at that moment when known.
        var description: String
    }

    /// `tmux` on `PATH`, or `nil` when it is not installed.
    static let tmuxPath: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":")
            .map { String($0) + "/tmux" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// A private directory for the socket, the config and the pid file.
    let directory: URL
    private let tmux: String
    private let session = "swerl"
    private var stopped = false
    private var socket: String { directory.appendingPathComponent("tmux.sock").path }
    /// Where the wrapper shell writes its own pid.
    private var wrapperPidFile: URL { directory.appendingPathComponent("wrapper.pid") }
    /// Where the wrapper shell writes the program's exit status.
    private var statusFile: URL { directory.appendingPathComponent("status") }

    /// Starts `arguments` (program first) in a `width`x`height` terminal,
    /// in `workingDirectory`, with `environment` added to tmux's own.
    init(_ arguments: [String], workingDirectory: URL, environment: [String: String],
         width: Int = 120, height: Int = 40) throws {
        guard let tmux = Self.tmuxPath else { throw Failure(description: "tmux is not installed") }
        self.tmux = tmux
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("swerl-tmux-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let config = directory.appendingPathComponent("tmux.conf")
        try """
            set -g remain-on-exit on
            set -g default-terminal screen
            set -g status off

            """.write(to: config, atomically: false, encoding: .utf8)
        // A small /bin/sh wrapper runs the program as its child and writes
        // the program's exit status to a file: tmux 3.3 sometimes never
        // reaps an exited pane (its pane_dead_status stays empty). The
        // wrapper catches SIGINT with a no-op trap, so Ctrl-C reaches only
        // the program (a caught signal is reset to default across exec).
        let assignments = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }
        let command = "trap : INT; echo $$ > \(Self.quote(wrapperPidFile.path)); env "
            + assignments.joined(separator: " ") + " "
            + arguments.map(Self.quote).joined(separator: " ")
            + "; echo $? > \(Self.quote(statusFile.path))"
        // This command starts the tmux server, a daemon: its output goes to
        // a file, not to pipes the daemon would hold open.
        try run(["-f", config.path, "new-session", "-d", "-s", session,
                 "-x", String(width), "-y", String(height), "-c", workingDirectory.path, command],
                outputFile: directory.appendingPathComponent("start.log"))
    }

    deinit { stop() }

    /// Stops the private tmux server (and the program, if still running).
    func stop() {
        guard !stopped else { return }
        stopped = true
        _ = try? run(["kill-server"], allowFailure: true)
        try? FileManager.default.removeItem(at: directory)
    }

    /// Types `text` literally (no key names are interpreted).
    func type(_ text: String) throws {
        try run(["send-keys", "-t", session, "-l", text])
    }

    /// Presses keys by tmux name: `Enter`, `Up`, `Tab`, `C-c`, `C-d`, ...
    func press(_ keys: String...) throws {
        try run(["send-keys", "-t", session] + keys)
    }

    /// Types `line` and presses Enter.
    func enter(_ line: String) throws {
        try type(line)
        try press("Enter")
    }

    /// The visible screen, wrapped lines joined, trailing spaces removed.
    func screen() throws -> String {
        let text = try run(["capture-pane", "-p", "-J", "-t", session])
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in
                var line = Substring(line)
                while line.last == " " { line.removeLast() }
                return String(line)
            }
            .joined(separator: "\n")
    }

    /// The screen's lines, without the trailing empty ones.
    func lines() throws -> [String] {
        var lines = try screen().components(separatedBy: "\n")
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// Polls the screen until `condition` holds; returns the lines then.
    /// Throws, showing the screen, when `timeout` seconds pass first.
    @discardableResult
    func waitUntil(_ what: String, timeout: Double = 10,
                   _ condition: ([String]) -> Bool) async throws -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let current = try lines()
            if condition(current) { return current }
            if Date() > deadline {
                throw Failure(description: "timed out after \(timeout)s waiting for \(what); screen:\n"
                              + current.joined(separator: "\n"))
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Waits until some screen line is exactly `line`.
    @discardableResult
    func waitForLine(_ line: String, count: Int = 1, timeout: Double = 10) async throws -> [String] {
        try await waitUntil("\(count) line(s) \"\(line)\"", timeout: timeout) { lines in
            lines.filter { $0 == line }.count >= count
        }
    }

    /// Waits until the last screen line is the empty prompt `N> `.
    @discardableResult
    func waitForPrompt(_ number: Int, timeout: Double = 10) async throws -> [String] {
        try await waitUntil("prompt \(number)>", timeout: timeout) { lines in
            lines.last == "\(number)>"
        }
    }

    /// Polls the screen for `seconds` and throws as soon as `condition`
    /// stops holding: for checking that something does not happen (a
    /// running evaluation prints nothing and shows no prompt).
    func expectHolds(_ what: String, for seconds: Double, _ condition: ([String]) -> Bool) async throws {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            let current = try lines()
            if !condition(current) {
                throw Failure(description: "expected \(what) for \(seconds)s; screen:\n"
                              + current.joined(separator: "\n"))
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// How the program ended, once tmux knows: `.exited(status)` or
    /// `.killed(signal)`; `nil` while it runs.
    enum Ending: Equatable {
        case exited(Int32)
        case killed(Int32)
    }

    /// The program's ending, or `nil` while it is running.
    func ending() throws -> Ending? {
        guard let text = try? String(contentsOf: statusFile, encoding: .utf8),
              let status = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) else { return nil }
        // The shell reports death by signal N as 128 + N.
        return status > 128 ? .killed(status - 128) : .exited(status)
    }

    /// Waits until the program has ended; returns how.
    @discardableResult
    func waitForExit(timeout: Double = 10) async throws -> Ending {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let ending = try ending() { return ending }
            if Date() > deadline {
                throw Failure(description: "timed out after \(timeout)s waiting for exit; screen:\n"
                              + (try screen()))
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// The program's pid: the only child of the wrapper shell.
    func pid(timeout: Double = 10) async throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let text = try? String(contentsOf: wrapperPidFile, encoding: .utf8),
               let wrapper = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)),
               let children = try? String(contentsOfFile: "/proc/\(wrapper)/task/\(wrapper)/children", encoding: .utf8),
               let child = children.split(separator: " ").first.flatMap({ Int32($0) }) {
                return child
            }
            if Date() > deadline { throw Failure(description: "no program pid after \(timeout)s") }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Runs one tmux command on the private socket; returns its output.
    @discardableResult
    private func run(_ arguments: [String], allowFailure: Bool = false, outputFile: URL? = nil) throws -> String {
        var environment = ProcessInfo.processInfo.environment
        if environment["TERM"] == nil { environment["TERM"] = "screen" }
        // -u: UTF-8 even when the test runs without a UTF-8 locale (CI).
        let result = try runProcess(tmux, ["-u", "-S", socket] + arguments, environment: environment,
                                    timeout: 20, outputFile: outputFile)
        if result.status != 0 && !allowFailure {
            throw Failure(description: "tmux \(arguments.joined(separator: " ")) failed (\(result.status)): "
                          + result.output + result.errorOutput)
        }
        return result.output
    }

    /// `text` quoted for /bin/sh.
    static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
