import BigInt
import ErlangTerms

/// Reading the external term format back (`binary_to_term/1`). Malformed
/// input gives `nil` (erl: `badarg`), never a trap; counts read from the
/// input are checked against the bytes left before anything is allocated.
extension ExternalFormat {
    /// The term encoded at the start of `bytes` and how many bytes it used,
    /// or `nil` when the bytes are not a valid encoding.
    static func decode(_ bytes: [UInt8]) -> (Term, Int)? {
        var reader = Reader(bytes: bytes)
        guard reader.byte() == version else { return nil }
        guard let term = reader.term() else { return nil }
        return (term, reader.position)
    }

    /// A composite term whose elements are still being read.
    private enum Frame {
        case tuple(remaining: Int, items: [Term])
        /// A list's elements, then its tail (`remaining` counts the tail).
        case list(remaining: Int, items: [Term])
        case map(remaining: Int, items: [Term])
    }

    private struct Reader {
        let bytes: [UInt8]
        var position = 0

        var remaining: Int { bytes.count - position }

        mutating func byte() -> UInt8? {
            guard position < bytes.count else { return nil }
            defer { position += 1 }
            return bytes[position]
        }

        mutating func take(_ n: Int) -> ArraySlice<UInt8>? {
            guard n >= 0, n <= remaining else { return nil }
            defer { position += n }
            return bytes[position..<position + n]
        }

        mutating func uint16() -> Int? {
            guard let s = take(2) else { return nil }
            return Int(s[s.startIndex]) << 8 | Int(s[s.startIndex + 1])
        }

        mutating func uint32() -> UInt32? {
            guard let s = take(4) else { return nil }
            return s.reduce(0) { $0 << 8 | UInt32($1) }
        }

        /// Reads one term, iteratively.
        mutating func term() -> Term? {
            var stack: [Frame] = []
            while true {
                guard var value = outer(&stack) else { return nil }
                // Hand the value to the frames it completes.
                while true {
                    guard let frame = stack.popLast() else { return value }
                    switch frame {
                    case .tuple(let n, var items):
                        items.append(value)
                        if n > 1 { stack.append(.tuple(remaining: n - 1, items: items)); break }
                        value = .tuple(items)
                        continue
                    case .list(let n, var items):
                        if n > 1 {
                            items.append(value)
                            stack.append(.list(remaining: n - 1, items: items))
                            break
                        }
                        value = .list(items, tail: value)
                        continue
                    case .map(let n, var items):
                        items.append(value)
                        if n > 1 { stack.append(.map(remaining: n - 1, items: items)); break }
                        var pairs: [(Term, Term)] = []
                        var i = 0
                        while i + 1 < items.count {
                            pairs.append((items[i], items[i + 1]))
                            i += 2
                        }
                        value = .map(pairs)
                        continue
                    }
                    break
                }
            }
        }

        /// Reads the next leaf term, pushing a frame for each composite
        /// opened on the way (an empty tuple or map is itself a leaf).
        private mutating func outer(_ stack: inout [Frame]) -> Term? {
            while true {
                guard let tag = byte() else { return nil }
                switch tag {
                case Tag.smallTuple, Tag.largeTuple:
                    guard let n = tag == Tag.smallTuple ? byte().map(Int.init) : uint32().map(Int.init),
                          n <= remaining else { return nil }
                    if n == 0 { return .tuple([]) }
                    stack.append(.tuple(remaining: n, items: []))
                case Tag.list:
                    guard let n = uint32().map(Int.init), n < remaining else { return nil }
                    stack.append(.list(remaining: n + 1, items: []))
                case Tag.map:
                    guard let n = uint32().map(Int.init), n <= remaining / 2 else { return nil }
                    if n == 0 { return .map(.empty) }
                    stack.append(.map(remaining: 2 * n, items: []))
                default:
                    return leaf(tag)
                }
            }
        }

