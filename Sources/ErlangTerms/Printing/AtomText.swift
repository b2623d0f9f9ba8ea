/// How an atom is written: bare when it can be, else in single quotes with
/// escapes. Mirrors `io_lib:write_atom/1` (`unicode`) and
/// `io_lib:write_atom_as_latin1/1` (`latin1`).
public enum AtomText {
    /// Erlang's reserved words (`erl_scan:reserved_word/1` in OTP 25, where
    /// `maybe` and `else` are not reserved without the `maybe_expr` feature,
    /// which swerl does not support): they print quoted, and the scanner
    /// reads them as keywords.
    public static let reserved: SpellingSet = [
        "after", "and", "andalso", "band", "begin", "bnot", "bor", "bsl", "bsr", "bxor", "case", "catch",
        "cond", "div", "end", "fun", "if", "let", "not", "of", "or", "orelse", "receive", "rem", "try",
        "when", "xor",
    ]

    /// The atom in source form.
    public static func quoted(_ atom: Atom, encoding: PrintEncoding = .latin1) -> String {
        quoted(atom.text, encoding: encoding)
    }

    /// `text` as an atom in source form: `hello`, `'hello world'`, `'A'`,
    /// `'case'`. With `reservedWordsBare` a reserved word stays bare, as
    /// erts writes the names in `fun M:F/A` (`fun m:receive/0`).
    public static func quoted(_ text: String, encoding: PrintEncoding = .latin1, reservedWordsBare: Bool = false) -> String {
        if !needsQuotes(text, reservedWordsBare: reservedWordsBare) { return text }
        var out = "'"
        for scalar in text.unicodeScalars {
            StringText.appendEscaped(Int(scalar.value), quote: 0x27, encoding: encoding, to: &out)
        }
        out.append("'")
        return out
    }

    /// Whether the atom must be quoted (`io_lib:quote_atom/2`): it is a
    /// reserved word, or does not start with a lowercase letter followed
    /// by letters, digits, `_` and `@` (Latin-1 letters included).
    public static func needsQuotes(_ text: String, reservedWordsBare: Bool = false) -> Bool {
        let scalars = text.unicodeScalars
        guard let first = scalars.first else { return true }
        let v = first.value
        guard (0x61...0x7A).contains(v) || ((0xDF...0xFF).contains(v) && v != 0xF7) else { return true }
        for s in scalars.dropFirst() where !isNameCharacter(s.value) { return true }
        return !reservedWordsBare && reserved.contains(text)
    }

    static func isNameCharacter(_ v: UInt32) -> Bool {
        switch v {
        case 0x61...0x7A, 0x41...0x5A, 0x30...0x39, 0x5F, 0x40: return true
        case 0xC0...0xFF: return v != 0xD7 && v != 0xF7
        default: return false
        }
    }
}
