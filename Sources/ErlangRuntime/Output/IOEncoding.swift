import Synchronization

/// The encoding of standard I/O, as `io:getopts/0` reports it and
/// `io:setopts/1` changes it. erl's standard_io is `latin1` unless it runs
/// its interactive shell on a UTF-8 terminal: reading a pipe, each input
/// byte is one character, and each character up to 255 is written as one
/// byte (so `[233].` writes the byte 0xE9, and typed UTF-8 text comes
/// back byte for byte).
public enum IOEncoding: UInt8, Sendable {
    /// One byte per character; characters above 255 are written `\x{3BB}`.
    case latin1
    /// UTF-8 both ways.
    case unicode

    /// How latin1 writes a character above 255: `\x{3BB}`.
    public static func latin1Escape(_ scalar: Unicode.Scalar) -> String {
        "\\x{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    }

    /// The bytes of `text` in this encoding, appended to `bytes`.
    public func encode(_ text: String, into bytes: inout [UInt8]) {
        if self == .unicode || text.utf8.allSatisfy({ $0 < 0x80 }) {
            bytes.append(contentsOf: text.utf8)
            return
        }
        for scalar in text.unicodeScalars {
            if scalar.value < 256 {
                bytes.append(UInt8(scalar.value))
            } else {
                bytes.append(contentsOf: IOEncoding.latin1Escape(scalar).utf8)
            }
        }
    }

    /// The text of `bytes` read in this encoding (invalid UTF-8 becomes
    /// U+FFFD).
    public func decode(_ bytes: ArraySlice<UInt8>) -> String {
        if self == .unicode || !bytes.contains(where: { $0 >= 0x80 }) {
            return String(decoding: bytes, as: UTF8.self)
        }
        // Latin-1: each byte is the code point; above 127 that is two UTF-8 bytes.
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            if byte < 0x80 {
                utf8.append(byte)
            } else {
                utf8.append(0xC0 | (byte >> 6))
                utf8.append(0x80 | (byte & 0x3F))
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }
}

/// The current `IOEncoding` of a device, shared by its writer, its reader
/// and `io:setopts/1`.
public final class IOEncodingSetting: Sendable {
    private let raw: Atomic<UInt8>

    /// A setting that starts as `initial`.
    public init(_ initial: IOEncoding) {
        raw = Atomic(initial.rawValue)
    }

    /// The encoding now.
    public var value: IOEncoding {
        IOEncoding(rawValue: raw.load(ordering: .relaxed)) ?? .unicode
    }

    /// Changes the encoding for what is written and read from now on.
    public func set(_ encoding: IOEncoding) {
        raw.store(encoding.rawValue, ordering: .relaxed)
    }
}