        private mutating func leaf(_ tag: UInt8) -> Term? {
            switch tag {
            case Tag.smallInteger:
                return byte().map { .int(Int($0)) }
            case Tag.integer:
                return uint32().map { .int(Int(Int32(bitPattern: $0))) }
            case Tag.smallBig, Tag.largeBig:
                guard let n = tag == Tag.smallBig ? byte().map(Int.init) : uint32().map(Int.init),
                      let sign = byte(), let digits = take(n) else { return nil }
                let magnitude = Array(digits.reversed()).withUnsafeBytes { BigUInt($0) }
                return .integer(sign == 0 ? BigInt(magnitude) : -BigInt(magnitude))
            case Tag.newFloat:
                guard let s = take(8) else { return nil }
                let bits = s.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
                let f = Double(bitPattern: bits)
                return f.isFinite ? .float(f) : nil
            case Tag.float:
                guard let s = take(31) else { return nil }
                let text = s.prefix { $0 != 0 }.map(Int.init)
                guard let length = FloatText.floatPrefixLength(text), length == text.count,
                      let f = FloatText.double(text[...]) else { return nil }
                return .float(f)
            case Tag.atom, Tag.smallAtom, Tag.atomUTF8, Tag.smallAtomUTF8:
                return atom(tag).map { .atom($0) }
            case Tag.nil:
                return .nil
            case Tag.string:
                guard let n = uint16(), let s = take(n) else { return nil }
                return .codes(s)
            case Tag.binary:
                guard let n = uint32().map(Int.init), let s = take(n) else { return nil }
                return .binary(s)
            case Tag.bitBinary:
                guard let n = uint32().map(Int.init), let bits = byte(), (1...8).contains(bits), n > 0,
                      let s = take(n) else { return nil }
                var trimmed = Array(s)
                trimmed[trimmed.count - 1] &= UInt8(truncatingIfNeeded: 0xFF << (8 - Int(bits)))
                return .binary(Bitstring(bytes: trimmed, bitCount: (n - 1) * 8 + Int(bits)))
            case Tag.newPid, Tag.pid:
                guard let nodeTag = byte(), atom(nodeTag) != nil, let id = uint32(), let serial = uint32(),
                      (tag == Tag.newPid ? uint32() != nil : byte() != nil) else { return nil }
                return .pid(Pid(serial: UInt64(id) | UInt64(serial) << 32))
            case Tag.newerReference, Tag.newReference:
                guard let n = uint16(), let nodeTag = byte(), atom(nodeTag) != nil,
                      (tag == Tag.newerReference ? uint32() != nil : byte() != nil),
                      n <= 5, let ids = take(4 * n) else { return nil }
                let words = stride(from: ids.startIndex, to: ids.endIndex, by: 4).map {
                    ids[$0..<$0 + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
                }
                let low = words.first.map(UInt64.init) ?? 0
                let high = words.count > 1 ? UInt64(words[1]) : 0
                return .ref(Ref(id: low | high << 32))
            case Tag.export:
                guard let mt = byte(), let module = atom(mt), let ft = byte(), let function = atom(ft),
                      byte() == Tag.smallInteger, let arity = byte() else { return nil }
                return ExternalFun.make(module, function, arity: Int(arity))
            default:
                return nil
            }
        }

        private mutating func atom(_ tag: UInt8) -> Atom? {
            let length: Int?
            switch tag {
            case Tag.atom, Tag.atomUTF8: length = uint16()
            case Tag.smallAtom, Tag.smallAtomUTF8: length = byte().map(Int.init)
            default: return nil
            }
            guard let length, let s = take(length) else { return nil }
            let text: String
            if tag == Tag.atom || tag == Tag.smallAtom {
                text = String(String.UnicodeScalarView(s.map { Unicode.Scalar($0) }))
            } else {
                guard let decoded = String(validating: s, as: UTF8.self) else { return nil }
                text = decoded
            }
            guard text.unicodeScalars.count <= Atom.maxLength else { return nil }
            return Atom(text)
        }
    }
}
