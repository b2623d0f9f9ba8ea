/// A host failure in terminal input or the history file: something the
/// operating system refused. Reading a line never throws (end of input is
/// `nil`).
public enum LineEditingError: Error, Sendable, Equatable {
    /// `pipe(2)` failed with this `errno` while installing the SIGINT hook.
    case cannotCreatePipe(errno: Int32)
    /// `sigaction(2)` failed with this `errno`.
    case cannotInstallSignalHandler(errno: Int32)
    /// The input file could not be opened (path, `errno`).
    case cannotOpen(path: String, errno: Int32)
    /// Writing the file failed (path, `errno`).
    case cannotWrite(path: String, errno: Int32)
}
