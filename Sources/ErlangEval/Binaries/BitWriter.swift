import BigInt
import ErlangTerms

/// Builds a bitstring segment by segment, as `<<A:8, B/binary, ...>>` does.
/// Throws `badarg` for a value that does not fit its segment type, as erl does.
struct BitWriter {
    private(set) var bytes: [UInt8] = []
    private(set) var bitCount = 0

    /// The result.
    var bitstring: Bitstring { Bitstring(bytes: bytes, bitCount: bitCount) }

    /// Appends `count` low bits of `value`, most significant first.
    mutating func appendBits(_ value: UInt64, count: Int) {
        var remaining = count
        while remaining > 0 {
            let bitInByte = bitCount % 8
            if bitInByte == 0 { bytes.append(0) }
            let free = 8 - bitInByte
            let take = min(free, remaining)
            let shift = remaining - take
            let chunk = UInt8(truncatingIfNeeded: (value >> UInt64(shift)) & ((1 << UInt64(take)) - 1))
            bytes[bytes.count - 1] |= chunk << UInt8(free - take)
            bitCount += take
            remaining -= take
        }
    }

    /// Appends a whole bitstring (or its first `bits` bits).
    mutating func append(_ other: Bitstring, bits: Int? = nil) {
        let total = bits ?? other.bitCount
        if bitCount % 8 == 0 && total % 8 == 0 {
            bytes.append(contentsOf: other.bytes.prefix(total / 8))
            bitCount += total
            return
        }
        var written = 0
        for byte in other.bytes where written < total {
            let take = min(8, total - written)
            appendBits(UInt64(byte >> UInt8(8 - take)), count: take)
            written += take
        }
    }

    /// Appends an integer in `size` bits with the given byte order: its
    /// two's complement modulo 2^size, read byte by byte (no power of two is
    /// built, so a wide segment of a small value costs only its bytes).
    mutating func appendInteger(_ value: BigInt, size: Int, little: Bool) {
        guard size > 0 else { return }
        let count = (size + 7) / 8
        let negative = value.sign == .minus && !value.isZero
        // -m in two's complement is the complement of m - 1, extended with ones.
        let words = negative ? (value.magnitude - 1).words : value.magnitude.words
        var bytes = [UInt8](repeating: negative ? 0xFF : 0, count: count)  // least significant first
        for i in 0..<min(count, words.count * 8) {
            let byte = UInt8(truncatingIfNeeded: words[i / 8] >> UInt((i % 8) * 8))
            bytes[i] = negative ? ~byte : byte
        }
        guard little else {
            bytes.reverse()
            appendBigEndianBits(bytes, size: size)
            return
        }
        // Little-endian: whole bytes from the least significant; a partial
        // top byte comes last, as a field of its remaining bits.
        let whole = size / 8
        appendBigEndianBits(Array(bytes[0..<whole]), size: whole * 8)
        if size % 8 != 0 { appendBits(UInt64(bytes[whole]), count: size % 8) }
    }

    /// Appends the low `size` bits of the big-endian byte array `bits`.
    private mutating func appendBigEndianBits(_ bits: [UInt8], size: Int) {
        let leading = bits.count * 8 - size  // unused high bits of the first byte
        if leading == 0 && bitCount % 8 == 0 {
            bytes.append(contentsOf: bits)
            bitCount += size
            return
        }
        var first = true
        for byte in bits {
            if first {
                first = false
                let width = 8 - leading
                appendBits(UInt64(byte) & ((1 << UInt64(width)) - 1), count: width)
            } else {
                appendBits(UInt64(byte), count: 8)
            }
        }
    }

    /// Appends a float of 16, 32 or 64 bits (the caller checked the size);
    /// a value beyond a narrow float's range is written as infinity, as erl does.
    mutating func appendFloat(_ value: Double, size: Int, little: Bool) {
        var pattern: UInt64
        switch size {
        case 32: pattern = UInt64(Float(value).bitPattern)
        case 16:
            #if arch(arm64)
            pattern = UInt64(Float16(value).bitPattern)
            #else
            pattern = UInt64(halfBits(value))
            #endif
        default: pattern = value.bitPattern
        }
        if little {
            var swapped: UInt64 = 0
            for _ in 0..<(size / 8) {
                swapped = (swapped << 8) | (pattern & 0xFF)
                pattern >>= 8
            }
            pattern = swapped
        }
        appendBits(pattern, count: size)
    }

    /// Appends a code point in UTF-8, UTF-16 or UTF-32; `false` (nothing
    /// written) for a value that is not a Unicode scalar.
    mutating func appendCodePoint(_ code: Int, kind: SegmentSpec.Kind, little: Bool) -> Bool {
        guard code >= 0, code <= 0x10FFFF, let scalar = Unicode.Scalar(UInt32(code)) else { return false }
        switch kind {
        case .utf8:
            for unit in String(Character(scalar)).utf8 { appendBits(UInt64(unit), count: 8) }
        case .utf16:
            for unit in String(Character(scalar)).utf16 { appendInteger(BigInt(unit), size: 16, little: little) }
        case .utf32:
            appendInteger(BigInt(code), size: 32, little: little)
        case .integer, .float, .binary, .bitstring:
            return false
        }
        return true
    }
}

/// IEEE half-precision bits of `value` (round to nearest even).
func halfBits(_ value: Double) -> UInt16 {
    let f = Float(value)
    let bits = f.bitPattern
    let sign = UInt16((bits >> 16) & 0x8000)
    let exponent = Int((bits >> 23) & 0xFF) - 127 + 15
    let mantissa = bits & 0x7FFFFF
    if exponent >= 31 { return sign | 0x7C00 }
    if exponent <= 0 { return sign }
    var half = UInt32(exponent) << 10 | (mantissa >> 13)
    if mantissa & 0x1000 != 0 && (mantissa & 0x2FFF) != 0 { half += 1 }
    return sign | UInt16(truncatingIfNeeded: half)
}
