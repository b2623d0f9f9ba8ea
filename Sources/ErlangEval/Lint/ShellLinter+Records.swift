import ErlangSyntax

/// Records and bit types, which erl_lint checks in the same walk as the
/// variables: `record r undefined` at the `#` of its first use, `field f
/// undefined in record r` at the field, `bit type t undefined` at the
/// segment (or a size given to a utf segment). Locations come from the form's tokens (the tree keeps none
/// for records).
extension ShellLinter {
    /// Checks that record `name` is defined and has `fields`.
    func checkRecord(_ name: String, fields: [String]) throws(EvalDiagnostic) {
        guard let known = recordFields(name) else {
            throw EvalDiagnostic("record \(name) undefined", at: recordLocation(name))
        }
        // erl_lint takes the fields in order: a field named twice is
        // reported at its second mention, before any later undefined field.
        var seen: Set<String> = []
        for field in fields where field != "_" {
            if !seen.insert(field).inserted {
                throw EvalDiagnostic("field \(field) already defined in record \(name)",
                                     at: fieldLocation(name, field, occurrence: 2))
            }
            if !known.contains(field) {
                throw EvalDiagnostic("field \(field) undefined in record \(name)", at: fieldLocation(name, field))
            }
        }
    }

    /// Checks a segment's type specifiers.
    func checkSegment(_ segment: BinarySegment) throws(EvalDiagnostic) {
        let at = Self.someLocation(in: segment.value) ?? firstSegmentLocation
        let spec: SegmentSpec
        do {
            spec = try SegmentSpec(specifiers: segment.specifiers)
        } catch {
            throw EvalDiagnostic(error.message, at: at)
        }
        switch spec.kind {
        case .utf8, .utf16, .utf32:
            if segment.size != nil || spec.unit != nil {
                throw EvalDiagnostic("neither size nor unit must be given for segments of type utf8/utf16/utf32", at: at)
            }
        case .integer, .float, .binary, .bitstring:
            break
        }
    }

    /// Where the form's first segment starts (the token after its first
    /// `<<`), for a segment whose value is a literal the tree keeps no location for.
    var firstSegmentLocation: SourceLocation {
        for i in tokens.indices.dropLast() where tokens[i].kind == .symbol("<<") { return tokens[i + 1].location }
        return tokens.first?.location ?? SourceLocation(line: 1, column: 1)
    }

    /// The location of the first `#name` in the form.
    func recordLocation(_ name: String) -> SourceLocation {
        for i in tokens.indices.dropLast() where tokens[i].kind == .symbol("#") && tokens[i + 1].kind == .atom(name) {
            return tokens[i].location
        }
        return tokens.first?.location ?? SourceLocation(line: 1, column: 1)
    }

    /// The location of the `occurrence`th mention of field `field` after
    /// the first `#record` in the form.
    func fieldLocation(_ record: String, _ field: String, occurrence: Int = 1) -> SourceLocation {
        var inRecord = false
        var found = 0
        for i in tokens.indices {
            if tokens[i].kind == .symbol("#"), i + 1 < tokens.count, tokens[i + 1].kind == .atom(record) { inRecord = true }
            if inRecord, tokens[i].kind == .atom(field), i > 0, tokens[i - 1].kind != .symbol("#") {
                found += 1
                if found == occurrence { return tokens[i].location }
            }
        }
        return recordLocation(record)
    }
}
