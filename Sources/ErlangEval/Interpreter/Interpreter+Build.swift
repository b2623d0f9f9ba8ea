import BigInt
import ErlangRuntime
import ErlangSyntax
import ErlangTerms

/// Compiling the construction of binaries, maps and records.
extension Interpreter {
    /// `<<Seg, ...>>`: the values and sizes are evaluated left to right,
    /// then the bits are written.
    func compileBinary(_ segments: [BinarySegment]) throws -> Compiled {
        let specs = try segments.map { try SegmentSpec(specifiers: $0.specifiers) }
        var parts: [Compiled] = []
        for segment in segments {
            parts.append(try compile(segment.value))
            parts.append(try segment.size.map(compile) ?? .constant(.nil))
        }
        let hasSize = segments.map { $0.size != nil }
        return .all(parts) { values, _ in
            var writer = BitWriter()
            for (i, spec) in specs.enumerated() {
                try Interpreter.write(values[2 * i], size: hasSize[i] ? values[2 * i + 1] : nil, spec,
                                      position: i + 1, into: &writer)
            }
            return .binary(writer.bitstring)
        }
    }

    /// Writes one segment's value; a failure is raised as erl's eval_bits
    /// raises it for segment `position` (see `SegmentFailure`).
    static func write(_ value: Term, size: Term?, _ spec: SegmentSpec, position: Int,
                      into writer: inout BitWriter) throws {
        let fail = SegmentFailure(position: position, kind: spec.kind)
        switch spec.kind {
        case .integer:
            let bits = try constructionBits(size, spec, fail)
            guard let v = value.bigIntValue else { throw fail.type(value) }
            writer.appendInteger(v, size: bits ?? 8, little: spec.isLittle)
        case .float:
            let bits = try constructionBits(size, spec, fail) ?? 64
            guard bits == 16 || bits == 32 || bits == 64 else { throw fail.invalidFloatSize(bits) }
            guard value.isNumber else { throw fail.type(value) }
            guard let v = value.doubleValue else { throw fail.noFloat(value) }
            writer.appendFloat(v, size: bits, little: spec.isLittle)
        case .binary, .bitstring:
            guard let count = try constructionBits(size, spec, fail) else {
                guard case .binary(let bits) = value else { throw fail.notBitstring(value) }
                if spec.kind == .binary && !bits.isBinary { throw fail.unaligned() }
                writer.append(bits)
                return
            }
            guard case .binary(let bits) = value else { throw fail.type(value) }
            guard count <= bits.bitCount else { throw fail.short(value) }
            writer.append(bits, bits: count)
        case .utf8, .utf16, .utf32:
            guard case .int(let code) = value, writer.appendCodePoint(code, kind: spec.kind, little: spec.isLittle) else {
                throw fail.type(value)
            }
        }
    }

    /// The bits of a segment under construction (`Size * Unit`), `nil` when
    /// the segment has no size; erl's errors for a size that is not a number,
    /// not a non-negative integer, or too large.
    static func constructionBits(_ size: Term?, _ spec: SegmentSpec, _ fail: SegmentFailure) throws -> Int? {
        guard let size else { return spec.defaultSize }
        let unit = spec.effectiveUnit
        guard size.isNumber else { throw fail.sizeNotNumber(size, unit: unit) }
        if case .int(let n) = size, n >= 0 {
            let (bits, overflow) = n.multipliedReportingOverflow(by: unit)
            if !overflow && bits <= SegmentFailure.maxBits { return bits }
        }
        let product = try Arithmetic.multiply(size, .int(unit))
        if case .float = product { throw fail.size(product) }
        if let negative = product.bigIntValue, negative.signum() < 0 { throw fail.size(product) }
        throw fail.tooLarge(product)
    }

