/// A small fixed set of short spellings (reserved words, operators), tested
/// without hashing.
///
/// The scanner asks whether every name is a reserved word, and the parser
/// asks at every precedence level whether the token is one of its
/// operators. A `Set<String>` hashes the text with SipHash for each question;
/// here a spelling of up to 8 UTF-8 bytes is packed into one integer and
/// compared with a handful of others.
public struct SpellingSet: Sendable, ExpressibleByArrayLiteral {
    private let packed: [UInt64]
    private let long: [String]

    /// The set of `spellings`.
    public init(_ spellings: [String]) {
        var packed: [UInt64] = []
        var long: [String] = []
        for spelling in spellings {
            if let key = Self.key(spelling) { packed.append(key) } else { long.append(spelling) }
        }
        self.packed = packed
        self.long = long
    }

    /// The set of the listed spellings.
    public init(arrayLiteral spellings: String...) { self.init(spellings) }

    /// Whether `text` is one of the spellings.
    @inlinable
    public func contains(_ text: String) -> Bool {
        guard let key = Self.key(text) else { return containsLong(text) }
        return containsPacked(key)
    }

    /// Whether the spelling packed as `key` (see `key(_:)`) is one of the
    /// spellings; `false` for 0, which no spelling packs to.
    @inlinable
    public func contains(key: UInt64) -> Bool { key != 0 && containsPacked(key) }

    @usableFromInline
    func containsPacked(_ key: UInt64) -> Bool { packed.contains(key) }

    /// `key(_:)` of a literal, read straight from its bytes.
    @inlinable @inline(__always)
    public static func key(_ text: StaticString) -> UInt64? {
        let count = text.utf8CodeUnitCount
        guard text.hasPointerRepresentation, count > 0, count <= 8 else { return nil }
        let bytes = text.utf8Start
        var key: UInt64 = 0
        for i in 0..<count { key |= UInt64(bytes[i]) << UInt64(8 * i) }
        return key
    }

    @usableFromInline
    func containsLong(_ text: String) -> Bool { long.contains(text) }

    /// `text` packed as the sets compare it: its UTF-8 bytes in one
    /// integer (the first byte lowest), or nil when it is empty or longer
    /// than 8 bytes. A caller that asks many sets about one spelling packs
    /// it once.
    @inlinable
    public static func key(_ text: String) -> UInt64? {
        var key: UInt64 = 0
        var shift: UInt64 = 0
        for byte in text.utf8 {
            guard shift < 64 else { return nil }
            key |= UInt64(byte) << shift
            shift += 8
        }
        return shift == 0 ? nil : key
    }
}
