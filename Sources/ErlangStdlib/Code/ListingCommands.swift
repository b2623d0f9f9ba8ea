#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ErlangRuntime
import ErlangTerms

/// The shell's directory listing `ls/0` and `ls/1`: the names sorted, in
/// columns as wide as the longest name (at most 40) plus five (a longer
/// name is cut), a line broken once the next column would reach column 80. A file is listed by
/// itself; a name that does not exist prints `no such file or directory`.
/// Mirrors `c:ls/0,1`.
public enum ListingCommands {
    /// `ls/0` and `ls/1`.
    public static let functions: FunctionTable = [
        bif("ls", 0, { p, _ in
            p.runtime.output.write(listing(of: "."))
            return .ok
        }),
        bif("ls", 1, { p, args in
            guard let path = args[0].nameText else {
                p.runtime.output.write("bad argument\n")
                return .ok
            }
            p.runtime.output.write(listing(of: path))
            return .ok
        }),
    ]

    /// What `ls(Path)` prints.
    static func listing(of path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return "no such file or directory\n" }
        if (info.st_mode & S_IFMT) != S_IFDIR { return columns([path]) }
        guard let dir = opendir(path) else { return "no such file or directory\n" }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return columns(names.sorted { Array($0.unicodeScalars.map(\.value)).lexicographicallyPrecedes($1.unicodeScalars.map(\.value)) })
    }

    /// `names` laid out in columns, as c:ls prints them.
    static func columns(_ names: [String]) -> String {
        guard !names.isEmpty else { return "" }
        let width = min(names.map { $0.unicodeScalars.count }.max() ?? 0, 40) + 5
        var out = ""
        var length = 0
        for name in names {
            // `~-*ts`: padded to the width, a longer name cut to it.
            let scalars = name.unicodeScalars
            out += String(String.UnicodeScalarView(scalars.prefix(width)))
                + String(repeating: " ", count: max(0, width - scalars.count))
            length += width
            if length + width >= 80 {
                out += "\n"
                length = 0
            }
        }
        return out + "\n"
    }
}
