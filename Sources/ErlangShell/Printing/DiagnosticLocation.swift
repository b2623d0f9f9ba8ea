import ErlangEval
import ErlangSyntax

/// Where the shell reports a diagnostic: at its location, or at what it
/// is anchored to (`EvalDiagnostic.anchor`: the syntax tree keeps no
/// location for a literal such as the record name in `is_record(T, r)`,
/// or for `#r{...}`), found in the tokens of the form being evaluated.
enum DiagnosticLocation {
    /// The location to print for `diagnostic`, raised while evaluating the
    /// form scanned as `tokens`.
    static func resolve(_ diagnostic: EvalDiagnostic, in tokens: [Token]) -> SourceLocation {
        switch diagnostic.anchor {
        case nil:
            return diagnostic.location
        case .argument(let argument):
            return argumentLocation(argument, ofCallAt: diagnostic.location, in: tokens) ?? diagnostic.location
        case .record(let name):
            return recordIndex(name, in: tokens).map { tokens[$0].location } ?? diagnostic.location
        case .field(let record, let field):
            guard let start = recordIndex(record, in: tokens) else { return diagnostic.location }
            let after = tokens[(start + 2)...]
            return after.first { $0.kind == .atom(field) }?.location ?? tokens[start].location
        }
    }

    /// The index of the first `#` followed by the atom `name`.
    static func recordIndex(_ name: String, in tokens: [Token]) -> Int? {
        tokens.indices.dropLast().first { tokens[$0].kind == .symbol("#") && tokens[$0 + 1].kind == .atom(name) }
    }

    /// Where argument `argument` (1-based) of the call starting at `call` begins.
    static func argumentLocation(_ argument: Int, ofCallAt call: SourceLocation, in tokens: [Token]) -> SourceLocation? {
        guard let start = tokens.firstIndex(where: { $0.location == call }),
              let open = tokens[start...].firstIndex(where: { $0.kind == .symbol("(") }) else {
            return nil
        }
        var depth = 0
        var index = 1
        var position = open + 1
        while position < tokens.count {
            let token = tokens[position]
            if depth == 0 && index == argument { return token.location }
            switch token.kind {
            case .symbol("("), .symbol("["), .symbol("{"), .symbol("<<"):
                depth += 1
            case .keyword("case"), .keyword("if"), .keyword("receive"), .keyword("try"), .keyword("begin"):
                depth += 1
            case .keyword("fun") where position + 1 < tokens.count && tokens[position + 1].kind == .symbol("("):
                depth += 1
            case .symbol(")"), .symbol("]"), .symbol("}"), .symbol(">>"), .keyword("end"):
                if depth == 0 { return nil }
                depth -= 1
            case .symbol(",") where depth == 0:
                index += 1
            default:
                break
            }
            position += 1
        }
        return nil
    }
}
