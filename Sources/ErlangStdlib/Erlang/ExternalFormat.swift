import BigInt
import ErlangTerms

/// Erlang's external term format (`term_to_binary/1`), as OTP 25 writes
/// it: version byte 131, then the term. Pids, references and funs are not
/// encoded yet (`nil`).
enum ExternalFormat {
    static func encode(_ term: Term) -> [UInt8]? {
        var out: [UInt8] = [131]
        guard append(term, to: &out) else { return nil }
        return out
    }

    private static func append(_ term: Term, to out: inout [UInt8]) -> Bool {
        switch term {
        case .int(let i) where (0...255).contains(i):
            out += [97, UInt8(i)]
        case .int(let i) where Int(Int32.min)...Int(Int32.max) ~= i:
            out.append(98)
            out += bigEndian(UInt32(bitPattern: Int32(i)))
        case .int, .bigInt:
            guard let v = term.bigIntValue else { return false }
            let bytes = Array(v.magnitude.serialize().reversed())
            if bytes.count < 256 {
                out += [110, UInt8(bytes.count)]
            } else {
                out.append(111)
                out += bigEndian(UInt32(bytes.count))
            }
            out.append(v.sign == .minus ? 1 : 0)
            out += bytes
        case .float(let f):
            out.append(70)
            let bits = f.bitPattern
            for shift in stride(from: 56, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
        case .atom(let a):
            let bytes = Array(a.text.utf8)
            let latin1 = a.text.unicodeScalars.allSatisfy { $0.value < 256 }
            if latin1 {
                let encoded = a.text.unicodeScalars.map { UInt8($0.value) }
                out += [100, UInt8(encoded.count >> 8), UInt8(encoded.count & 0xFF)]
                out += encoded
            } else {
                out += [118, UInt8(bytes.count >> 8), UInt8(bytes.count & 0xFF)]
                out += bytes
            }
        case .tuple(let elements):
            if elements.count < 256 {
                out += [104, UInt8(elements.count)]
            } else {
                out.append(105)
                out += bigEndian(UInt32(elements.count))
            }
            for e in elements where !append(e, to: &out) { return false }
        case .nil:
            out.append(106)
        case .cons:
            let (items, tail) = term.listPrefixAndTail
            if case .nil = tail, items.count < 65536, items.allSatisfy({ if case .int(let c) = $0 { return (0...255).contains(c) } else { return false } }) {
                out += [107, UInt8(items.count >> 8), UInt8(items.count & 0xFF)]
                for case .int(let c) in items { out.append(UInt8(c)) }
                return true
            }
            out.append(108)
            out += bigEndian(UInt32(items.count))
            for e in items where !append(e, to: &out) { return false }
            return append(tail, to: &out)
        case .map(let m):
            out.append(116)
            out += bigEndian(UInt32(m.count))
            for (k, v) in m.sortedPairs where !(append(k, to: &out) && append(v, to: &out)) { return false }
        case .binary(let b):
            if b.isBinary {
                out.append(109)
                out += bigEndian(UInt32(b.bytes.count))
                out += b.bytes
            } else {
                out.append(77)
                out += bigEndian(UInt32(b.bytes.count))
                out.append(UInt8(b.trailingBitCount))
                out += b.bytes
            }
        case .pid, .ref, .fun:
            return false
        }
        return true
    }

    private static func bigEndian(_ v: UInt32) -> [UInt8] {
        [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)]
    }
}
