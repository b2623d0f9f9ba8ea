import BigInt
import ErlangTerms

/// Reads a bitstring segment by segment, as a binary pattern does.
/// Every read returns `nil` when the segment does not match (too few bits,
/// an invalid code point), which makes the whole pattern fail.
struct BitReader {
    let source: Bitstring
    private(set) var offset = 0

    init(_ source: Bitstring) { self.source = source }

    /// Bits not read yet.
    var remaining: Int { source.bitCount - offset }

    /// The bit at absolute position `index`.
    private func bit(_ index: Int) -> UInt64 {
        UInt64((source.bytes[index / 8] >> UInt8(7 - index % 8)) & 1)
    }

    /// Reads `count` bits as an unsigned big-endian number (count <= 64).
    mutating func readBits(_ count: Int) -> UInt64? {
        guard count >= 0, count <= 64, count <= remaining else { return nil }
        var value: UInt64 = 0
        var index = offset
        var left = count
        while left > 0 {
            if index % 8 == 0 && left >= 8 {
                value = (value << 8) | UInt64(source.bytes[index / 8])
                index += 8
                left -= 8
            } else {
                value = (value << 1) | bit(index)
                index += 1
                left -= 1
            }
        }
        offset = index
        return value
    }

    /// Reads an integer of `size` bits.
    mutating func readInteger(size: Int, signed: Bool, little: Bool) -> Term? {
        guard size >= 0, size <= remaining else { return nil }
        if size == 0 { return .int(0) }
        var bytes: [UInt8] = []  // most significant first
        var left = size
        if little {
            // Whole bytes from the least significant, then the top bits as a partial field.
            while left >= 8 {
                guard let b = readBits(8) else { return nil }
                bytes.append(UInt8(b))
                left -= 8
            }
            if left > 0 {
                guard let top = readBits(left) else { return nil }
                bytes.append(UInt8(top))
            }
            bytes.reverse()
        } else {
            // Big-endian bytes, the first one partial when size % 8 != 0.
            let firstWidth = size % 8 == 0 ? 8 : size % 8
            guard let first = readBits(firstWidth) else { return nil }
            bytes.append(UInt8(first))
            left -= firstWidth
            while left > 0 {
                guard let b = readBits(8) else { return nil }
                bytes.append(UInt8(b))
                left -= 8
            }
        }
        var magnitude = BigUInt(0)
        for b in bytes { magnitude = (magnitude << 8) | BigUInt(b) }
        var value = BigInt(magnitude)
        if signed && size > 0 && (magnitude >> (size - 1)) & 1 == 1 {
            value -= BigInt(1) << size
        }
        return Term.integer(value)
    }

    /// Reads a float of 16, 32 or 64 bits.
    mutating func readFloat(size: Int, little: Bool) -> Term? {
        guard size == 16 || size == 32 || size == 64, var pattern = readBits(size) else { return nil }
        if little {
            var swapped: UInt64 = 0
            for _ in 0..<(size / 8) {
                swapped = (swapped << 8) | (pattern & 0xFF)
                pattern >>= 8
            }
            pattern = swapped
        }
        let value: Double
        switch size {
        case 64: value = Double(bitPattern: pattern)
        case 32: value = Double(Float(bitPattern: UInt32(truncatingIfNeeded: pattern)))
        default: value = halfToDouble(UInt16(truncatingIfNeeded: pattern))
        }
        return value.isFinite ? .float(value) : nil
    }

    /// Reads `bits` bits as a bitstring (all the rest when `nil`).
    mutating func readBitstring(bits: Int?) -> Bitstring? {
        let count = bits ?? remaining
        guard count >= 0, count <= remaining else { return nil }
        if offset % 8 == 0 {
            let start = offset / 8
            let wholeBytes = count / 8
            var bytes = Array(source.bytes[start..<(start + wholeBytes)])
            offset += wholeBytes * 8
            let rest = count % 8
            if rest > 0, let tail = readBits(rest) {
                bytes.append(UInt8(tail << UInt64(8 - rest)))
            }
            return Bitstring(bytes: bytes, bitCount: count)
        }
        var writer = BitWriter()
        var left = count
        while left > 0 {
            let take = min(8, left)
            guard let chunk = readBits(take) else { return nil }
            writer.appendBits(chunk, count: take)
            left -= take
        }
        return writer.bitstring
    }

    /// Reads one UTF-8/16/32 code point.
    mutating func readCodePoint(kind: SegmentSpec.Kind, little: Bool) -> Term? {
        switch kind {
        case .utf8:
            guard let first = readBits(8) else { return nil }
            let length: Int
            var code: UInt64
            switch first {
            case 0..<0x80: return .int(Int(first))
            case 0xC0..<0xE0: length = 1; code = first & 0x1F
            case 0xE0..<0xF0: length = 2; code = first & 0x0F
            case 0xF0..<0xF8: length = 3; code = first & 0x07
            default: return nil
            }
            for _ in 0..<length {
                guard let next = readBits(8), next & 0xC0 == 0x80 else { return nil }
                code = (code << 6) | (next & 0x3F)
            }
            return Unicode.Scalar(UInt32(code)) != nil ? .int(Int(code)) : nil
        case .utf16:
            guard case .int(let unit)? = readInteger(size: 16, signed: false, little: little) else { return nil }
            if unit < 0xD800 || unit > 0xDFFF { return .int(unit) }
            guard unit < 0xDC00, case .int(let low)? = readInteger(size: 16, signed: false, little: little),
                  (0xDC00...0xDFFF).contains(low) else { return nil }
            return .int(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
        case .utf32:
            guard case .int(let code)? = readInteger(size: 32, signed: false, little: little),
                  Unicode.Scalar(UInt32(clamping: code)) != nil else { return nil }
            return .int(code)
        case .integer, .float, .binary, .bitstring:
            return nil
        }
    }
}

/// The value of IEEE half-precision bits.
func halfToDouble(_ bits: UInt16) -> Double {
    let sign: Double = bits & 0x8000 != 0 ? -1 : 1
    let exponent = Int((bits >> 10) & 0x1F)
    let mantissa = Double(bits & 0x3FF)
    if exponent == 0 { return sign * mantissa * pow2(-24) }
    if exponent == 31 { return mantissa == 0 ? sign * .infinity : .nan }
    return sign * (1 + mantissa / 1024) * pow2(exponent - 15)
}

private func pow2(_ e: Int) -> Double { Double(sign: .plus, exponent: e, significand: 1) }
