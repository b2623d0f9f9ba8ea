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
        let runtime = Runtime(clock: SystemClock(), output: StandardOutput())
        Stdlib.install(in: runtime, codePath: options.codePath)
        let shell = Shell(runtime: runtime, options: ShellOptions(codePath: options.codePath))

        for action in options.startup {
            guard await shell.evaluateSilently(action.expression) else {
                // erl stops booting when an -eval/-s/-run raises, status 1.
                Console.writeError("swerl: init terminating in do_boot (\(action.commandLineText))\n")
                return 1
            }
        }
        if options.noShell {
            // erl -noshell keeps the node running until halt() or a signal.
            while true { try? await Task.sleep(for: .seconds(3600)) }
        }
        guard let reader = makeReader(shell: shell) else { return 1 }
        return await shell.run(reader: reader)
    }

    /// The script file's reader, or the terminal's, or standard input's;
    /// `nil` (after a message) when the script cannot be opened.
    private func makeReader(shell: Shell) -> (any LineReader)? {
        if let path = options.scriptPath {
            do {
                return try StreamLineReader(path: path)
            } catch {
                Console.writeError("swerl: cannot read \(path): \(Self.describe(error))\n")
                return nil
            }
        }
        if isatty(0) != 0 && isatty(1) != 0 {
            return EditLineReader(completer: { shell.complete($0) })
        }
        return StreamLineReader()
    }

    private static func describe(_ error: LineEditingError) -> String {
        switch error {
        case .cannotOpen(_, let code), .cannotWrite(_, let code),
             .cannotCreatePipe(let code), .cannotInstallSignalHandler(let code):
            return String(cString: strerror(code))
        }
    }
}
