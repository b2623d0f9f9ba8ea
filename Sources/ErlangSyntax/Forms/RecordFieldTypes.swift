/// The `:: Type` annotations of a `-record` attribute's fields, kept as
/// text for the shell's `rl()` (which prints them as erl_pp does:
/// `-record(state,{count :: integer()}).`). The compiler itself ignores
/// field types.
enum RecordFieldTypes {
    /// The type text of each field of the record attribute `form`, in
    /// field order (`nil` for a field without a type).
    static func texts(_ form: [Token]) -> [String?] {
        guard let open = form.firstIndex(where: { $0.kind == .symbol("{") }) else { return [] }
        var types: [String?] = []
        var current: [Token]?
        var depth = 0
        for token in form[(open + 1)...] {
            if isOpening(token) { depth += 1 }
            if isClosing(token) {
                if depth == 0 {
                    types.append(current.map(text))
                    return types
                }
                depth -= 1
            }
            if depth == 0, token.kind == .symbol(",") {
                types.append(current.map(text))
                current = nil
                continue
            }
            if depth == 0, token.kind == .symbol("::"), current == nil {
                current = []
                continue
            }
            current?.append(token)
        }
        return types
    }

    /// Type tokens written back as erl_pp writes types: `a | b`,
    /// `{integer(), atom()}`, `fun((integer()) -> ok)`, `1..10`, `#{k => v}`.
    static func text(_ tokens: [Token]) -> String {
        var out = ""
        for token in tokens {
            switch token.kind {
            case .symbol(let s) where spaced.contains(s):
                out += " \(s) "
            case .symbol(","):
                out += ", "
            case .symbol(let s):
                out += s
            case .keyword(let k):
                out += k == "fun" ? k : " \(k) "
            case .atom(let a):
                out += AtomSyntax.quotedIfNeeded(a)
            case .variable, .integer, .bigInteger, .float, .char, .string, .dot:
                out += token.errorText
            }
        }
        return out
    }

    /// Operators erl_pp writes with a space on each side in types.
    private static let spaced: Set<String> = ["|", "->", "=>", ":=", "::", "="]

    private static func isOpening(_ token: Token) -> Bool {
        [Token.Kind.symbol("("), .symbol("["), .symbol("{"), .symbol("<<")].contains(token.kind)
    }

    private static func isClosing(_ token: Token) -> Bool {
        [Token.Kind.symbol(")"), .symbol("]"), .symbol("}"), .symbol(">>")].contains(token.kind)
    }
}
