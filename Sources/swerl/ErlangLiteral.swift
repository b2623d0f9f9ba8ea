/// Erlang source text for values taken from the command line.
enum ErlangLiteral {
    /// Words that cannot be unquoted atoms.
    private static let reservedWords: Set<String> = [
        "after", "and", "andalso", "band", "begin", "bnot", "bor", "bsl", "bsr", "bxor",
        "case", "catch", "cond", "div", "else", "end", "fun", "if", "let", "maybe", "not",
        "of", "or", "orelse", "receive", "rem", "try", "when", "xor",
    ]

    /// `text` as an atom: bare when erl would print it bare, else quoted.
    static func atom(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        let bare = !scalars.isEmpty
            && ("a"..."z").contains(scalars[0])
            && scalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "@" }
            && !reservedWords.contains(text)
        return bare ? text : "'" + escaped(text, quote: "'") + "'"
    }

    /// `text` as a string literal.
    static func string(_ text: String) -> String {
        "\"" + escaped(text, quote: "\"") + "\""
    }

    private static func escaped(_ text: String, quote: Unicode.Scalar) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case quote, "\\": out += "\\" + String(scalar)
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f {
                    out += "\\x{" + String(scalar.value, radix: 16) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
