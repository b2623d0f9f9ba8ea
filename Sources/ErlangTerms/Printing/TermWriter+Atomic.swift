/// The terms that `TermWriter` writes without looking inside: numbers,
/// atoms, pids, refs, funs, and binaries (bytes, never strings).
extension TermWriter {
    /// A term with no inner structure (number, atom, pid, ref, fun); a
    /// structured term is written whole.
    public static func atomic(_ t: Term, encoding: PrintEncoding = .latin1) -> String {
        switch t {
        case .int(let i): return String(i)
        case .bigInt(let b): return String(b.value)
        case .float(let f): return FloatText.shortest(f)
        case .atom(let a): return AtomText.quoted(a, encoding: encoding)
        case .pid(let p): return pid(p)
        case .ref(let r): return ref(r)
        case .fun(let f): return fun(f)
        case .nil, .tuple, .cons, .map, .binary: return write(t, encoding: encoding)
        }
    }

    /// A pid as `pid_to_list/1` writes it on a non-distributed node: `<0.N.0>`.
    public static func pid(_ p: Pid) -> String { "<0.\(p.serial).0>" }

    /// A reference as `ref_to_list/1` writes it: `#Ref<0.A.B.C>`. erl's three
    /// numbers come from its reference counter; Swerl derives them from the
    /// reference's id so that distinct references print distinctly.
    public static func ref(_ r: Ref) -> String {
        let high = 1_000_000_000 &+ (r.id >> 40) % 3_000_000_000
        let middle = 100_000_000 &+ (r.id >> 18) % 4_000_000_000
        let low = r.id & 0x3FFFF
        return "#Ref<0.\(high).\(middle).\(low)>"
    }

    /// A fun as `erlang:fun_to_list/1` writes it: `fun lists:map/2` or
    /// `#Fun<erl_eval.45.97283095>`.
    public static func fun(_ f: Fun) -> String {
        switch f.kind {
        case .external(let m, let fn):
            // erts quotes these names only for their characters: `fun m:receive/0`.
            return "fun \(AtomText.quoted(m.text, reservedWordsBare: true)):\(AtomText.quoted(fn.text, reservedWordsBare: true))/\(f.arity)"
        case .local(let m, let index, let uniq, _):
            return "#Fun<\(AtomText.quoted(m)).\(index).\(uniq)>"
        }
    }

    /// A bitstring as bytes, as `io_lib:write_binary/2` writes it: `<<1,2,3>>`,
    /// `<<0,1:1>>`; `depth` shows only the first `depth - 1` bytes, then `...`.
    public static func binary(_ b: Bitstring, depth: Int = -1) -> String {
        var out = "<<"
        let parts = binaryParts(b, depth: depth)
        for (i, part) in parts.pieces.enumerated() {
            if i > 0 { out += "," }
            out += part
        }
        return out + ">>"
    }

    /// The comma-separated pieces of a binary written as bytes with a depth
    /// limit (erl's `write_binary_body`): `"1"`, `"2"`, then a last piece that
    /// is a byte, `...`, or trailing bits `"5:3"`. `bits` is `(value, size)`
    /// when the last piece is trailing bits.
    static func binaryParts(_ b: Bitstring, depth: Int) -> (pieces: [String], bits: (String, String)?) {
        var pieces: [String] = []
        let whole = b.bitCount / 8
        var d = depth
        var i = 0
        while true {
            if i == whole && b.trailingBitCount == 0 { return (pieces, nil) }
            if d == 1 {
                pieces.append("...")
                return (pieces, nil)
            }
            if i == whole {
                let rest = b.trailingBitCount
                let value = String(b.bytes[whole] >> UInt8(8 - rest))
                pieces.append(value + ":" + String(rest))
                return (pieces, (value, String(rest)))
            }
            pieces.append(String(b.bytes[i]))
            i += 1
            d -= 1
        }
    }
}
