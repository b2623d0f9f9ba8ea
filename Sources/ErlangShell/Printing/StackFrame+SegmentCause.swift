import ErlangTerms

/// The cause a failed binary construction leaves in its frame's
/// `error_info` (`{Segment, Type, What, Value}` under `format_bs_fail`),
/// and the `*** segment N of type 'T': ...` line erl prints for it.
extension StackFrame {
    /// The frame's `error_info` map, if it has one.
    private var errorInfo: ErlangMap? {
        for item in location {
            guard case .tuple(let kv) = item, kv.count == 2, kv[0] == .atom("error_info"), case .map(let info) = kv[1] else { continue }
            return info
        }
        return nil
    }

    /// Whether the frame is a binary construction that failed (`construction of binary failed`).
    var isBinaryConstructionFailure: Bool {
        errorInfo?[.atom("function")] == .atom("format_bs_fail")
    }

    /// The explanation of a failed segment, without its indentation;
    /// `printTerm` prints the offending value.
    func segmentCauseText(_ printTerm: (Term) -> String) -> String? {
        guard isBinaryConstructionFailure, case .tuple(let cause)? = errorInfo?[.atom("cause")], cause.count == 4,
              case .int(let segment) = cause[0], case .atom(let type) = cause[1], case .atom(let what) = cause[2] else { return nil }
        let value = printTerm(cause[3])
        let reason: String
        switch what.text {
        case "size": reason = "expected a non-negative integer as size but got: \(value)"
        case "float_size": reason = "expected one of the supported sizes 16, 32, or 64 but got: \(value)"
        case "short": reason = "the value \(value) is shorter than the size of the segment"
        default:
            switch type.text {
            case "integer": reason = "expected an integer but got: \(value)"
            case "float": reason = "expected a float or an integer but got: \(value)"
            case "utf8", "utf16", "utf32": reason = "expected a non-negative integer encodable as \(type.text) but got: \(value)"
            default: reason = "expected a binary but got: \(value)"
            }
        }
        return "*** segment \(segment) of type '\(type.text)': \(reason)"
    }
}
