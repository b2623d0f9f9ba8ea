/// A binary (a whole number of bytes) or bitstring.
///
/// The bits are stored big-endian in `bytes`; when `bitCount` is not a
/// multiple of 8 the last byte holds the trailing bits in its high end and
/// its low bits are zero.
public final class Bitstring: Sendable {
    /// The bytes; the last one may be partial.
    public let bytes: [UInt8]
    /// The number of bits.
    public let bitCount: Int

    /// A binary of whole `bytes`.
    public init(bytes: [UInt8]) {
        self.bytes = bytes
        self.bitCount = bytes.count * 8
    }

    /// A bitstring of `bitCount` bits (`bytes.count == (bitCount + 7) / 8`).
    public init(bytes: [UInt8], bitCount: Int) {
        precondition(bytes.count == (bitCount + 7) / 8, "bitstring size mismatch")
        self.bytes = bytes
        self.bitCount = bitCount
    }

    /// Whether the bitstring is a binary (a whole number of bytes).
    public var isBinary: Bool { bitCount % 8 == 0 }

    /// The number of bits past the last whole byte (0 for a binary).
    public var trailingBitCount: Int { bitCount % 8 }
}

extension Term {
    /// A binary term from bytes.
    public static func binary<C: Collection>(_ bytes: C) -> Term where C.Element == UInt8 {
        .binary(Bitstring(bytes: Array(bytes)))
    }

    /// A binary term holding `text` as UTF-8.
    public static func binary(utf8 text: String) -> Term {
        .binary(Bitstring(bytes: Array(text.utf8)))
    }
}
