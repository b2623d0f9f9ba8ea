import BigInt
import ErlangTerms

/// Erlang's external term format, as OTP 25's `term_to_binary/1` writes it:
/// version byte 131, then the term. Latin-1 atoms are `ATOM_EXT`, others
/// `SMALL_ATOM_UTF8_EXT`; byte lists are `STRING_EXT`; floats `NEW_FLOAT_EXT`;
/// pids `NEW_PID_EXT` and references `NEWER_REFERENCE_EXT` on `nonode@nohost`;
/// `fun M:F/A` is `EXPORT_EXT`. Closures have no portable encoding here
/// (`nil`, so `term_to_binary/1` raises `badarg`).
///
/// Split: this file encodes; `ExternalFormat+Decoding` reads it back. Both
/// walk the term with an explicit stack, so nesting depth is unbounded.
enum ExternalFormat {
    /// The version byte every encoding starts with.
    static let version: UInt8 = 131

    /// Tags of the external term format.
    enum Tag {
        static let newFloat: UInt8 = 70
        static let bitBinary: UInt8 = 77
        static let newPid: UInt8 = 88
        static let newerReference: UInt8 = 90
        static let smallInteger: UInt8 = 97
        static let integer: UInt8 = 98
        static let float: UInt8 = 99
        static let atom: UInt8 = 100
        static let reference: UInt8 = 101
        static let pid: UInt8 = 103
        static let smallTuple: UInt8 = 104
        static let largeTuple: UInt8 = 105
        static let `nil`: UInt8 = 106
        static let string: UInt8 = 107
        static let list: UInt8 = 108
        static let binary: UInt8 = 109
        static let smallBig: UInt8 = 110
        static let largeBig: UInt8 = 111
        static let export: UInt8 = 113
        static let newReference: UInt8 = 114
        static let smallAtom: UInt8 = 115
        static let map: UInt8 = 116
        static let atomUTF8: UInt8 = 118
        static let smallAtomUTF8: UInt8 = 119
    }

    /// `term_to_binary(Term)`, or `nil` when the term holds a closure.
    static func encode(_ term: Term) -> [UInt8]? {
        var out: [UInt8] = [version]
        var pending: [Term] = [term]
        while let t = pending.popLast() {
            guard append(t, to: &out, pending: &pending) else { return nil }
        }
        return out
    }

    /// Writes the outer layer of `term`; pushes its children, last first.
    private static func append(_ term: Term, to out: inout [UInt8], pending: inout [Term]) -> Bool {
        switch term {
        case .int(let i) where (0...255).contains(i):
            out += [Tag.smallInteger, UInt8(i)]
        case .int(let i) where Int(Int32.min)...Int(Int32.max) ~= i:
            out.append(Tag.integer)
            appendUInt32(UInt32(bitPattern: Int32(i)), to: &out)
        case .int(let i):
            appendBig(BigInt(i), to: &out)
        case .bigInt(let b):
            appendBig(b.value, to: &out)
        case .float(let f):
            out.append(Tag.newFloat)
            let bits = f.bitPattern
            for shift in stride(from: 56, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
        case .atom(let a):
            appendAtom(a, to: &out)
        case .tuple(let elements):
            if elements.count < 256 {
                out += [Tag.smallTuple, UInt8(elements.count)]
            } else {
                out.append(Tag.largeTuple)
                appendUInt32(UInt32(elements.count), to: &out)
            }
            pending.append(contentsOf: elements.reversed())
        case .nil:
            out.append(Tag.nil)
        case .cons:
            let (items, tail) = term.listPrefixAndTail
            if case .nil = tail, items.count < 65536, let bytes = byteString(items) {
                out.append(Tag.string)
                appendUInt16(items.count, to: &out)
                out += bytes
                return true
            }
            out.append(Tag.list)
            appendUInt32(UInt32(items.count), to: &out)
            pending.append(tail)
            pending.append(contentsOf: items.reversed())
        case .map(let m):
            out.append(Tag.map)
            appendUInt32(UInt32(m.count), to: &out)
            for (k, v) in m.sortedPairs.reversed() {
                pending.append(v)
                pending.append(k)
            }
        case .binary(let b):
            if b.isBinary {
                out.append(Tag.binary)
                appendUInt32(UInt32(b.bytes.count), to: &out)
            } else {
                out.append(Tag.bitBinary)
                appendUInt32(UInt32(b.bytes.count), to: &out)
                out.append(UInt8(b.trailingBitCount))
            }
            out += b.bytes
        case .pid(let p):
            out.append(Tag.newPid)
            appendAtom(.nonode, to: &out)
            appendUInt32(UInt32(truncatingIfNeeded: p.serial), to: &out)
            appendUInt32(UInt32(truncatingIfNeeded: p.serial >> 32), to: &out)
            appendUInt32(0, to: &out)
        case .ref(let r):
            out.append(Tag.newerReference)
            appendUInt16(3, to: &out)
            appendAtom(.nonode, to: &out)
            appendUInt32(0, to: &out)
            appendUInt32(UInt32(truncatingIfNeeded: r.id), to: &out)
            appendUInt32(UInt32(truncatingIfNeeded: r.id >> 32), to: &out)
            appendUInt32(0, to: &out)
        case .fun(let f):
            switch f.kind {
            case .external(let module, let function):
                out.append(Tag.export)
                appendAtom(module, to: &out)
                appendAtom(function, to: &out)
                pending.append(.int(f.arity))
            case .local:
                return false
            }
        }
        return true
    }

    private static func byteString(_ items: [Term]) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(items.count)
        for item in items {
            guard case .int(let c) = item, (0...255).contains(c) else { return nil }
            bytes.append(UInt8(c))
        }
        return bytes
    }

    private static func appendAtom(_ atom: Atom, to out: inout [UInt8]) {
        let scalars = atom.text.unicodeScalars
        if scalars.allSatisfy({ $0.value < 256 }) {
            out.append(Tag.atom)
            appendUInt16(scalars.count, to: &out)
            for s in scalars { out.append(UInt8(s.value)) }
        } else {
            let bytes = Array(atom.text.utf8)
            if bytes.count < 256 {
                out += [Tag.smallAtomUTF8, UInt8(bytes.count)]
            } else {
                out.append(Tag.atomUTF8)
                appendUInt16(bytes.count, to: &out)
            }
            out += bytes
        }
    }

    private static func appendBig(_ v: BigInt, to out: inout [UInt8]) {
        let bytes = Array(v.magnitude.serialize().reversed())
        if bytes.count < 256 {
            out += [Tag.smallBig, UInt8(bytes.count)]
        } else {
            out.append(Tag.largeBig)
            appendUInt32(UInt32(bytes.count), to: &out)
        }
        out.append(v.sign == .minus ? 1 : 0)
        out += bytes
    }

    private static func appendUInt16(_ v: Int, to out: inout [UInt8]) {
        out += [UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)]
    }

    private static func appendUInt32(_ v: UInt32, to out: inout [UInt8]) {
        out += [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)]
    }
}
