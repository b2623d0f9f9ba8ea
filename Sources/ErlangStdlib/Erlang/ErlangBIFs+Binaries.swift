import ErlangRuntime
import ErlangTerms

/// Binary BIFs: sizes, binaries to and from lists and iolists, splitting,
/// and the external term format (`term_to_binary/1`, `binary_to_term/1`).
extension ErlangBIFs {
    static let binaries: FunctionTable = [
        bif("byte_size", 1, { _, a in
            guard case .binary(let b) = a[0] else { throw ErlangException.badarg }
            return .int((b.bitCount + 7) / 8)
        }),
        bif("bit_size", 1, { _, a in
            guard case .binary(let b) = a[0] else { throw ErlangException.badarg }
            return .int(b.bitCount)
        }),
        bif("binary_to_list", 1, { _, a in
            guard case .binary(let b) = a[0], b.isBinary else { throw ErlangException.badarg }
            return .codes(b.bytes)
        }),
        bif("binary_to_list", 3, { _, a in
            guard case .binary(let b) = a[0], b.isBinary, case .int(let start) = a[1], case .int(let stop) = a[2],
                  start >= 1, start <= stop, stop <= b.bytes.count else { throw ErlangException.badarg }
            return .codes(b.bytes[(start - 1)..<stop])
        }),
        bif("bitstring_to_list", 1, { _, a in
            guard case .binary(let b) = a[0] else { throw ErlangException.badarg }
            let whole = b.bitCount / 8
            let tail: Term = b.isBinary ? .nil
                : .list([.binary(BitBuilder.slice(b, offset: whole * 8, count: b.trailingBitCount))])
            return .list(b.bytes[0..<whole].map { Term.int(Int($0)) }, tail: tail)
        }),
        bif("list_to_binary", 1, { _, a in
            guard a[0].isList, let bytes = Text.iolistBytes(a[0]) else { throw ErlangException.badarg }
            return .binary(bytes)
        }),
        bif("list_to_bitstring", 1, { _, a in
            guard a[0].isList, let bits = bitstringList(a[0]) else { throw ErlangException.badarg }
            return .binary(bits)
        }),
        bif("iolist_to_binary", 1, { _, a in
            if case .binary(let b) = a[0], b.isBinary { return a[0] }
            guard a[0].isList, let bytes = Text.iolistBytes(a[0]) else { throw ErlangException.badarg }
            return .binary(bytes)
        }),
        bif("iolist_size", 1, { _, a in
            guard let bytes = Text.iolistBytes(a[0]) else { throw ErlangException.badarg }
            return .int(bytes.count)
        }),
        bif("split_binary", 2, { _, a in
            guard case .binary(let b) = a[0], case .int(let pos) = a[1], pos >= 0, pos <= b.bitCount / 8 else {
                throw ErlangException.badarg
            }
            return .tuple([.binary(BitBuilder.slice(b, offset: 0, count: pos * 8)),
                           .binary(BitBuilder.slice(b, offset: pos * 8, count: b.bitCount - pos * 8))])
        }),
        bif("binary_part", 2, { _, a in
            guard case .tuple(let e) = a[1], e.count == 2 else { throw ErlangException.badarg }
            return try binaryPart(a[0], e[0], e[1])
        }),
        bif("binary_part", 3, { _, a in try binaryPart(a[0], a[1], a[2]) }),
        bif("term_to_binary", 1, { _, a in
            guard let bytes = ExternalFormat.encode(a[0]) else { throw ErlangException.badarg }
            return .binary(bytes)
        }),
        bif("term_to_binary", 2, { _, a in
            guard a[1].properListLength != nil, let bytes = ExternalFormat.encode(a[0]) else {
                throw ErlangException.badarg
            }
            return .binary(bytes)
        }),
        bif("binary_to_term", 1, { _, a in
            guard case .binary(let b) = a[0], b.isBinary, let (term, _) = ExternalFormat.decode(b.bytes) else {
                throw ErlangException.badarg
            }
            return term
        }),
        bif("binary_to_term", 2, { _, a in
            guard case .binary(let b) = a[0], b.isBinary, let options = a[1].listElements,
                  let (term, used) = ExternalFormat.decode(b.bytes) else { throw ErlangException.badarg }
            return options.contains(.atom("used")) ? .tuple([term, .int(used)]) : term
        }),
    ]

    /// `binary_part(Bin, Start, Length)`: `Length` may be negative (the bytes before `Start`).
    static func binaryPart(_ bin: Term, _ start: Term, _ length: Term) throws -> Term {
        guard case .binary(let b) = bin, case .int(let s) = start, case .int(let n) = length else {
            throw ErlangException.badarg
        }
        guard let (from, to) = byteRange(start: s, length: n, size: b.bitCount / 8) else { throw ErlangException.badarg }
        return .binary(BitBuilder.slice(b, offset: from * 8, count: (to - from) * 8))
    }

    /// The byte range `binary_part/3` selects from a binary of `size` bytes:
    /// `length` bytes from `start` (before it for a negative `length`), or
    /// `nil` when that leaves the binary. Overflow-safe for any `Int`s.
    static func byteRange(start: Int, length: Int, size: Int) -> (from: Int, to: Int)? {
        guard start >= 0, start <= size else { return nil }
        if length >= 0 {
            guard length <= size - start else { return nil }
            return (start, start + length)
        }
        guard length >= -start else { return nil }
        return (start + length, start)
    }

    /// The bits of a list of bytes, bitstrings and nested such lists.
    static func bitstringList(_ term: Term) -> Bitstring? {
        var builder = BitBuilder()
        var stack: [(Term, Bool)] = [(term, true)]
        while let (t, isTail) = stack.popLast() {
            switch t {
            case .nil: continue
            case .binary(let b): builder.append(b)
            case .int(let c):
                guard !isTail, (0...255).contains(c) else { return nil }
                builder.append(byte: UInt8(c))
            case .cons(let cell):
                stack.append((cell.tail, true))
                stack.append((cell.head, false))
            case .bigInt, .float, .atom, .tuple, .map, .pid, .ref, .fun:
                return nil
            }
        }
        return builder.bitstring
    }
}