    /// `#{K => V}` or `Base#{K := V}`.
    func compileMap(_ base: Expr?, _ fields: [MapField]) throws -> Compiled {
        var parts: [Compiled] = [try base.map(compile) ?? .constant(.map(.empty))]
        for field in fields {
            parts.append(try compile(field.key))
            parts.append(try compile(field.value))
        }
        let exact = fields.map(\.isExact)
        return .all(parts) { values, _ in
            guard case .map(let original) = values[0] else {
                // erl_eval reports a bad map as the failure of `maps:put(k, v, Map)`.
                throw ErlangException(.error, .tuple([.atom(.badmap), values[0]]),
                                      stacktrace: mapsFrames("put", [.atom("k"), .atom("v"), values[0]]))
            }
            var storage = original.storage
            for (i, isExact) in exact.enumerated() {
                let key = values[1 + 2 * i], value = values[2 + 2 * i]
                if isExact && storage[key] == nil {
                    throw ErlangException(.error, .tuple([.atom(.badkey), key]),
                                          stacktrace: mapsFrames("update", [key, value, values[0]]))
                }
                storage[key] = value
            }
            return .map(ErlangMap(storage))
        }
    }

    /// The frames a failed map update starts with: in the shell, the
    /// `maps` BIF erl_eval's update fails in; none in a module, whose
    /// compiled update fails in the function itself.
    func mapsFrames(_ function: String, _ args: [Term]) -> [Term] {
        module == Self.shellModule ? [Interpreter.mapsFrame(function, args)] : []
    }

    /// The frame of the `maps` BIF erl_eval's map update fails in, with its `error_info`.
    static func mapsFrame(_ function: String, _ args: [Term]) -> Term {
        .tuple([.atom("maps"), .atom(Atom(function)), .list(args),
                .list([.tuple([.atom("error_info"), .map([(.atom("module"), .atom("erl_stdlib_errors"))])])])])
    }

    /// The field names of record `name`, or erl's diagnostic.
    func recordFields(_ name: String) throws -> [String] {
        guard let names = records.fields(of: name) else {
            throw EvalDiagnostic.undefinedRecord(name)
        }
        return names
    }

    /// `#r{f = V}` or `Base#r{f = V}`; `_ = V` sets every field not named.
    func compileRecord(_ base: Expr?, _ name: String, _ fields: [RecordField]) throws -> Compiled {
        let names = try recordFields(name)
        var positions: [Int] = []
        for field in fields where field.name != "_" {
            guard let index = names.firstIndex(of: field.name) else {
                throw EvalDiagnostic.undefinedField(field.name, record: name)
            }
            positions.append(index + 1)
        }
        let named = Set(positions)
        let tag = Term.atom(Atom(name))
        var parts: [Compiled] = [try base.map(compile) ?? .constant(.nil)]
        var targets: [[Int]] = []
        for field in fields {
            parts.append(try compile(field.value))
            if field.name == "_" {
                targets.append((1...max(names.count, 1)).filter { $0 <= names.count && !named.contains($0) })
            } else if let index = names.firstIndex(of: field.name) {
                targets.append([index + 1])
            }
        }
        // A new record gets each unnamed field's default (`-record` or
        // `rd/2`), evaluated where the record is built, as erl does.
        if base == nil, !fields.contains(where: { $0.name == "_" }) {
            let defaults = records.definition(of: name)?.defaults ?? []
            for (i, d) in defaults.enumerated() where i < names.count && !named.contains(i + 1) {
                guard let d else { continue }
                parts.append(try compile(d))
                targets.append([i + 1])
            }
        }
        let hasBase = base != nil
        let size = names.count + 1
        let slotsPerField = targets
        return .all(parts) { values, _ in
            var elements: [Term]
            if hasBase {
                guard case .tuple(let e) = values[0], e.count == size, e[0] == tag else {
                    throw ErlangException.error(.tuple([.atom(.badrecord), values[0]]))
                }
                elements = e
            } else {
                elements = [tag] + Array(repeating: Term.undefined, count: size - 1)
            }
            for (i, slots) in slotsPerField.enumerated() {
                for slot in slots { elements[slot] = values[i + 1] }
            }
            return .tuple(elements)
        }
    }

    /// `Expr#r.f`.
    func compileRecordAccess(_ base: Expr, _ name: String, _ field: String) throws -> Compiled {
        let names = try recordFields(name)
        guard let index = names.firstIndex(of: field) else {
            throw EvalDiagnostic.undefinedField(field, record: name)
        }
        let tag = Term.atom(Atom(name))
        let size = names.count + 1
        return .map(try compile(base)) { value, _, _ in
            guard case .tuple(let elements) = value, elements.count == size, elements[0] == tag else {
                throw ErlangException.error(.tuple([.atom(.badrecord), value]))
            }
            return elements[index + 1]
        }
    }
}
