import ErlangRuntime
import ErlangTerms

/// The `io_lib` module: formatting to character lists. `format/2` answers
/// a list whose elements are the format's literal characters and one
/// string per control sequence, as OTP's `io_lib:format/2` does (OTP nests
/// some pieces deeper; every consumer flattens). Mirrors OTP's `io_lib`.
enum IOLibModule {
    /// The exported functions.
    static let functions: FunctionTable = [
        bif("format", 2, { _, a in try format(a[0], a[1]) }),
        // format/3's options (OTP 21+): only `chars_limit` means anything, and
        // Swerl does not apply it (known difference: long terms are not cut short).
        bif("format", 3, { _, a in
            guard a[2].listElements != nil else {
                throw StdlibError.withArgs(.atom(.badarg), "io_lib", "format", [a[0], a[1]], line: 202)
            }
            return try format(a[0], a[1])
        }),
        bif("fwrite", 2, { _, a in try format(a[0], a[1]) }),
        bif("write", 1, { _, a in IOLibWrite.write(a[0], depth: -1) }),
        bif("write", 2, { _, a in
            guard case .int(let depth) = a[1] else { throw ErlangException.badarg }
            return IOLibWrite.write(a[0], depth: depth)
        }),
        bif("print", 1, { _, a in
            let text = PrettyPrinter().print(a[0], column: 1)
            return text.contains("\n") ? .string(text) : IOLibWrite.write(a[0], depth: -1, strings: true)
        }),
        bif("print", 4, { _, a in
            guard case .int(let column) = a[1], case .int(let length) = a[2], case .int(let depth) = a[3] else {
                throw ErlangException.badarg
            }
            let text = PrettyPrinter(lineLength: length, depth: depth).print(a[0], column: column)
            return text.contains("\n") || depth >= 0 ? .string(text) : IOLibWrite.write(a[0], depth: -1, strings: true)
        }),
        bif("nl", 0, { _, _ in .string("\n") }),
        bif("write_atom", 1, { _, a in
            guard case .atom(let atom) = a[0] else { throw ErlangException.error(.atom(.functionClause)) }
            return .string(AtomText.quoted(atom))
        }),
        bif("quote_atom", 2, { _, a in
            guard case .atom = a[0] else { throw ErlangException.error(.atom(.functionClause)) }
            if case .atom(let chars) = a[1] { return .bool(AtomText.needsQuotes(chars.text)) }
            guard let text = Text.string(a[1]) else { throw ErlangException.error(.atom(.functionClause)) }
            return .bool(AtomText.needsQuotes(text))
        }),
        bif("write_string", 1, { _, a in
            guard let codes = codes(a[0]) else { throw ErlangException.error(.atom(.functionClause)) }
            return .string(StringText.quoted(codes))
        }),
        bif("write_char", 1, { _, a in
            guard case .int(let c) = a[0], c >= 0 else { throw ErlangException.error(.atom(.functionClause)) }
            return .string("$" + charText(c))
        }),
        bif("char_list", 1, { _, a in .bool(isCharList(a[0], deep: false)) }),
        bif("deep_char_list", 1, { _, a in .bool(isCharList(a[0], deep: true)) }),
        bif("printable_list", 1, { _, a in .bool(printable(a[0], .latin1)) }),
        bif("printable_latin1_list", 1, { _, a in .bool(printable(a[0], .latin1)) }),
        bif("printable_unicode_list", 1, { _, a in .bool(printable(a[0], .unicode)) }),
        bif("indentation", 2, { _, a in
            guard a[1].isInteger, let data = CharData(a[0]) else { throw ErlangException.badarg }
            // Terms, not Ints: a column near Int's limits grows into a big integer as in erl.
            var column = a[1]
            for c in data.codes {
                switch c {
                case 0x0A: column = .int(0)
                case 0x09: column = try Arithmetic.multiply(try Arithmetic.intDiv(try Arithmetic.add(column, .int(8)), .int(8)), .int(8))
                default: column = try Arithmetic.add(column, .int(1))
                }
            }
            return column
        }),
    ]

    /// `io_lib:format/2`: the format's characters and control outputs.
    static func format(_ format: Term, _ args: Term) throws -> Term {
        let chunks = try ErlangFormat.chunks(format, args)
        return .list(chunks.map { chunk -> Term in
            switch chunk {
            case .character(let c): return .int(c)
            case .text(let s): return .string(s)
            }
        })
    }

    /// The codes of a flat list of integers, or `nil`.
    static func codes(_ term: Term) -> [Int]? {
        guard let items = term.listElements else { return nil }
        var out: [Int] = []
        for item in items {
            guard case .int(let c) = item else { return nil }
            out.append(c)
        }
        return out
    }

    /// A character after `$`, escaped as `io_lib:write_char/1` does.
    static func charText(_ c: Int) -> String {
        var out = ""
        StringText.appendEscaped(c, quote: 0x24, encoding: .latin1, to: &out)
        return out
    }

    /// `char_list/1` (flat) and `deep_char_list/1` (nested lists allowed):
    /// every element a Unicode code point.
    static func isCharList(_ term: Term, deep: Bool) -> Bool {
        var stack: [Term] = [term]
        while let t = stack.popLast() {
            switch t {
            case .nil: continue
            case .cons(let cell):
                stack.append(cell.tail)
                switch cell.head {
                case .int(let c):
                    guard c >= 0, c <= 0x10FFFF, !(0xD800...0xDFFF).contains(c) else { return false }
                case .nil, .cons:
                    guard deep else { return false }
                    stack.append(cell.head)
                case .bigInt, .float, .atom, .tuple, .map, .binary, .pid, .ref, .fun:
                    return false
                }
            case .int, .bigInt, .float, .atom, .tuple, .map, .binary, .pid, .ref, .fun:
                return false
            }
        }
        return true
    }

    /// Whether `term` is a flat list of printable characters of `range`.
    static func printable(_ term: Term, _ range: PrintableRange) -> Bool {
        guard let codes = codes(term) else { return false }
        return codes.allSatisfy { StringText.isPrintable($0, in: range) }
    }
}
