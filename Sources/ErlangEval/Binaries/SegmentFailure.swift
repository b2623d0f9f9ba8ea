import ErlangRuntime
import ErlangTerms

/// Why one segment of a binary construction (`<<A:8, B/binary>>`) failed,
/// raised as erl's eval_bits raises it: `badarg` (or `system_limit` for a
/// size too large) with a frame `eval_bits:eval_exp_field/6` whose
/// `error_info` holds `cause => {1, Type, What, Value}` and
/// `override_segment_position => N`. From that the shell prints
/// `construction of binary failed` and `*** segment N of type 'integer':
/// expected an integer but got: a` (see `SegmentFailureText`).
struct SegmentFailure {
    /// The failing segment's position in the expression, from 1.
    let position: Int
    /// The segment's type.
    let kind: SegmentSpec.Kind

    /// The largest segment Swerl builds, in bits (512 MiB). erl's own limit
    /// is 2^59 bits; between the two erl runs out of memory, Swerl raises
    /// `system_limit` instead.
    static let maxBits = 1 << 32

    /// The value is not of the segment's type.
    func type(_ value: Term) -> ErlangException { failure("type", value) }
    /// The size (`Size * Unit`) is negative or not an integer.
    func size(_ bits: Term) -> ErlangException { failure("size", bits) }
    /// The size is too large to build.
    func tooLarge(_ bits: Term) -> ErlangException { failure("size", bits, reason: .atom(.systemLimit)) }
    /// A binary value has fewer bits than the segment's size.
    func short(_ value: Term) -> ErlangException { failure("short", value) }
    /// A float segment's size is not 16, 32 or 64.
    func invalidFloatSize(_ bits: Int) -> ErlangException { failure("invalid", .int(bits)) }
    /// An integer too large to write as a float.
    func noFloat(_ value: Term) -> ErlangException { failure("no_float", value) }

    /// A `binary` segment without a size whose value is a bitstring of a
    /// partial byte: a plain `badarg`, without a cause.
    func unaligned() -> ErlangException {
        ErlangException(.error, .atom(.badarg), stacktrace: [
            .tuple([.atom(Self.evalBits), .atom("eval_exp_field"), .int(6),
                    .list([Self.file, Self.line(169)])]),
        ] + Self.callers)
    }

    /// `Size * Unit` failed because `Size` is not a number (erl: `badarg`
    /// in operator `*`, raised from `eval_bits:eval_exp_field1/9`).
    func sizeNotNumber(_ size: Term, unit: Int) -> ErlangException {
        ErlangException(.error, .atom(.badarg), stacktrace: [
            .tuple([.atom("erlang"), .atom("*"), .list([size, .int(unit)]), .list([errorInfo(nil)])]),
            Self.fieldEvaluation,
        ] + Self.callers)
    }

    /// A `binary` segment without a size whose value is not a bitstring
    /// (erl: `bit_size(Value)` fails).
    func notBitstring(_ value: Term) -> ErlangException {
        ErlangException(.error, .atom(.badarg), stacktrace: [
            .tuple([.atom("erlang"), .atom("bit_size"), .list([value]), .list([errorInfo(nil)])]),
            Self.fieldEvaluation,
        ] + Self.callers)
    }

    private func failure(_ what: String, _ value: Term, reason: Term = .atom(.badarg)) -> ErlangException {
        let cause = Term.tuple([.int(1), .atom(Atom(Self.typeName(kind))), .atom(Atom(what)), value])
        return ErlangException(.error, reason, stacktrace: [
            .tuple([.atom(Self.evalBits), .atom("eval_exp_field"), .int(6),
                    .list([Self.file, Self.line(Self.sourceLine(kind)), errorInfo(cause)])]),
        ] + Self.callers)
    }

    /// `{error_info, #{cause => ..., function => format_bs_fail, module => erl_erts_errors,
    /// override_segment_position => N}}`; without a cause, only the module and position.
    private func errorInfo(_ cause: Term?) -> Term {
        var pairs: [(Term, Term)] = [(.atom("module"), .atom("erl_erts_errors")),
                                     (.atom("override_segment_position"), .int(position))]
        if let cause {
            pairs.append((.atom("cause"), cause))
            pairs.append((.atom("function"), .atom("format_bs_fail")))
        }
        return .tuple([.atom("error_info"), .map(pairs)])
    }

    /// The type's name in the cause: `bitstring` segments are `binary`.
    static func typeName(_ kind: SegmentSpec.Kind) -> String {
        switch kind {
        case .integer: return "integer"
        case .float: return "float"
        case .binary, .bitstring: return "binary"
        case .utf8: return "utf8"
        case .utf16: return "utf16"
        case .utf32: return "utf32"
        }
    }

    /// The line of eval_bits.erl erl reports for each type (OTP 25).
    private static func sourceLine(_ kind: SegmentSpec.Kind) -> Int {
        switch kind {
        case .integer: return 143
        case .utf8: return 145
        case .utf16: return 147
        case .utf32: return 153
        case .float: return 163
        case .binary, .bitstring: return 172
        }
    }

    private static let evalBits = Atom("eval_bits")
    private static let file = Term.tuple([.atom("file"), .string("eval_bits.erl")])
    private static func line(_ n: Int) -> Term { .tuple([.atom("line"), .int(n)]) }

    private static let fieldEvaluation = Term.tuple([.atom(evalBits), .atom("eval_exp_field1"), .int(9),
                                                     .list([file, line(114)])])

    /// The frames below the failing field: erl_eval's callers of eval_bits.
    private static let callers: [Term] = [
        .tuple([.atom(evalBits), .atom("create_binary"), .int(2), .list([file, line(77)])]),
        .tuple([.atom(evalBits), .atom("expr_grp"), .int(5), .list([file, line(68)])]),
    ]
}
