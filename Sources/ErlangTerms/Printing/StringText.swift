/// Strings and characters in source form, and the printable-character
/// tests that decide when a list prints as a string.
/// Mirrors `io_lib:write_string/2`, `io_lib:write_latin1_string/2`,
/// `io_lib:printable_latin1_list/1` and `io_lib:printable_unicode_list/1`.
public enum StringText {
    /// Appends one character escaped for a literal quoted by `quote`
    /// (`"` for strings, `'` for atoms), as erl's `string_char` does:
    /// the quote and `\` are escaped, `\n\r\t\v\b\f\e\d` get their short
    /// escape, other characters below 160 an octal one (`\001`), and in
    /// `latin1` characters above 255 a hex one (`\x{400}`).
    public static func appendEscaped(_ code: Int, quote: Int, encoding: PrintEncoding, to out: inout String) {
        if code == quote {
            out.append("\\")
            appendCode(code, to: &out)
            return
        }
        switch code {
        case 0x5C: out += "\\\\"
        case 0x20...0x7E, 0xA0...0xFF: appendCode(code, to: &out)
        case 0x0A: out += "\\n"
        case 0x0D: out += "\\r"
        case 0x09: out += "\\t"
        case 0x0B: out += "\\v"
        case 0x08: out += "\\b"
        case 0x0C: out += "\\f"
        case 0x1B: out += "\\e"
        case 0x7F: out += "\\d"
        case 0..<0xA0:
            out.append("\\")
            out += String(code >> 6) + String((code >> 3) & 7) + String(code & 7)
        default:
            if encoding == .unicode, Unicode.Scalar(UInt32(clamping: code)) != nil {
                appendCode(code, to: &out)
            } else {
                out += "\\x{" + String(code, radix: 16, uppercase: true) + "}"
            }
        }
    }

    /// Appends the character with code point `code` (which the caller has
    /// checked is a valid scalar, or is below 256).
    static func appendCode(_ code: Int, to out: inout String) {
        if let scalar = Unicode.Scalar(UInt32(clamping: code)) { out.unicodeScalars.append(scalar) }
    }

    /// The code points as a literal in double quotes (`io_lib:write_string/1`,
    /// or `write_string_as_latin1/1` when `encoding` is `latin1`).
    public static func quoted<C: Sequence>(_ codes: C, encoding: PrintEncoding = .unicode) -> String
    where C.Element == Int {
        var out = "\""
        for c in codes { appendEscaped(c, quote: 0x22, encoding: encoding, to: &out) }
        out.append("\"")
        return out
    }

    /// Whether `c` is printable in a Latin-1 string (`io_lib:printable_latin1_list/1`).
    public static func isPrintableLatin1(_ c: Int) -> Bool {
        switch c {
        case 0x20...0x7E, 0xA0...0xFF, 0x08...0x0D, 0x1B: return true
        default: return false
        }
    }

    /// Whether `c` is printable in a Unicode string (`io_lib:printable_unicode_list/1`).
    public static func isPrintableUnicode(_ c: Int) -> Bool {
        switch c {
        case 0x20...0x7E, 0x08...0x0D, 0x1B, 0xA0..<0xD800, 0xE000..<0xFFFE, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// Whether `c` is printable in `range`.
    public static func isPrintable(_ c: Int, in range: PrintableRange) -> Bool {
        switch range {
        case .latin1: return isPrintableLatin1(c)
        case .unicode: return isPrintableUnicode(c)
        }
    }

    /// The code points of a proper list of characters printable in `range`
    /// (`io_lib:printable_list/1`), or `nil`. `[]` gives `[]`: erl counts the
    /// empty list as printable, though printers show it as `[]`.
    public static func printableCodes(_ term: Term, range: PrintableRange = .latin1) -> [Int]? {
        var codes: [Int] = []
        var current = term
        while case .cons(let cell) = current {
            guard case .int(let c) = cell.head, isPrintable(c, in: range) else { return nil }
            codes.append(c)
            current = cell.tail
        }
        guard case .nil = current else { return nil }
        return codes
    }

    /// The number of characters in `text`, as `io_lib:chars_length/1`
    /// counts them for layout (code points).
    public static func length(_ text: String) -> Int { text.unicodeScalars.count }
}
