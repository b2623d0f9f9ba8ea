import BigInt
import ErlangRuntime
import ErlangTerms

/// The `binary` module: bytes of binaries (`first/1`, `last/1`, `at/2`,
/// `part/2,3`, `copy/1,2`, `bin_to_list/1,2,3`, `list_to_bin/1`), unsigned
/// integers (`decode_unsigned/1,2`, `encode_unsigned/1,2`) and common
/// prefixes and suffixes. Mirrors OTP 25's `binary`: most functions are
/// BIFs (`badarg` with the call's frame); `bin_to_list` and `replace` are
/// written in Erlang there and fail at binary.erl line 497.
///
/// Split: searching (`split`, `match`, `matches`, `replace`) is in
/// `BinaryModule+Search`.
enum BinaryModule {
    /// The exported functions.
    static let functions: FunctionTable = bytes + search

    /// `badarg` as binary.erl's Erlang-written functions raise it.
    static func badargInErlang(_ function: String, _ args: [Term]) -> ErlangException {
        ErlangException(.error, .atom(.badarg),
                        stacktrace: [StdlibError.sourceFrame("binary", function, .list(args), line: 497)])
    }

    /// The bytes of a binary (not a bitstring), or `badarg`.
    static func bytes(_ term: Term) throws -> [UInt8] {
        guard case .binary(let b) = term, b.isBinary else { throw ErlangException.badarg }
        return b.bytes
    }

    static let bytes: FunctionTable = [
        bif("first", 1, { _, a in
            guard let first = try bytes(a[0]).first else { throw ErlangException.badarg }
            return .int(Int(first))
        }),
        bif("last", 1, { _, a in
            guard let last = try bytes(a[0]).last else { throw ErlangException.badarg }
            return .int(Int(last))
        }),
        bif("at", 2, { _, a in
            let b = try bytes(a[0])
            guard case .int(let i) = a[1], i >= 0, i < b.count else { throw ErlangException.badarg }
            return .int(Int(b[i]))
        }),
        bif("part", 2, { _, a in
            guard case .tuple(let e) = a[1], e.count == 2 else { throw ErlangException.badarg }
            return try part(a[0], e[0], e[1])
        }),
        bif("part", 3, { _, a in try part(a[0], a[1], a[2]) }),
        bif("copy", 1, { _, a in .binary(try bytes(a[0])) }),
        bif("copy", 2, { _, a in
            let b = try bytes(a[0])
            guard case .int(let n) = a[1], n >= 0 else { throw ErlangException.badarg }
            let (total, overflow) = b.count.multipliedReportingOverflow(by: n)
            guard !overflow, total <= maxBinaryBytes else { throw ErlangException.systemLimit }
            var out: [UInt8] = []
            out.reserveCapacity(total)
            for _ in 0..<(b.isEmpty ? 0 : n) { out.append(contentsOf: b) }
            return .binary(out)
        }),
        bif("bin_to_list", 1, { _, a in
            guard case .binary(let b) = a[0], b.isBinary else { throw badargInErlang("bin_to_list", a) }
            return .codes(b.bytes)
        }),
        bif("bin_to_list", 2, { _, a in
            guard case .tuple(let e) = a[1], e.count == 2 else { throw badargInErlang("bin_to_list", a) }
            return try binToList(a[0], e[0], e[1], a)
        }),
        bif("bin_to_list", 3, { _, a in try binToList(a[0], a[1], a[2], a) }),
        bif("list_to_bin", 1, { _, a in
            guard a[0].isList, let bytes = Text.iolistBytes(a[0]) else { throw ErlangException.badarg }
            return .binary(bytes)
        }),
        bif("decode_unsigned", 1, { _, a in decodeUnsigned(try bytes(a[0]), little: false) }),
        bif("decode_unsigned", 2, { _, a in decodeUnsigned(try bytes(a[0]), little: try isLittle(a[1])) }),
        bif("encode_unsigned", 1, { _, a in try encodeUnsigned(a[0], little: false) }),
        bif("encode_unsigned", 2, { _, a in try encodeUnsigned(a[0], little: try isLittle(a[1])) }),
        bif("longest_common_prefix", 1, { _, a in .int(try commonLength(a[0], fromEnd: false)) }),
        bif("longest_common_suffix", 1, { _, a in .int(try commonLength(a[0], fromEnd: true)) }),
    ]

    /// The largest binary `copy/2` builds (erl's own limit is far beyond memory).
    static let maxBinaryBytes = 1 << 32

    /// `part(Bin, Pos, Len)`: `Len` may be negative (the bytes before `Pos`).
    static func part(_ bin: Term, _ start: Term, _ length: Term) throws -> Term {
        let b = try bytes(bin)
        guard case .int(let s) = start, case .int(let n) = length,
              let (from, to) = ErlangBIFs.byteRange(start: s, length: n, size: b.count) else {
            throw ErlangException.badarg
        }
        return .binary(b[from..<to])
    }

    private static func binToList(_ bin: Term, _ start: Term, _ length: Term, _ args: [Term]) throws -> Term {
        guard case .binary(let b) = bin, b.isBinary, case .int(let s) = start, case .int(let n) = length,
              let (from, to) = ErlangBIFs.byteRange(start: s, length: n, size: b.bytes.count) else {
            throw badargInErlang("bin_to_list", args)
        }
        return .codes(b.bytes[from..<to])
    }

    private static func isLittle(_ endianness: Term) throws -> Bool {
        switch endianness {
        case .atom(let a) where a.text == "big": return false
        case .atom(let a) where a.text == "little": return true
        default: throw ErlangException.badarg
        }
    }

    private static func decodeUnsigned(_ bytes: [UInt8], little: Bool) -> Term {
        var magnitude = BigUInt(0)
        for byte in little ? bytes.reversed() : bytes { magnitude = magnitude << 8 | BigUInt(byte) }
        return .integer(BigInt(magnitude))
    }

    private static func encodeUnsigned(_ value: Term, little: Bool) throws -> Term {
        guard let v = value.bigIntValue, v.sign == .plus else { throw ErlangException.badarg }
        var out: [UInt8] = []
        var rest = v.magnitude
        repeat {
            out.append(UInt8(truncatingIfNeeded: rest & 0xFF))
            rest >>= 8
        } while !rest.isZero
        return .binary(little ? out : out.reversed())
    }

    /// The length of the longest common prefix (or suffix) of a non-empty list of binaries.
    private static func commonLength(_ list: Term, fromEnd: Bool) throws -> Int {
        guard let items = list.listElements, !items.isEmpty else { throw ErlangException.badarg }
        let all = try items.map { try bytes($0) }
        var length = all.map(\.count).min() ?? 0
        for other in all.dropFirst() {
            var k = 0
            while k < length {
                let x = fromEnd ? all[0][all[0].count - 1 - k] : all[0][k]
                let y = fromEnd ? other[other.count - 1 - k] : other[k]
                if x != y { break }
                k += 1
            }
            length = k
        }
        return length
    }
}
