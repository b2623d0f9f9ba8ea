#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ErlangSyntax

/// Reading `-record` definitions from source files, for the shell's
/// `rr("file.erl")` and `rr("*.hrl")`. Mirrors the file half of shell.erl's
/// `read_records`: a file is preprocessed as the compiler would (its
/// includes too), and every record it defines counts.
public enum RecordFiles {
    /// The records defined in the file at `path` (`.erl` or `.hrl`), in
    /// source order; `nil` when it cannot be read.
    public static func records(inFile path: String) -> [RecordDefinition]? {
        guard let text = SourceFiles.read(path) else { return nil }
        let source = ModuleParser.parse(text, file: path, directory: SourceFiles.directory(of: path),
                                        readFile: SourceFiles.read)
        return source.records
    }

    /// The files `pattern` names: the matches of a shell wildcard
    /// (`*.erl`, `src/?.hrl`), sorted; none when nothing matches.
    public static func files(matching pattern: String) -> [String] {
        var matches = glob_t()
        defer { globfree(&matches) }
        guard glob(pattern, 0, nil, &matches) == 0 else { return [] }
        var files: [String] = []
        for index in 0..<Int(matches.gl_pathc) {
            if let path = matches.gl_pathv[index] { files.append(String(cString: path)) }
        }
        return files.sorted()
    }
}
