#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ErlangRuntime
import ErlangShell
import ErlangStdlib
import LineEditing

/// Builds a runtime with the standard library, runs the startup actions,
/// then the shell over the right reader: libedit on a terminal, a stream
/// reader for pipes and script files.
///
/// Ctrl-C during an evaluation is the shell's to handle: it installs its
/// handler with `InterruptSignal.install(handler:)`. Until it does, Ctrl-C
/// outside line editing terminates swerl (SIGINT's default action).
struct Launcher {
    /// The parsed command line.
    let options: CommandLineOptions

    /// Runs swerl; returns the process exit status.
    func run() async -> Int32 {
        // A terminal gets every write at once; a pipe or a file gets blocks.
        // Standard I/O is latin1, as erl's is, unless the shell edits lines
        // on a terminal (io:setopts/1 may change it later).
        let encoding = isInteractive ? IOEncoding.unicode : .latin1
        let output: any OutputSink
        if isatty(1) != 0 {
            output = StandardOutput(encoding: IOEncodingSetting(encoding))
        } else {
            BufferedOutput.standardOutput.encoding?.set(encoding)
            output = BufferedOutput.standardOutput
        }
        let runtime = Runtime(clock: SystemClock(), output: output)
        Stdlib.install(in: runtime, codePath: options.codePath)
        let shell = Shell(runtime: runtime, options: ShellOptions(codePath: options.codePath))

        for action in options.startup {
            guard await shell.evaluateSilently(action.expression) else {
                // erl stops booting when an -eval/-s/-run raises, status 1.
                runtime.output.flush()
                Console.writeError("swerl: init terminating in do_boot (\(action.commandLineText))\n")
                return 1
            }
        }
        if options.noShell {
            // erl -noshell keeps the node running until halt() or a signal.
            while true { try? await Task.sleep(for: .seconds(3600)) }
        }
        guard let reader = makeReader(shell: shell, output: runtime.output) else { return 1 }
        return await shell.run(reader: reader)
    }

    /// The script file's reader, or the terminal's, or standard input's;
    /// `nil` (after a message) when the script cannot be opened. A stream
    /// reader writes its prompts to `output`, in order with everything
    /// else, and flushes it before it reads.
    private func makeReader(shell: Shell, output: any OutputSink) -> (any LineReader)? {
        let writePrompt: @Sendable (String) -> Void = { output.write($0) }
        let flush: @Sendable () -> Void = { output.flush() }
        let setting = output.encoding
        let decode: @Sendable (ArraySlice<UInt8>) -> String = { (setting?.value ?? .unicode).decode($0) }
        if let path = options.scriptPath {
            do {
                return try StreamLineReader(path: path, writePrompt: writePrompt, beforeReading: flush, decode: decode)
            } catch {
                output.flush()
                Console.writeError("swerl: cannot read \(path): \(Self.describe(error))\n")
                return nil
            }
        }
        if isInteractive {
            return EditLineReader(completer: { shell.complete($0) })
        }
        return StreamLineReader(descriptor: 0, writePrompt: writePrompt, beforeReading: flush, decode: decode)
    }

    /// Whether the shell edits lines on a terminal (no script file, and
    /// standard input and output are both terminals).
    private var isInteractive: Bool {
        options.scriptPath == nil && isatty(0) != 0 && isatty(1) != 0
    }

    private static func describe(_ error: LineEditingError) -> String {
        switch error {
        case .cannotOpen(_, let code), .cannotWrite(_, let code),
             .cannotCreatePipe(let code), .cannotInstallSignalHandler(let code):
            return String(cString: strerror(code))
        }
    }
}
