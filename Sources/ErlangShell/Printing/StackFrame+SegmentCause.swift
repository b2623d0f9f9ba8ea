import ErlangTerms

/// Whether a frame is a failed binary construction: its `error_info`
/// names `format_bs_fail` (the segment's line is `SegmentFailureText`'s).
extension StackFrame {
    /// The `error_info` map in a frame's `location`, if it has one.
    static func errorInfo(in location: [Term]) -> ErlangMap? {
        for item in location {
            guard case .tuple(let kv) = item, kv.count == 2, kv[0] == .atom("error_info"), case .map(let info) = kv[1] else { continue }
            return info
        }
        return nil
    }

    /// Whether the frame is a binary construction that failed (`construction of binary failed`).
    var isBinaryConstructionFailure: Bool {
        StackFrame.errorInfo(in: location)?[.atom("function")] == .atom("format_bs_fail")
    }
}
