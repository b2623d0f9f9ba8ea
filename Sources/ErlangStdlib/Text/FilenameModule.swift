import ErlangRuntime
import ErlangTerms

/// The `filename` module on Unix. Mirrors OTP 25's `filename.erl`: names
/// are strings, atoms, deep lists of those, or binaries; a binary argument
/// gives binary results. `join` normalizes as erl does: repeated `/`
/// collapse, a `.` component before a `/` goes, a trailing `/` is dropped
/// (except the root), and an absolute second name replaces the first.
/// Nothing touches the file system except `absname/1` (the working directory).
enum FilenameModule {
    /// The exported functions.
    static let functions: FunctionTable = [
        bif("join", 1, { _, a in
            guard let parts = a[0].listElements, !parts.isEmpty else { throw clause("join", a, 439) }
            var names = try parts.map { try name($0, "join", [a[0]], 439) }
            var joined = names.removeFirst()
            if names.isEmpty { return joined.result(join(joined.text, "")) }
            for next in names { joined = Name(text: join(joined.text, next.text), binary: joined.binary || next.binary) }
            return joined.result(joined.text)
        }),
        bif("join", 2, { _, a in
            let first = try name(a[0], "join", a, 453), second = try name(a[1], "join", a, 453)
            return Name(text: "", binary: first.binary || second.binary).result(join(first.text, second.text))
        }),
        bif("basename", 1, { _, a in
            let n = try name(a[0], "basename", a, 188)
            return n.result(basename(n.text))
        }),
        bif("basename", 2, { _, a in
            let n = try name(a[0], "basename", a, 214), ext = try name(a[1], "basename", a, 214)
            let base = basename(n.text)
            // erl strips the extension only when the name does not end in a `/`.
            guard !ext.text.isEmpty, !n.text.hasSuffix("/"), base.hasSuffix(ext.text) else { return n.result(base) }
            return n.result(String(base.dropLast(ext.text.count)))
        }),
        bif("dirname", 1, { _, a in
            let n = try name(a[0], "dirname", a, 266)
            return n.result(dirname(n.text))
        }),
        bif("extension", 1, { _, a in
            let n = try name(a[0], "extension", a, 335)
            return n.result(fileExtension(n.text))
        }),
        bif("rootname", 1, { _, a in
            let n = try name(a[0], "rootname", a, 606)
            return n.result(rootname(n.text))
        }),
        bif("rootname", 2, { _, a in
            let n = try name(a[0], "rootname", a, 630), ext = try name(a[1], "rootname", a, 630)
            guard !ext.text.isEmpty, n.text.hasSuffix(ext.text) else { return n.result(n.text) }
            return n.result(String(n.text.dropLast(ext.text.count)))
        }),
        bif("split", 1, { _, a in
            let n = try name(a[0], "split", a, 665)
            var parts = n.text.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
            if n.text.hasPrefix("/") { parts.insert("/", at: 0) }
            return .list(parts.map { n.result($0) })
        }),
        bif("absname", 1, { _, a in
            let n = try name(a[0], "absname", a, 86)
            if n.text.hasPrefix("/") { return n.result(join(n.text, "")) }
            return n.result(join(SourceFiles.currentDirectory(), n.text))
        }),
        bif("pathtype", 1, { _, a in
            let n = try name(a[0], "pathtype", a, 553)
            return .atom(n.text.hasPrefix("/") ? "absolute" : "relative")
        }),
    ]

    /// A file name's text, and whether it came as a binary.
    struct Name {
        /// The characters.
        let text: String
        /// Whether results are binaries.
        let binary: Bool

        /// `text` as a result term: a binary or a string, as the argument was.
        func result(_ text: String) -> Term { binary ? .binary(utf8: text) : .string(text) }
    }

    /// `function_clause` in `filename:function(args...)`.
    static func clause(_ function: String, _ args: [Term], _ line: Int) -> ErlangException {
        StdlibError.functionClause("filename", function, args, line: line)
    }

    /// A name from a string, atom, binary or deep list of characters and atoms.
    static func name(_ term: Term, _ function: String, _ args: [Term], _ line: Int) throws -> Name {
        if case .binary(let bits) = term, let text = String(validating: bits.bytes, as: UTF8.self) {
            return Name(text: text, binary: true)
        }
        guard term.isList || term.atomValue != nil else { throw clause(function, args, line) }
        var scalars = String.UnicodeScalarView()
        var pending = [term]
        while let next = pending.popLast() {
            switch next {
            case .atom(let atom): scalars.append(contentsOf: atom.text.unicodeScalars)
            case .int(let code):
                guard let scalar = Unicode.Scalar(UInt32(clamping: code)) else { throw clause(function, args, line) }
                scalars.append(scalar)
            case .nil: break
            case .cons(let cell):
                pending.append(cell.tail)
                pending.append(cell.head)
            case .binary(let bits):
                guard let text = String(validating: bits.bytes, as: UTF8.self) else { throw clause(function, args, line) }
                scalars.append(contentsOf: text.unicodeScalars)
            case .bigInt, .float, .tuple, .map, .pid, .ref, .fun:
                throw clause(function, args, line)
            }
        }
        return Name(text: String(scalars), binary: false)
    }

    /// `join(Name1, Name2)` on text: erl's walk, character by character.
    static func join(_ first: String, _ second: String) -> String {
        var out: [Character] = []
        func add(_ c: Character) {
            if c == "/" {
                if out.last == "/" { return }
                if out.count >= 2, out[out.count - 1] == ".", out[out.count - 2] == "/" { out.removeLast(); return }
            }
            out.append(c)
        }
        let (start, rest) = second.hasPrefix("/") ? (second, "") : (first, second)
        for c in start { add(c) }
        if !rest.isEmpty {
            if out.count >= 2, out[out.count - 1] == ".", out[out.count - 2] == "/" {
                out.removeLast()
            } else if out.last != "/" {
                out.append("/")
            }
            for c in rest { add(c) }
        }
        if out.count > 1, out.last == "/" { out.removeLast() }
        return String(out)
    }

    /// The last component, trailing `/`s ignored (`""` for the root).
    static func basename(_ text: String) -> String {
        var trimmed = Substring(text)
        while trimmed.last == "/" { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return String(trimmed) }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    /// Everything before the last component, or `.` (or `/` for an absolute name).
    static func dirname(_ text: String) -> String {
        guard let slash = text.lastIndex(of: "/") else { return "." }
        var dir = text[..<slash]
        while dir.last == "/" { dir = dir.dropLast() }
        if dir.isEmpty { return "/" }
        return String(dir)
    }

    /// `rootname/1`: the name without the last component's extension; a
    /// leading `.` of the whole name starts an extension, one after a `/` does not.
    static func rootname(_ text: String) -> String {
        let chars = Array(text)
        guard let dot = chars.lastIndex(of: "."), !chars[dot...].contains("/") else { return text }
        if dot > 0, chars[dot - 1] == "/" { return text }
        return String(chars[..<dot])
    }

    /// The last component's extension from its last `.` (not a leading one), or `""`.
    static func fileExtension(_ text: String) -> String {
        let last = text.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        guard let dot = last.lastIndex(of: "."), dot != last.startIndex else { return "" }
        return String(last[dot...])
    }
}
