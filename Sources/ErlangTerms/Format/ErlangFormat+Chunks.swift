/// The pieces of a formatted text, kept apart the way `io_lib:format/2`
/// returns them: a literal character, and each character that `~c ~~ ~n`
/// and the number controls produce, is one code; every other control
/// sequence (`~p ~w ~s ...`) is the text it produced.
public enum FormatChunk: Sendable, Equatable {
    /// One character code.
    case character(Int)
    /// The output of one control sequence.
    case text(String)
}

extension ErlangFormat {
    /// Formats `arguments` into `format` as `format(_:_:)` does, answering
    /// the pieces instead of the flat text (`io_lib:format/2` builds its
    /// character list from them).
    public static func chunks(_ format: Term, _ arguments: Term) throws(ErlangException) -> [FormatChunk] {
        guard let args = arguments.listElements else { throw .badarg }
        var out = FormatOutput()
        var chunks: [FormatChunk] = []
        for piece in try scan(try formatCodes(format), args) {
            switch piece {
            case .character(let c):
                try out.append(code: c)
                chunks.append(.character(c))
            case .directive(let d):
                let text = try control(d, column: out.column)
                out.append(text)
                switch UnicodeScalar(UInt32(d.control)).map(Character.init) {
                case "c", "~", "n", "b", "B", "x", "X", "#", "+", "e", "f", "g":
                    chunks += text.unicodeScalars.map { .character(Int($0.value)) }
                default:
                    chunks.append(.text(text))
                }
            }
        }
        return chunks
    }
}
