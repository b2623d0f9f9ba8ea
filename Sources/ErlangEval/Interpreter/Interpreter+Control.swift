import ErlangRuntime
import ErlangSyntax
import ErlangTerms

/// The variables of a pattern.
extension Interpreter {
    /// Calls `body` with every variable name in `pattern`.
    static func forEachVariable(_ pattern: Expr, _ body: (String) -> Void) {
        switch pattern {
        case .variable(let name, _): if name != "_" { body(name) }
        case .tuple(let items): items.forEach { forEachVariable($0, body) }
        case .list(let items, let tail):
            items.forEach { forEachVariable($0, body) }
            if let tail { forEachVariable(tail, body) }
        case .match(let l, let r, _):
            forEachVariable(l, body)
            forEachVariable(r, body)
        case .map(_, let fields): fields.forEach { forEachVariable($0.value, body) }
        case .binary(let segments): segments.forEach { forEachVariable($0.value, body) }
        case .binaryOp(_, let l, let r, _):
            forEachVariable(l, body)
            forEachVariable(r, body)
        case .record(_, _, let fields): fields.forEach { forEachVariable($0.value, body) }
        default: break
        }
    }

    /// Matches one round of a binary generator's segments.
    func nextPiece(_ segments: [Pattern.SegmentPattern], _ reader: inout BitReader, _ env: inout Bindings) throws -> Bool? {
        // Read each segment's bits with the pattern's sizes, then match them together.
        var total = 0
        var probe = reader
        for segment in segments {
            let spec = try segment.spec.get()
            let size = try segment.size.map { try evalGuardExpr($0, env) }
            guard let bits = try Interpreter.segmentBits(size, spec) else { return nil }
            guard probe.readBitstring(bits: bits) != nil else { return nil }
            total += bits
        }
        guard let chunk = reader.readBitstring(bits: total) else { return nil }
        return try matchBinary(segments, chunk, &env) ? true : false
    }
}
