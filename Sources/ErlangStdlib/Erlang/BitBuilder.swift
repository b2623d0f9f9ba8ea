import ErlangTerms

/// Builds bitstrings bit by bit, and cuts pieces out of them: what
/// `list_to_bitstring/1`, `bitstring_to_list/1` and `split_binary/2` need
/// when the sizes are not whole bytes.
struct BitBuilder {
    private(set) var bytes: [UInt8] = []
    private(set) var bitCount = 0

    /// Appends the `count` bits of `source` starting at bit `offset`.
    mutating func append(_ source: Bitstring, offset: Int = 0, count: Int? = nil) {
        let n = count ?? source.bitCount - offset
        if bitCount % 8 == 0 && offset % 8 == 0 {
            let start = offset / 8
            bytes.append(contentsOf: source.bytes[start..<start + n / 8])
            bitCount += n / 8 * 8
            for i in (n / 8 * 8)..<n { appendBit(source, offset + i) }
            return
        }
        for i in 0..<n { appendBit(source, offset + i) }
    }

    /// Appends one byte.
    mutating func append(byte: UInt8) {
        append(Bitstring(bytes: [byte]))
    }

    private mutating func appendBit(_ source: Bitstring, _ index: Int) {
        let bit = (source.bytes[index / 8] >> (7 - UInt8(index % 8))) & 1
        if bitCount % 8 == 0 { bytes.append(0) }
        bytes[bytes.count - 1] |= bit << (7 - UInt8(bitCount % 8))
        bitCount += 1
    }

    /// The bitstring built so far.
    var bitstring: Bitstring { Bitstring(bytes: bytes, bitCount: bitCount) }

    /// The `count` bits of `source` from bit `offset`.
    static func slice(_ source: Bitstring, offset: Int, count: Int) -> Bitstring {
        if offset % 8 == 0 && count % 8 == 0 {
            return Bitstring(bytes: Array(source.bytes[offset / 8..<(offset + count) / 8]))
        }
        var builder = BitBuilder()
        builder.append(source, offset: offset, count: count)
        return builder.bitstring
    }
}
