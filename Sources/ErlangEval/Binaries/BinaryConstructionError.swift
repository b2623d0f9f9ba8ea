import ErlangRuntime
import ErlangTerms

/// Why a segment of `<<...>>` could not be built, reported as erl_eval's
/// `eval_bits` reports it: a `badarg` whose top frame carries an
/// `error_info` with the cause `{Segment, Type, What, Value}`, which the
/// shell words as `construction of binary failed` and `*** segment 1 of
/// type 'integer': expected an integer but got: a`. A size that is not an
/// integer fails in `Size * Unit`; a value that is not a bitstring in a
/// `binary` segment without a size fails in `bit_size/1`.
///
/// Only the failure path comes here: the cause is worked out again from
/// the segment after its write failed.
enum BinaryConstructionError {
    /// The exception for segment number `segment` (1-based) of `spec`
    /// with `value` and `size` (nil: none given), which failed to write.
    static func exception(segment: Int, value: Term, size: Term?, _ spec: SegmentSpec) -> ErlangException {
        let type = typeName(spec.kind)
        if let size {
            guard case .int(let n) = size else {
                return ErlangException(.error, .atom(.badarg), stacktrace: [
                    .tuple([.atom("erlang"), .atom("*"), .list([size, .int(spec.effectiveUnit)]), errorInfo(segment: segment)]),
                ] + callers(field1: true))
            }
            if n < 0 { return failure(segment, type, "size", size, line: line(spec.kind)) }
        }
        switch spec.kind {
        case .integer:
            if value.bigIntValue == nil { return failure(segment, type, "type", value, line: 143) }
        case .float:
            if value.doubleValue == nil { return failure(segment, type, "type", value, line: 163) }
            if case .int(let n)? = size, ![16, 32, 64].contains(n * spec.effectiveUnit) {
                return failure(segment, type, "float_size", .int(n * spec.effectiveUnit), line: 163)
            }
        case .binary, .bitstring:
            guard case .binary(let bits) = value else {
                if size == nil {
                    return ErlangException(.error, .atom(.badarg), stacktrace: [
                        .tuple([.atom("erlang"), .atom("bit_size"), .list([value]), errorInfo(segment: segment)]),
                    ] + callers(field1: true))
                }
                return failure(segment, type, "type", value, line: 172)
            }
            if case .int(let n)? = size, n * spec.effectiveUnit > bits.bitCount {
                return failure(segment, type, "short", value, line: 172)
            }
            if size == nil, spec.kind == .binary {
                return ErlangException(.error, .atom(.badarg), stacktrace: [frame(line: 169, cause: nil, segment: segment)] + callers())
            }
        case .utf8, .utf16, .utf32:
            return failure(segment, type, "type", value, line: spec.kind == .utf8 ? 145 : spec.kind == .utf16 ? 147 : 149)
        }
        return .badarg
    }

    /// The source line of eval_bits erl reports for a size error of `kind`.
    private static func line(_ kind: SegmentSpec.Kind) -> Int {
        switch kind {
        case .integer: return 143
        case .float: return 163
        case .binary, .bitstring: return 172
        case .utf8: return 145
        case .utf16: return 147
        case .utf32: return 149
        }
    }

    /// erl's name of a segment type.
    static func typeName(_ kind: SegmentSpec.Kind) -> String {
        switch kind {
        case .integer: return "integer"
        case .float: return "float"
        case .binary: return "binary"
        case .bitstring: return "bitstring"
        case .utf8: return "utf8"
        case .utf16: return "utf16"
        case .utf32: return "utf32"
        }
    }

    private static func failure(_ segment: Int, _ type: String, _ what: String, _ value: Term, line: Int) -> ErlangException {
        let cause = Term.tuple([.int(segment), .atom(Atom(type)), .atom(Atom(what)), value])
        return ErlangException(.error, .atom(.badarg), stacktrace: [frame(line: line, cause: cause, segment: segment)] + callers())
    }

    private static func frame(line: Int, cause: Term?, segment: Int) -> Term {
        var info: [(Term, Term)] = [(.atom("module"), .atom("erl_erts_errors")),
                                    (.atom("override_segment_position"), .int(segment))]
        if let cause { info += [(.atom("cause"), cause), (.atom("function"), .atom("format_bs_fail"))] }
        return .tuple([.atom("eval_bits"), .atom("eval_exp_field"), .int(6),
                       .list(fileLineItems(line) + [.tuple([.atom("error_info"), .map(info)])])])
    }

    private static func errorInfo(segment: Int) -> Term {
        .list([.tuple([.atom("error_info"), .map([(.atom("module"), .atom("erl_erts_errors")),
                                                  (.atom("override_segment_position"), .int(segment))])])])
    }

    /// `[{file, "eval_bits.erl"}, {line, N}]`.
    private static func fileLine(_ line: Int) -> Term { .list(fileLineItems(line)) }

    private static func fileLineItems(_ line: Int) -> [Term] {
        [.tuple([.atom("file"), .string("eval_bits.erl")]), .tuple([.atom("line"), .int(line)])]
    }

    /// The eval_bits frames below the failing one.
    private static func callers(field1: Bool = false) -> [Term] {
        var frames: [Term] = []
        if field1 { frames.append(.tuple([.atom("eval_bits"), .atom("eval_exp_field1"), .int(9), fileLine(114)])) }
        frames.append(.tuple([.atom("eval_bits"), .atom("create_binary"), .int(2), fileLine(77)]))
        frames.append(.tuple([.atom("eval_bits"), .atom("expr_grp"), .int(5), fileLine(68)]))
        return frames
    }
}
