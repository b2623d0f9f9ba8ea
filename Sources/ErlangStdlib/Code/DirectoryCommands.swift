#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ErlangRuntime
import ErlangTerms

/// The shell's working-directory commands: `pwd/0` prints the directory;
/// `cd/1` changes to it when it can (a bad or missing name changes
/// nothing) and prints the directory it is then in. Mirrors `c:pwd/0` and
/// `c:cd/1`; like erl's file server, the directory is the whole node's.
public enum DirectoryCommands {
    /// `pwd/0` and `cd/1`.
    public static let functions: FunctionTable = [
        bif("pwd", 0, { p, _ in
            p.runtime.output.write(currentDirectory() + "\n")
            return .ok
        }),
        bif("cd", 1, { p, args in
            if let path = args[0].nameText, !path.isEmpty { _ = chdir(path) }
            p.runtime.output.write(currentDirectory() + "\n")
            return .ok
        }),
    ]

    /// The process's working directory (`.` if it cannot be read).
    static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "." }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
