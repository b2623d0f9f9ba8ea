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
        let output: any OutputSink = isatty(1) != 0 ? StandardOutput() : BufferedOutput.standardOutput
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
        if let path = options.scriptPath {
            do {
                return try StreamLineReader(path: path, writePrompt: writePrompt, beforeReading: flush)
            } catch {
                output.flush()
                Console.writeError("swerl: cannot read \(path): \(Self.describe(error))\n")
                return nil
            }
        }
        if isatty(0) != 0 && isatty(1) != 0 {
            return EditLineReader(completer: { shell.complete($0) })
        }
        return StreamLineReader(descriptor: 0, writePrompt: writePrompt, beforeReading: flush)
    }

    private static func describe(_ error: LineEditingError) -> String {
        switch error {
        case .cannotOpen(_, let code), .cannotWrite(_, let code),
             .cannotCreatePipe(let code), .cannotInstallSignalHandler(let code):
            return String(cString: strerror(code))
        }
    }
}
