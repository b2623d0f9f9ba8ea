#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The checksums and digest erlang's BIFs compute over iodata: CRC-32
/// (zlib's polynomial), Adler-32 and MD5 (RFC 1321).
enum Checksums {
    /// CRC-32 of `bytes`, continuing from `crc` (0 to start).
    static func crc32(_ bytes: [UInt8], continuing crc: UInt32 = 0) -> UInt32 {
        var c = ~crc
        for byte in bytes {
            c = crcTable[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8)
        }
        return ~c
    }

    private static let crcTable: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    /// Adler-32 of `bytes`, continuing from `adler` (1 to start).
    static func adler32(_ bytes: [UInt8], continuing adler: UInt32 = 1) -> UInt32 {
        let modulus: UInt32 = 65521
        var a = adler & 0xFFFF, b = adler >> 16
        for byte in bytes {
            a = (a + UInt32(byte)) % modulus
            b = (b + a) % modulus
        }
        return b << 16 | a
    }

    /// The 16-byte MD5 digest of `bytes`.
    static func md5(_ bytes: [UInt8]) -> [UInt8] {
        var message = bytes
        let bitLength = UInt64(bytes.count) &* 8
        message.append(0x80)
        while message.count % 64 != 56 { message.append(0) }
        for i in 0..<8 { message.append(UInt8(truncatingIfNeeded: bitLength >> (8 * UInt64(i)))) }

        var h: (UInt32, UInt32, UInt32, UInt32) = (0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476)
        for chunk in stride(from: 0, to: message.count, by: 64) {
            var m = [UInt32](repeating: 0, count: 16)
            for i in 0..<16 {
                let at = chunk + 4 * i
                m[i] = UInt32(message[at]) | UInt32(message[at + 1]) << 8
                    | UInt32(message[at + 2]) << 16 | UInt32(message[at + 3]) << 24
            }
            var (a, b, c, d) = h
            for i in 0..<64 {
                var f: UInt32
                let g: Int
                switch i {
                case 0..<16: f = (b & c) | (~b & d); g = i
                case 16..<32: f = (d & b) | (~d & c); g = (5 * i + 1) % 16
                case 32..<48: f = b ^ c ^ d; g = (3 * i + 5) % 16
                default: f = c ^ (b | ~d); g = (7 * i) % 16
                }
                f = f &+ a &+ md5Constants[i] &+ m[g]
                a = d
                d = c
                c = b
                b = b &+ (f << md5Shifts[i] | f >> (32 - md5Shifts[i]))
            }
            h = (h.0 &+ a, h.1 &+ b, h.2 &+ c, h.3 &+ d)
        }
        return [h.0, h.1, h.2, h.3].flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> (8 * UInt32($0))) } }
    }

    /// Per-round left rotations.
    private static let md5Shifts: [UInt32] = [7, 12, 17, 22].repeated(4) + [5, 9, 14, 20].repeated(4)
        + [4, 11, 16, 23].repeated(4) + [6, 10, 15, 21].repeated(4)

    /// floor(2^32 * |sin(i + 1)|).
    private static let md5Constants: [UInt32] = (0..<64).map { UInt32(abs(sin(Double($0 + 1))) * 4_294_967_296) }
}

private extension Array {
    /// The array `times` times over.
    func repeated(_ times: Int) -> [Element] { (0..<times).flatMap { _ in self } }
}
