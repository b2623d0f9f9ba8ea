import ErlangRuntime
import ErlangTerms

/// The `base64` module (RFC 4648, standard alphabet, `=` padding):
/// `encode/1`, `encode_to_string/1`, `decode/1`, `decode_to_string/1`,
/// `mime_decode/1` and `mime_decode_to_string/1`. Data is a binary or a
/// flat list of bytes; decoding skips white space, and the `mime_`
/// forms skip any character outside the alphabet, as OTP 25's base64 does.
/// Malformed input to `decode` is `badarg` (erl fails inside its decoder
/// with an error that depends on where the input goes wrong).
enum Base64Module {
    /// The exported functions.
    static let functions: FunctionTable = [
        bif("encode", 1, { _, a in .binary(Bitstring(bytes: Array(encode(try data(a[0], "encode", 52)).utf8))) }),
        bif("encode_to_string", 1, { _, a in .string(encode(try data(a[0], "encode_to_string", 43))) }),
        bif("decode", 1, { _, a in .binary(Bitstring(bytes: try decode(try data(a[0], "decode", 112), mime: false))) }),
        bif("decode_to_string", 1, { _, a in
            .list(try decode(try data(a[0], "decode_to_string", 134), mime: false).map { .int(Int($0)) })
        }),
        bif("mime_decode", 1, { _, a in
            .binary(Bitstring(bytes: try decode(try data(a[0], "mime_decode", 121), mime: true)))
        }),
        bif("mime_decode_to_string", 1, { _, a in
            .list(try decode(try data(a[0], "mime_decode_to_string", 143), mime: true).map { .int(Int($0)) })
        }),
    ]

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// The bytes of a binary or a flat list of bytes; `function_clause`
    /// for anything else, at `line` of OTP 25's base64.erl.
    private static func data(_ term: Term, _ function: String, _ line: Int) throws -> [UInt8] {
        if case .binary(let b) = term, b.isBinary { return b.bytes }
        if let items = term.listElements {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(items.count)
            for item in items {
                guard case .int(let value) = item, (0...255).contains(value) else { throw ErlangException.badarg }
                bytes.append(UInt8(value))
            }
            return bytes
        }
        throw StdlibError.functionClause("base64", function, [term], line: line)
    }

    /// `bytes` in base64, padded with `=`.
    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let remaining = bytes.count - index
            let b0 = UInt32(bytes[index])
            let b1 = remaining > 1 ? UInt32(bytes[index + 1]) : 0
            let b2 = remaining > 2 ? UInt32(bytes[index + 2]) : 0
            let group = b0 << 16 | b1 << 8 | b2
            out.append(alphabet[Int(group >> 18 & 63)])
            out.append(alphabet[Int(group >> 12 & 63)])
            out.append(remaining > 1 ? alphabet[Int(group >> 6 & 63)] : UInt8(ascii: "="))
            out.append(remaining > 2 ? alphabet[Int(group & 63)] : UInt8(ascii: "="))
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes `text` encodes. White space is skipped (any character
    /// outside the alphabet when `mime`); the input must come in whole
    /// groups of four, `=` only at its end.
    static func decode(_ text: [UInt8], mime: Bool) throws -> [UInt8] {
        var values: [UInt32] = []
        var padding = 0
        for char in text {
            if char == UInt8(ascii: "=") {
                padding += 1
                continue
            }
            guard let value = alphabet.firstIndex(of: char) else {
                if mime || char == 32 || char == 9 || char == 10 || char == 13 { continue }
                throw ErlangException.badarg
            }
            // Data after padding is malformed (mime decoding stops at it).
            if padding > 0 {
                if mime { break }
                throw ErlangException.badarg
            }
            values.append(UInt32(value))
        }
        guard mime || (values.count + padding) % 4 == 0, padding <= 2, values.count % 4 != 1 else {
            throw ErlangException.badarg
        }
        var out: [UInt8] = []
        out.reserveCapacity(values.count * 3 / 4)
        var index = 0
        while index + 1 < values.count {
            let count = min(4, values.count - index)
            var group: UInt32 = 0
            for offset in 0..<4 { group = group << 6 | (offset < count ? values[index + offset] : 0) }
            out.append(UInt8(group >> 16 & 255))
            if count > 2 { out.append(UInt8(group >> 8 & 255)) }
            if count > 3 { out.append(UInt8(group & 255)) }
            index += 4
        }
        return out
    }
}
