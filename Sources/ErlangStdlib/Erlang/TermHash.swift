import ErlangTerms

/// A portable hash of a term, for `erlang:phash2/1,2`: the same term gives
/// the same value in every run (Swift's `Hasher` is seeded per process, so
/// it cannot be used). The values differ from BEAM's. Consistent with `=:=`
/// (`0.0` and `-0.0` hash alike, as they compare exactly equal in OTP 25).
enum TermHash {
    /// The 64-bit FNV-1a hash of the term's structure, walked iteratively.
    static func hash(_ term: Term) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ value: UInt64) {
            var v = value
            for _ in 0..<8 {
                h ^= v & 0xFF
                h &*= 0x0000_0100_0000_01b3
                v >>= 8
            }
        }
        func mix(_ text: String) {
            mix(UInt64(text.utf8.count))
            for b in text.utf8 {
                h ^= UInt64(b)
                h &*= 0x0000_0100_0000_01b3
            }
        }
        var pending: [Term] = [term]
        while let t = pending.popLast() {
            switch t {
            case .int(let i):
                mix(1)
                mix(UInt64(bitPattern: Int64(i)))
            case .bigInt(let b):
                mix(2)
                mix(String(b.value))
            case .float(let f):
                mix(3)
                mix((f == 0 ? 0.0 : f).bitPattern)
            case .atom(let a):
                mix(4)
                mix(a.text)
            case .tuple(let e):
                mix(5)
                mix(UInt64(e.count))
                pending.append(contentsOf: e.reversed())
            case .nil:
                mix(6)
            case .cons(let cell):
                mix(7)
                pending.append(cell.tail)
                pending.append(cell.head)
            case .map(let m):
                mix(8)
                mix(UInt64(m.count))
                for (k, v) in m.sortedPairs.reversed() {
                    pending.append(v)
                    pending.append(k)
                }
            case .binary(let b):
                mix(9)
                mix(UInt64(b.bitCount))
                for byte in b.bytes {
                    h ^= UInt64(byte)
                    h &*= 0x0000_0100_0000_01b3
                }
            case .pid(let p):
                mix(10)
                mix(p.serial)
            case .ref(let r):
                mix(11)
                mix(r.id)
            case .fun(let f):
                mix(12)
                switch f.kind {
                case .external(let module, let function):
                    // `fun M:F/A` is a value: equal ones hash alike.
                    mix(module.text)
                    mix(function.text)
                    mix(UInt64(f.arity))
                case .local:
                    mix(f.identity)
                }
            }
        }
        return h
    }
}
