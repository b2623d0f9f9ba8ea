import ErlangSyntax
import ErlangTerms

/// The type specifiers of one bit-syntax segment (`X:Size/Type-Sign-Endian-unit:U`).
public struct SegmentSpec: Sendable, Equatable {
    /// The segment's value type.
    public enum Kind: Sendable, Equatable {
        case integer, float, binary, bitstring, utf8, utf16, utf32
    }
    /// Byte order.
    public enum Endianness: Sendable, Equatable { case big, little, native }

    /// The value type (`integer` by default).
    public var kind: Kind = .integer
    /// Whether integers are signed.
    public var signed = false
    /// Byte order for integers, floats and utf16/32.
    public var endianness: Endianness = .big
    /// The unit; `nil` means the type's default (1 for integer/float/bitstring, 8 for binary).
    public var unit: Int?

    /// Specifiers with erl's defaults.
    public init() {}

    /// Parses type specifiers such as `binary`, `little`, `unit:8`;
    /// throws erl's `bit type ... undefined` for one it does not know.
    init(specifiers: [String]) throws(EvalDiagnostic) {
        for s in specifiers {
            switch s {
            case "integer": kind = .integer
            case "float": kind = .float
            case "binary", "bytes": kind = .binary
            case "bitstring", "bits": kind = .bitstring
            case "utf8": kind = .utf8
            case "utf16": kind = .utf16
            case "utf32": kind = .utf32
            case "signed": signed = true
            case "unsigned": signed = false
            case "big": endianness = .big
            case "little": endianness = .little
            case "native": endianness = .native
            default:
                if s.hasPrefix("unit:"), let u = Int(s.dropFirst(5)), (1...256).contains(u) {
                    unit = u
                } else {
                    throw EvalDiagnostic("bit type \(s) undefined", at: SourceLocation(line: 1, column: 1))
                }
            }
        }
    }

    /// The unit in force.
    public var effectiveUnit: Int {
        if let unit { return unit }
        switch kind {
        case .binary: return 8
        case .integer, .float, .bitstring, .utf8, .utf16, .utf32: return 1
        }
    }

    /// The size used when the segment has none: 8 for integers, 64 for
    /// floats; `nil` for binaries (all of it) and the utf types.
    public var defaultSize: Int? {
        switch kind {
        case .integer: return 8
        case .float: return 64
        case .binary, .bitstring, .utf8, .utf16, .utf32: return nil
        }
    }

    /// Little-endian after resolving `native` (this machine's order).
    var isLittle: Bool {
        switch endianness {
        case .big: return false
        case .little: return true
        case .native: return 1.littleEndian == 1
        }
    }
}
