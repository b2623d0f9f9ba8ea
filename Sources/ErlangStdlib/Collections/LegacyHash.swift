import BigInt
import ErlangRuntime
import ErlangTerms

/// erts' old term hash (`make_hash`), behind `erlang:phash/2` and so behind
/// where `dict` puts each key. Mirrors OTP 25 on a 64-bit machine for
/// atoms, integers, floats, lists, tuples and binaries: every step is
/// 32-bit arithmetic that wraps, with erts' primes, and an atom contributes
/// the `hashpjw` value of its name. Pids, references, funs and maps get a
/// stable hash of Swerl's own (known difference: their `dict` slots differ
/// from erl's). Iterative: nested terms go on an explicit stack.
enum LegacyHash {
    private static let p1: UInt32 = 268_440_163, p2: UInt32 = 268_439_161, p3: UInt32 = 268_435_459
    private static let p4: UInt32 = 268_436_141, p6: UInt32 = 268_437_017, p8: UInt32 = 268_437_511
    private static let p9: UInt32 = 268_439_627

    /// A step still to take: hash a term, or finish a list or a tuple.
    private enum Step {
        case term(Term)
        case byte(Int)
        case multiply(UInt32, plus: UInt32)
    }

    /// `erlang:phash(Term, Range)`: 1..Range (`Range` 0 means 2^32).
    static func phash(_ term: Term, range: UInt64) -> UInt64 {
        let h = UInt64(hash(term))
        return range == 0 || range > UInt64(UInt32.max) ? h + 1 : h % range + 1
    }

    /// `make_hash(Term)`.
    static func hash(_ term: Term) -> UInt32 {
        var h: UInt32 = 0
        var steps: [Step] = [.term(term)]
        while let step = steps.popLast() {
            switch step {
            case .byte(let b):
                h = h &* p2 &+ UInt32(b)
            case .multiply(let prime, let plus):
                h = h &* prime &+ plus
            case .term(let t):
                switch t {
                case .nil:
                    h = h &* p3 &+ 1
                case .atom(let a):
                    h = h &* p1 &+ atomHash(a.text)
                case .int(let n):
                    h = integer(n.magnitude, negative: n < 0, h)
                case .bigInt(let box):
                    h = big(box.value, h)
                case .float(let d):
                    let bits = d.bitPattern
                    h = h &* p6 &+ (UInt32(truncatingIfNeeded: bits) ^ UInt32(truncatingIfNeeded: bits >> 32))
                case .binary(let bits):
                    let bytes = bits.bytes
                    for b in bytes { h = h &* p1 &+ UInt32(b) }
                    h = h &* p4 &+ UInt32(truncatingIfNeeded: bytes.count)
                case .tuple(let e):
                    steps.append(.multiply(p9, plus: UInt32(truncatingIfNeeded: e.count)))
                    for item in e.reversed() { steps.append(.term(item)) }
                case .cons:
                    let (items, tail) = t.listPrefixAndTail
                    // The tail's hash, then the whole list's final multiplication.
                    steps.append(.multiply(p8, plus: 0))
                    steps.append(.term(tail))
                    for item in items.reversed() {
                        if case .int(let b) = item, (0...255).contains(b) { steps.append(.byte(b)) } else { steps.append(.term(item)) }
                    }
                case .map, .pid, .ref, .fun:
                    h = h &* p1 &+ UInt32(truncatingIfNeeded: TermHash.hash(t))
                }
            }
        }
        return h
    }

    /// A small integer: the bytes of its magnitude's low word (and high
    /// word, when not zero), then the sign's prime.
    private static func integer(_ magnitude: UInt, negative: Bool, _ start: UInt32) -> UInt32 {
        var h = start
        func step(_ x: UInt32) {
            h = (((h &* p2 &+ (x & 0xFF)) &* p2 &+ ((x >> 8) & 0xFF)) &* p2 &+ ((x >> 16) & 0xFF)) &* p2 &+ (x >> 24)
        }
        step(UInt32(truncatingIfNeeded: magnitude))
        if magnitude >> 32 != 0 { step(UInt32(truncatingIfNeeded: magnitude >> 32)) }
        return h &* (negative ? p4 : p3)
    }

    /// A big integer: the bytes of its 64-bit digits, least significant
    /// first; of the top digit only the low 4 bytes when its high half is
    /// zero (as a small integer is hashed).
    private static func big(_ value: BigInt, _ start: UInt32) -> UInt32 {
        var h = start
        let words = Array(value.magnitude.words)
        for (i, word) in words.enumerated() {
            var d = UInt64(word)
            let bytes = i == words.count - 1 && d >> 32 == 0 ? 4 : 8
            for _ in 0..<bytes {
                h = h &* p2 &+ UInt32(d & 0xFF)
                d >>= 8
            }
        }
        return h &* (value.sign == .minus ? p4 : p3)
    }

    /// erts' atom hash: `hashpjw` over the name's bytes, with a two-byte
    /// UTF-8 sequence for a Latin-1 character taken as that character.
    static func atomHash(_ text: String) -> UInt32 {
        let bytes = Array(text.utf8)
        var h: UInt32 = 0
        var i = 0
        while i < bytes.count {
            var v = UInt32(bytes[i])
            i += 1
            if i < bytes.count, v & 0xFE == 0xC2, bytes[i] & 0xC0 == 0x80 {
                v = ((v << 6) | UInt32(bytes[i] & 0x3F)) & 0xFF
                i += 1
            }
            h = (h << 4) &+ v
            let g = h & 0xF000_0000
            if g != 0 {
                h ^= g >> 24
                h ^= g
            }
        }
        return h
    }
}
