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
        let code: FunBody?
    }

    private let slots: [Entry?]
    private let shift: UInt64

    /// A table of `functions` by their keys (a later one with the same key
    /// wins); `code` is what `ErlangModule.exportedCode` gives for a key.
    public init(_ functions: [(key: FunctionKey, function: NativeFunction)], code: [FunctionKey: FunBody] = [:]) {
        var capacity = 8
        while capacity < functions.count * 2 { capacity *= 2 }
        var slots = [Entry?](repeating: nil, count: capacity)
        let shift = UInt64(64 - capacity.trailingZeroBitCount)
        for (key, function) in functions {
            var index = ExportTable.home(key, shift)
            while let existing = slots[index], existing.key != key {
                index = (index + 1) & (capacity - 1)
            }
            slots[index] = Entry(key: key, function: function, code: code[key])
        }
        self.slots = slots
        self.shift = shift
    }

    /// The function `key`, if the table has it.
    public subscript(key: FunctionKey) -> NativeFunction? {
        guard let index = slot(of: key) else { return nil }
        return slots[index]?.function
    }

    /// The callable object for `key`, if the table has one.
    public func code(_ key: FunctionKey) -> FunBody? {
        guard let index = slot(of: key) else { return nil }
        return slots[index]?.code
    }

    /// The function `key` in the cheapest form the table has: its object
    /// when it has one, else the function's own kind.
    public func exported(_ key: FunctionKey) -> ExportedFunction? {
        guard let index = slot(of: key), let entry = slots[index] else { return nil }
        if let code = entry.code { return .code(code) }
        return .native(entry.function)
    }

    /// Where `key` is (the slot is then non-empty), by index so that a
    /// lookup copies only the field it wants out of the entry.
    private func slot(of key: FunctionKey) -> Int? {
        var index = ExportTable.home(key, shift)
        while let entry = slots[index] {
            if entry.key == key { return index }
            index = (index + 1) & (slots.count - 1)
        }
        return nil
    }

    private static func home(_ key: FunctionKey, _ shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key.word &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }
}
