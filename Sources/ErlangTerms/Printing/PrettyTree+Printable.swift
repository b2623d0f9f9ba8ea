/// Which lists and binaries `PrettyPrinter` shows as text, and how
/// (erl's `printable_list/4` and `printable_bin0/4`): a printable list is
/// `"abc"`; a printable binary is `<<"abc">>`, `<<"é"/utf8>>` (unicode), or
/// a prefix `<<"abc"...>>` when the depth limit cuts it.
extension PrettyTree {
    /// The list as a quoted string, when it is printable.
    func printableString(_ term: Term, settings: Settings) -> String? {
        let range: PrintableRange = settings.encoding == .latin1 ? .latin1 : settings.printableRange
        guard let codes = StringText.printableCodes(term, range: range) else { return nil }
        return StringText.quoted(codes, encoding: settings.encoding)
    }

    /// Measures a binary: text when printable, else bytes.
    mutating func measureBinary(_ b: Bitstring, depth d: Int, settings: Settings) -> Int {
        if b.bitCount == 0 { return addText("<<>>") }
        if d == 1 { return addText("<<...>>") }
        if settings.strings, b.isBinary, let text = PrettyTree.printableBinary(b, depth: d - 1, settings: settings) {
            return addText(text)
        }
        let (pieces, bits) = TermWriter.binaryParts(b, depth: d)
        let length = 4 + pieces.reduce(0) { $0 + $1.unicodeScalars.count } + max(0, pieces.count - 1)
        let node = addNode(.bytes(pieces: pieces, bits: bits.map { (value: $0.0, size: $0.1) }), length: length)
        return node
    }

    /// What part of a binary prints as text.
    private enum PrintableBinary {
        /// All of it (`utf8`: decoded, written with `/utf8`).
        case whole([Int], utf8: Bool)
        /// A prefix, followed by `...`.
        case prefix([Int], utf8: Bool)
    }

    /// The binary as text, or `nil` when it prints as bytes. `depth` is the
    /// binary's depth minus one (erl's `D1`).
    static func printableBinary(_ b: Bitstring, depth: Int, settings: Settings) -> String? {
        let bytes = b.bytes
        // erl looks at no more than 4 characters per level of depth.
        let window = depth >= 0 ? min(4 * depth, bytes.count) : bytes.count
        if window == 0 { return nil }
        let found: PrintableBinary?
        switch settings.encoding {
        case .latin1:
            found = printableLatin1(bytes, window: window, depth: depth)
        case .unicode:
            found = printableUTF8(bytes, window: window, depth: depth, range: settings.printableRange)
                ?? (isValidUTF8(bytes, characters: window) ? nil : printableLatin1(bytes, window: window, depth: depth))
        }
        switch found {
        case nil: return nil
        case .whole(let codes, let utf8):
            return "<<" + StringText.quoted(codes, encoding: .unicode) + (utf8 ? "/utf8>>" : ">>")
        case .prefix(let codes, let utf8):
            return "<<" + StringText.quoted(codes, encoding: .unicode) + (utf8 ? "/utf8...>>" : "...>>")
        }
    }

    /// erl's `printable_bin/4` for `latin1`.
    private static func printableLatin1(_ bytes: [UInt8], window: Int, depth: Int) -> PrintableBinary? {
        let limit = min(20, window)
        let firstBad = bytes[0..<limit].firstIndex { !StringText.isPrintableLatin1(Int($0)) }
        if let bad = firstBad {
            if depth > 0 && bad >= depth { return .prefix(bytes[0..<bad].map(Int.init), utf8: false) }
            return nil
        }
        if limit == bytes.count { return .whole(bytes.map(Int.init), utf8: false) }
        if limit == window { return .prefix(bytes[0..<limit].map(Int.init), utf8: false) }
        let good = bytes[limit..<window].firstIndex { !StringText.isPrintableLatin1(Int($0)) } ?? window
        if good == window && window == bytes.count { return .whole(bytes.map(Int.init), utf8: false) }
        if depth > 0 && good >= depth { return .prefix(bytes[0..<good].map(Int.init), utf8: false) }
        return nil
    }

    /// erl's `printable_bin/4` for `unicode`, when the window is valid UTF-8.
    private static func printableUTF8(_ bytes: [UInt8], window: Int, depth: Int,
                                      range: PrintableRange) -> PrintableBinary? {
        guard isValidUTF8(bytes, characters: window) else { return nil }
        var codes: [Int] = []
        var position = 0
        var remaining = window
        while remaining > 0, position < bytes.count,
              let (code, size) = decodeUTF8(bytes, at: position), isPrintableInBinary(code, range: range) {
            codes.append(code)
            position += size
            remaining -= 1
        }
        if position == bytes.count { return .whole(codes, utf8: bytes.count != codes.count) }
        if depth > 0 && window - remaining >= depth { return .prefix(codes, utf8: position != codes.count) }
        return nil
    }

    /// erl's `printable_char/2`.
    private static func isPrintableInBinary(_ c: Int, range: PrintableRange) -> Bool {
        switch c {
        case 0x0A, 0x0D, 0x09, 0x0B, 0x08, 0x0C, 0x1B: return true
        default: break
        }
        switch range {
        case .latin1: return (0x20...0x7E).contains(c) || (0xA0...0xFF).contains(c)
        case .unicode:
            return (0x20...0x7E).contains(c) || (0xA0..<0xD800).contains(c) || (0xE000..<0xFFFE).contains(c)
                || (0x10000...0x10FFFF).contains(c)
        }
    }

    /// Whether the first `characters` characters of `bytes` (or all of them)
    /// are valid UTF-8 (erl's `valid_utf8/2`).
    static func isValidUTF8(_ bytes: [UInt8], characters: Int) -> Bool {
        var position = 0
        var count = characters
        while position < bytes.count && count > 0 {
            guard let (_, size) = decodeUTF8(bytes, at: position) else { return false }
            position += size
            count -= 1
        }
        return true
    }

    /// The code point starting at `position` and its size in bytes, as
    /// Erlang's `/utf8` segment decodes it (no overlong forms, no surrogates).
    static func decodeUTF8(_ bytes: [UInt8], at position: Int) -> (Int, Int)? {
        let b0 = Int(bytes[position])
        let size: Int
        var code: Int
        switch b0 {
        case 0x00...0x7F: return (b0, 1)
        case 0xC2...0xDF: size = 2; code = b0 & 0x1F
        case 0xE0...0xEF: size = 3; code = b0 & 0x0F
        case 0xF0...0xF4: size = 4; code = b0 & 0x07
        default: return nil
        }
        guard position + size <= bytes.count else { return nil }
        for i in 1..<size {
            let b = Int(bytes[position + i])
            guard b & 0xC0 == 0x80 else { return nil }
            code = code << 6 | (b & 0x3F)
        }
        switch size {
        case 3 where code < 0x800 || (0xD800...0xDFFF).contains(code): return nil
        case 4 where code < 0x10000 || code > 0x10FFFF: return nil
        default: return (code, size)
        }
    }
}
