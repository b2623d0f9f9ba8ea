#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLibEdit
import Synchronization

/// The history: libedit keeps it in memory (Up/Down), `HistoryFile` keeps
/// it on disk. Failing to use the file is reported once and is not fatal.
extension EditLineReader {
    /// Creates the history file if needed, compacts it to `historyLimit`
    /// entries and loads it into libedit.
    func loadHistory() {
        Readline.lock.withLock { _ in
            stifle_history(Int32(clamping: historyLimit))
            guard let path = historyPath else { return }
            let file = HistoryFile(path: path)
            do throws(LineEditingError) {
                try file.create()
                try file.compact(keepingLast: historyLimit)
            } catch {
                Self.warnOnce(error)
            }
            for entry in file.entries().suffix(historyLimit) {
                _ = add_history(entry)
            }
        }
    }

    /// Adds `entry` to the in-memory history and appends it to the file.
    func appendToHistory(_ entry: String) {
        Readline.lock.withLock { _ in
            _ = add_history(entry)
            guard let path = historyPath else { return }
            do throws(LineEditingError) {
                try HistoryFile(path: path).append(entry)
            } catch {
                Self.warnOnce(error)
            }
        }
    }

    /// Prints one warning about the history file per process, to stderr.
    private static func warnOnce(_ error: LineEditingError) {
        let first = historyWarning.withLock { warned -> Bool in
            defer { warned = true }
            return !warned
        }
        guard first else { return }
        let reason: String
        switch error {
        case .cannotOpen(let path, let code), .cannotWrite(let path, let code):
            reason = "\(path): \(String(cString: strerror(code)))"
        case .cannotCreatePipe(let code), .cannotInstallSignalHandler(let code):
            reason = String(cString: strerror(code))
        }
        let line = Array("swerl: history file \(reason) (history is not saved)\n".utf8)
        _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    }
}

/// Whether the history-file warning was printed already.
private let historyWarning = Mutex(false)
