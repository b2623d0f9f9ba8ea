import BigInt
import ErlangRuntime
import ErlangSyntax
import ErlangTerms

/// Building binaries, maps and records.
extension Interpreter {
    func buildBinary(_ segments: [BinarySegment], _ env: inout Bindings, _ process: ErlangProcess) async throws -> Term {
        var writer = BitWriter()
        for segment in segments {
            let spec = try segmentSpec(segment.specifiers)
            let value = try await eval(segment.value, &env, process)
            var size: Term?
            if let sizeExpr = segment.size { size = try await eval(sizeExpr, &env, process) }
            switch spec.kind {
            case .integer:
                guard let v = value.bigIntValue, let bits = try segmentBits(size, spec) else { throw ErlangException.badarg }
                try writer.appendInteger(v, size: bits, little: spec.isLittle)
            case .float:
                guard let v = value.doubleValue, let bits = try segmentBits(size, spec) else { throw ErlangException.badarg }
                try writer.appendFloat(v, size: bits, little: spec.isLittle)
            case .binary, .bitstring:
                guard case .binary(let bits) = value else { throw ErlangException.badarg }
                if size == nil {
                    if spec.kind == .binary && !bits.isBinary { throw ErlangException.badarg }
                    writer.append(bits)
                } else {
                    guard let count = try segmentBits(size, spec), count <= bits.bitCount else { throw ErlangException.badarg }
                    writer.append(bits, bits: count)
                }
            case .utf8, .utf16, .utf32:
                guard case .int(let code) = value else { throw ErlangException.badarg }
                try writer.appendCodePoint(code, kind: spec.kind, little: spec.isLittle)
            }
        }
        return .binary(writer.bitstring)
    }

    func buildMap(_ base: Expr?, _ fields: [MapField], _ env: inout Bindings, _ process: ErlangProcess) async throws -> Term {
        var map = ErlangMap.empty
        var original: Term?
        if let base {
            let value = try await eval(base, &env, process)
            guard case .map(let m) = value else {
                // erl_eval reports a bad map as the failure of `maps:put(k, v, Map)`.
                throw ErlangException(.error, .tuple([.atom(.badmap), value]),
                                      stacktrace: [Interpreter.mapsFrame("put", [.atom("k"), .atom("v"), value])])
            }
            map = m
            original = value
        }
        var storage = map.storage
        for field in fields {
            let key = try await eval(field.key, &env, process)
            let value = try await eval(field.value, &env, process)
            if field.isExact && storage[key] == nil {
                throw ErlangException(.error, .tuple([.atom(.badkey), key]),
                                      stacktrace: [Interpreter.mapsFrame("update", [key, value, original ?? .map(map)])])
            }
            storage[key] = value
        }
        return .map(ErlangMap(storage))
    }

    /// The frame of the `maps` BIF erl_eval's map update fails in, with its `error_info`.
    static func mapsFrame(_ function: String, _ args: [Term]) -> Term {
        .tuple([.atom("maps"), .atom(Atom(function)), .list(args),
                .list([.tuple([.atom("error_info"), .map([(.atom("module"), .atom("erl_stdlib_errors"))])])])])
    }

    func buildRecord(_ base: Expr?, _ name: String, _ fields: [RecordField], _ env: inout Bindings,
                     _ process: ErlangProcess) async throws -> Term {
        guard let names = records.fields(of: name) else {
            throw EvalDiagnostic("record \(name) undefined", at: SourceLocation(line: 1, column: 1))
        }
        var elements: [Term]
        if let base {
            let value = try await eval(base, &env, process)
            guard case .tuple(let e) = value, e.count == names.count + 1, e[0] == .atom(Atom(name)) else {
                throw ErlangException.error(.tuple([.atom(.badrecord), value]))
            }
            elements = e
        } else {
            elements = [.atom(Atom(name))] + Array(repeating: Term.undefined, count: names.count)
        }
        for field in fields {
            let value = try await eval(field.value, &env, process)
            if field.name == "_" {
                for i in 1..<elements.count where !fields.contains(where: { $0.name == names[i - 1] }) { elements[i] = value }
                continue
            }
            guard let index = names.firstIndex(of: field.name) else {
                throw EvalDiagnostic("field \(field.name) undefined in record \(name)", at: SourceLocation(line: 1, column: 1))
            }
            elements[index + 1] = value
        }
        return .tuple(elements)
    }
}
