import BigInt
import ErlangRuntime
import ErlangTerms

/// The `erlang` module's pure BIFs (process BIFs are in `ProcessBIFs`).
/// Errors are raised without a stacktrace; `apply` adds the call's frame.
enum ErlangBIFs {
    /// The exported functions.
    static let functions: FunctionTable = [
        bif("atom_to_list", 1, { _, a in
            guard case .atom(let x) = a[0] else { throw ErlangException.badarg }
            return .string(x.text)
        }),
        bif("list_to_atom", 1, { _, a in
            guard let text = Text.string(a[0]) else { throw ErlangException.badarg }
            guard text.unicodeScalars.count <= Atom.maxLength else { throw ErlangException.systemLimit }
            return .atom(Atom(text))
        }),
        bif("integer_to_list", 1, { _, a in
            guard let v = a[0].bigIntValue else { throw ErlangException.badarg }
            return .string(String(v))
        }),
        bif("list_to_integer", 1, { _, a in
            guard let text = Text.string(a[0]), let v = BigInt(text) else { throw ErlangException.badarg }
            return .integer(v)
        }),
        bif("byte_size", 1, { _, a in
            guard case .binary(let b) = a[0] else { throw ErlangException.badarg }
            return .int((b.bitCount + 7) / 8)
        }),
        bif("bit_size", 1, { _, a in
            guard case .binary(let b) = a[0] else { throw ErlangException.badarg }
            return .int(b.bitCount)
        }),
        bif("binary_to_list", 1, { _, a in
            guard case .binary(let b) = a[0], b.isBinary else { throw ErlangException.badarg }
            return .codes(b.bytes)
        }),
        bif("list_to_binary", 1, { _, a in
            guard let bytes = Text.iolistBytes(a[0]) else { throw ErlangException.badarg }
            return .binary(bytes)
        }),
        bif("iolist_to_binary", 1, { _, a in
            guard let bytes = Text.iolistBytes(a[0]) else { throw ErlangException.badarg }
            return .binary(bytes)
        }),
        bif("term_to_binary", 1, { _, a in
            guard let bytes = ExternalFormat.encode(a[0]) else { throw ErlangException.badarg }
            return .binary(bytes)
        }),
        bif("float", 1, { _, a in
            guard let d = a[0].doubleValue else { throw ErlangException.badarg }
            return .float(d)
        }),
        bif("round", 1, { _, a in try rounding(a[0], .toNearestOrAwayFromZero) }),
        bif("trunc", 1, { _, a in try rounding(a[0], .towardZero) }),
        bif("floor", 1, { _, a in try rounding(a[0], .down) }),
        bif("ceil", 1, { _, a in try rounding(a[0], .up) }),
        bif("abs", 1, { _, a in
            switch a[0] {
            case .int(let i): return i == Int.min ? .integer(-BigInt(i)) : .int(abs(i))
            case .bigInt(let b): return .integer(abs(b.value))
            case .float(let f): return .float(abs(f))
            default: throw ErlangException.badarg
            }
        }),
        bif("tuple_size", 1, { _, a in
            guard case .tuple(let e) = a[0] else { throw ErlangException.badarg }
            return .int(e.count)
        }),
        bif("element", 2, { _, a in
            guard case .int(let i) = a[0], case .tuple(let e) = a[1], i >= 1, i <= e.count else { throw ErlangException.badarg }
            return e[i - 1]
        }),
        bif("setelement", 3, { _, a in
            guard case .int(let i) = a[0], case .tuple(var e) = a[1], i >= 1, i <= e.count else { throw ErlangException.badarg }
            e[i - 1] = a[2]
            return .tuple(e)
        }),
        bif("tuple_to_list", 1, { _, a in
            guard case .tuple(let e) = a[0] else { throw ErlangException.badarg }
            return .list(e)
        }),
        bif("list_to_tuple", 1, { _, a in
            guard let e = a[0].listElements else { throw ErlangException.badarg }
            return .tuple(e)
        }),
        bif("map_size", 1, { _, a in
            guard case .map(let m) = a[0] else { throw ErlangException.error(.tuple([.atom(.badmap), a[0]])) }
            return .int(m.count)
        }),
        bif("length", 1, { _, a in
            guard let n = a[0].properListLength else { throw ErlangException.badarg }
            return .int(n)
        }),
        bif("hd", 1, { _, a in
            guard case .cons(let c) = a[0] else { throw ErlangException.badarg }
            return c.head
        }),
        bif("tl", 1, { _, a in
            guard case .cons(let c) = a[0] else { throw ErlangException.badarg }
            return c.tail
        }),
        bif("min", 2, { _, a in Term.compare(a[0], a[1]) <= 0 ? a[0] : a[1] }),
        bif("max", 2, { _, a in Term.compare(a[0], a[1]) >= 0 ? a[0] : a[1] }),
        bif("throw", 1, { _, a in throw ErlangException(.throw, a[0]) }),
        bif("error", 1, { _, a in throw ErlangException(.error, a[0], stacktrace: [.tuple([.atom("erl_eval"), .atom("expr"), .int(6), .nil])]) }),
        bif("exit", 1, { _, a in throw ErlangException(.exit, a[0], stacktrace: [.tuple([.atom("erl_eval"), .atom("expr"), .int(6), .nil])]) }),
        bif("apply", 2, { p, a in
            guard let args = a[1].listElements else { throw ErlangException.badarg }
            return try await p.apply(a[0], args)
        }),
        bif("apply", 3, { p, a in
            guard case .atom(let m) = a[0], case .atom(let f) = a[1], let args = a[2].listElements else { throw ErlangException.badarg }
            return try await p.apply(module: m, function: f, args)
        }),
    ] + typeTests

    static let typeTests: FunctionTable = [
        bif("is_atom", 1, { _, a in if case .atom = a[0] { return .true } else { return .false } }),
        bif("is_integer", 1, { _, a in .bool(a[0].isInteger) }),
        bif("is_float", 1, { _, a in if case .float = a[0] { return .true } else { return .false } }),
        bif("is_number", 1, { _, a in .bool(a[0].isNumber) }),
        bif("is_list", 1, { _, a in .bool(a[0].isList) }),
        bif("is_tuple", 1, { _, a in if case .tuple = a[0] { return .true } else { return .false } }),
        bif("is_map", 1, { _, a in if case .map = a[0] { return .true } else { return .false } }),
        bif("is_binary", 1, { _, a in if case .binary(let b) = a[0] { return .bool(b.isBinary) } else { return .false } }),
        bif("is_pid", 1, { _, a in if case .pid = a[0] { return .true } else { return .false } }),
        bif("is_function", 1, { _, a in if case .fun = a[0] { return .true } else { return .false } }),
        bif("is_boolean", 1, { _, a in .bool(a[0].boolValue != nil) }),
    ]

    static func rounding(_ t: Term, _ rule: FloatingPointRoundingRule) throws -> Term {
        switch t {
        case .int, .bigInt: return t
        case .float(let f): return .integer(BigInt(f.rounded(rule)))
        default: throw ErlangException.badarg
        }
    }
}
