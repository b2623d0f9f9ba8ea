import ErlangTerms

/// Whether a frame is a failed binary construction: its `error_info`
/// names `format_bs_fail` (the segment's line is `SegmentFailureText`'s).
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
}
