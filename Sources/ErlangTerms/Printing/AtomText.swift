/// How an atom is written: bare when it can be, else in single quotes with
/// escapes. Mirrors `io_lib:write_atom/1`.
public enum AtomText {
    /// Erlang's reserved words, which must be quoted as atoms.
    static let reserved: Set<String> = [
        "after", "and", "andalso", "band", "begin", "bnot", "bor", "bsl", "bsr", "bxor", "case", "catch",
        "cond", "div", "end", "fun", "if", "let", "not", "of", "or", "orelse", "receive", "rem", "try",
        "when", "xor", "maybe", "else",
    ]

    /// The atom as source text.
    public static func quoted(_ atom: Atom) -> String { quoted(atom.text) }

    /// `text` as an atom in source form.
    public static func quoted(_ text: String) -> String {
        if needsNoQuotes(text) { return text }
        var out = "'"
        for scalar in text.unicodeScalars {
            out += StringText.escape(scalar, quote: "'")
        }
        return out + "'"
    }

    static func needsNoQuotes(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        guard ("a"..."z").contains(first) || (0xDF...0xFF).contains(first.value) && first.value != 0xF7 else { return false }
        for s in text.unicodeScalars {
            let v = s.value
            let ok = ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) || s == "_" || s == "@"
                || ((0xC0...0xFF).contains(v) && v != 0xD7 && v != 0xF7)
            if !ok { return false }
        }
        return !reserved.contains(text)
    }
}

/// Writing strings in double quotes, as `io_lib:write_string/1` does.
public enum StringText {
    /// One character, escaped for a quoted string or atom.
    static func escape(_ scalar: Unicode.Scalar, quote: Unicode.Scalar) -> String {
        let c = scalar.value
        if scalar == quote { return "\\" + String(quote) }
        switch c {
        case 0x5C: return "\\\\"
        case 0x20...0x7E, 0xA0...0xFF: return String(scalar)
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x09: return "\\t"
        case 0x0B: return "\\v"
        case 0x08: return "\\b"
        case 0x0C: return "\\f"
        case 0x1B: return "\\e"
        case 0x7F: return "\\d"
        case 0..<0xA0:
            return "\\" + String((c >> 6) & 7) + String((c >> 3) & 7) + String(c & 7)
        default:
            return "\\x{" + String(c, radix: 16, uppercase: true) + "}"
        }
    }

    /// The code points as a double-quoted string literal.
    public static func quoted<C: Sequence>(_ codes: C) -> String where C.Element == Int {
        var out = "\""
        for c in codes {
            if let s = Unicode.Scalar(UInt32(clamping: c)) { out += escape(s, quote: "\"") }
        }
        return out + "\""
    }

    /// Whether `c` counts as printable in a latin1 string (`io_lib:printable_latin1_list/1`).
    public static func isPrintableLatin1(_ c: Int) -> Bool {
        (0x20...0x7E).contains(c) || (0xA0...0xFF).contains(c) || (8...13).contains(c) || c == 27
    }

    /// Whether `c` counts as printable in a unicode string (`io_lib:printable_list/1` with +pc unicode).
    public static func isPrintableUnicode(_ c: Int) -> Bool {
        isPrintableLatin1(c) || (c >= 0x100 && c < 0x110000 && !(0xD800...0xDFFF).contains(c) && c != 0xFFFE && c != 0xFFFF)
    }

    /// The code points of a flat printable list (`[]` excluded), or `nil`.
    public static func printableCodes(_ term: Term, unicode: Bool = false) -> [Int]? {
        guard case .cons = term else { return nil }
        var codes: [Int] = []
        var current = term
        while case .cons(let cell) = current {
            guard case .int(let c) = cell.head,
                  unicode ? isPrintableUnicode(c) : isPrintableLatin1(c) else { return nil }
            codes.append(c)
            current = cell.tail
        }
        guard case .nil = current else { return nil }
        return codes
    }
}
