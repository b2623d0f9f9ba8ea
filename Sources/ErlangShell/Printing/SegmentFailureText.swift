import ErlangTerms

/// The `*** segment 2 of type 'integer': expected an integer but got: a`
/// line erl prints below a failed binary construction, read from the
/// `error_info` of the `eval_bits` frame (`cause => {1, Type, What, Value}`,
/// `override_segment_position => N`). Mirrors what `erl_erts_errors`
/// explains for `format_bs_fail`.
enum SegmentFailureText {
    /// Whether a frame's location list carries a binary construction cause.
    static func isConstructionFailure(_ location: [Term]) -> Bool {
        cause(location) != nil
    }

    /// The explanation line (without indentation) for a frame's location
    /// list, or `nil` when it has no construction cause.
    static func line(_ location: [Term]) -> String? {
        guard let (position, type, what, value) = cause(location) else { return nil }
        let text: String
        switch what {
        case "type":
            let expected: String
            switch type {
            case "integer": expected = "an integer"
            case "float": expected = "a float or an integer"
            case "binary": expected = "a binary"
            default: expected = "a non-negative integer encodable as \(type)"
            }
            text = "expected \(expected) but got: \(show(value))"
        case "size":
            if !value.isInteger || Term.compare(value, .int(0)) < 0 {
                text = "expected a non-negative integer as size but got: \(show(value))"
            } else {
                text = "the size \(show(value)) is too large"
            }
        case "short":
            text = "the value \(shortBinary(value)) is shorter than the size of the segment"
        case "invalid":
            text = "expected one of the supported sizes 16, 32, or 64 but got: \(show(value))"
        case "no_float":
            text = "the value \(abbreviatedInteger(value)) is outside the range expressible as a float"
        default:
            text = show(value)
        }
        return "*** segment \(position) of type '\(type)': \(text)"
    }

    /// `{Position, Type, What, Value}` from `{error_info, #{cause => ..., function => format_bs_fail}}`.
    private static func cause(_ location: [Term]) -> (Int, String, String, Term)? {
        guard let info = StackFrame.errorInfo(in: location), info[.atom("function")] == .atom("format_bs_fail"),
              case .tuple(let c)? = info[.atom("cause")], c.count == 4,
              case .atom(let type) = c[1], case .atom(let what) = c[2] else { return nil }
        var position = 1
        if case .int(let n)? = info[.atom("override_segment_position")] { position = n }
        else if case .int(let n) = c[0] { position = n }
        return (position, type.text, what.text, c[3])
    }

    /// A value as erl shows it here (`~tP` with depth 20, from column 1).
    private static func show(_ value: Term) -> String {
        PrettyPrinter(lineLength: 80, depth: 20, unicode: true).print(value)
    }

    /// A binary up to 15 bytes as `~tP` prints it; a longer one as its first
    /// eight and last two bytes: `<<1,2,3,4,5,6,7,8...,19,20>>`.
    private static func shortBinary(_ value: Term) -> String {
        guard case .binary(let b) = value, b.bytes.count > 15 else { return show(value) }
        let head = b.bytes.prefix(8).map(String.init).joined(separator: ",")
        let tail = b.bytes.suffix(2).map(String.init).joined(separator: ",")
        return "<<\(head)...,\(tail)>>"
    }

    /// A long integer as its first and last twelve characters around `...`.
    private static func abbreviatedInteger(_ value: Term) -> String {
        let text = show(value)
        guard text.count > 24 else { return text }
        return String(text.prefix(12)) + "..." + String(text.suffix(12))
    }
}
