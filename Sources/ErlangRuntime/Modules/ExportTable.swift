import ErlangTerms

/// A module's functions by name and arity, made once when the module is
/// built and only read after: an open-addressing table on the key's one
/// word (Fibonacci hashing, linear probing, at most half full). Every
/// remote call looks a function up here; a `Dictionary` spent most of
/// that in SipHash.
public struct ExportTable: Sendable {
    private struct Entry: Sendable {
        let key: FunctionKey
        let function: NativeFunction
    }

    private let slots: [Entry?]
    private let shift: UInt64

    /// A table of `functions` by their keys (a later one with the same key wins).
    public init(_ functions: [(key: FunctionKey, function: NativeFunction)]) {
        var capacity = 8
        while capacity < functions.count * 2 { capacity *= 2 }
        var slots = [Entry?](repeating: nil, count: capacity)
        let shift = UInt64(64 - capacity.trailingZeroBitCount)
        for (key, function) in functions {
            var index = ExportTable.home(key, shift)
            while let existing = slots[index], existing.key != key {
                index = (index + 1) & (capacity - 1)
            }
            slots[index] = Entry(key: key, function: function)
        }
        self.slots = slots
        self.shift = shift
    }

    /// The function `key`, if the table has it.
    public subscript(key: FunctionKey) -> NativeFunction? {
        var index = ExportTable.home(key, shift)
        while let entry = slots[index] {
            if entry.key == key { return entry.function }
            index = (index + 1) & (slots.count - 1)
        }
        return nil
    }

    private static func home(_ key: FunctionKey, _ shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key.word &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }
}
