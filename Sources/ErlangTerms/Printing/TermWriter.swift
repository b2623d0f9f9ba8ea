/// Writes a term on one line, as `io_lib:write/1,2` (`~w`, `~W`) does.
/// Walks the term with an explicit stack, so any nesting depth prints.
public enum TermWriter {
    private enum Step {
        case term(Term, depth: Int)
        case text(String)
        case listTail(Term, depth: Int)
    }

    /// The term on one line; `depth` limits nesting as `~W` does (-1: no limit).
    public static func write(_ term: Term, depth: Int = -1) -> String {
        var out = ""
        var stack: [Step] = [.term(term, depth: depth)]
        while let step = stack.popLast() {
            switch step {
            case .text(let s):
                out += s
            case .term(let t, let d):
                if d == 0 {
                    out += "..."
                    continue
                }
                writeOne(t, depth: d, into: &out, stack: &stack)
            case .listTail(let t, let d):
                switch t {
                case .nil:
                    out += "]"
                case .cons(let cell):
                    if d == 1 {
                        out += "|...]"
                        continue
                    }
                    out += ","
                    stack.append(.listTail(cell.tail, depth: d - 1))
                    stack.append(.term(cell.head, depth: d - 1))
                default:
                    out += "|"
                    stack.append(.text("]"))
                    stack.append(.term(t, depth: d - 1))
                }
            }
        }
        return out
    }

    private static func writeOne(_ t: Term, depth d: Int, into out: inout String, stack: inout [Step]) {
        switch t {
        case .int, .bigInt, .float, .atom, .pid, .ref, .fun:
            out += atomic(t)
        case .nil:
            out += "[]"
        case .tuple(let elements):
            if elements.isEmpty {
                out += "{}"
                return
            }
            if d == 1 {
                out += "{...}"
                return
            }
            out += "{"
            stack.append(.text("}"))
            // Elements beyond the depth budget print as `...`.
            var items: [Step] = []
            for (i, e) in elements.enumerated() {
                if i > 0 { items.append(.text(",")) }
                if d > 0 && i >= d - 1 {
                    items.append(.text("..."))
                    break
                }
                items.append(.term(e, depth: d - 1 - (d > 0 ? i : 0)))
            }
            stack.append(contentsOf: items.reversed())
        case .cons(let cell):
            if d == 1 {
                out += "[...]"
                return
            }
            out += "["
            stack.append(.listTail(cell.tail, depth: d - 1))
            stack.append(.term(cell.head, depth: d - 1))
        case .map(let map):
            if map.count == 0 {
                out += "#{}"
                return
            }
            if d == 1 {
                out += "#{...}"
                return
            }
            out += "#{"
            stack.append(.text("}"))
            var items: [Step] = []
            for (i, pair) in map.sortedPairs.enumerated() {
                if i > 0 { items.append(.text(",")) }
                if d > 0 && i >= d - 1 {
                    items.append(.text("..."))
                    break
                }
                let sub = d > 0 ? d - 1 - i : -1
                items.append(.term(pair.key, depth: sub))
                items.append(.text(" => "))
                items.append(.term(pair.value, depth: sub))
            }
            stack.append(contentsOf: items.reversed())
        case .binary(let b):
            out += binary(b, depth: d)
        }
    }

    /// A term that has no inner structure: number, atom, pid, ref or fun.
    public static func atomic(_ t: Term) -> String {
        switch t {
        case .int(let i): return String(i)
        case .bigInt(let b): return String(b.value)
        case .float(let f): return FloatText.shortest(f)
        case .atom(let a): return AtomText.quoted(a)
        case .pid(let p): return "<0.\(p.serial).0>"
        case .ref(let r): return "#Ref<0.\(3_000_000_000 &+ (r.id >> 32)).\(1_000_000_000 &+ (r.id & 0xFFFF)).\(r.id)>"
        case .fun(let f):
            switch f.kind {
            case .external(let m, let fn): return "fun \(AtomText.quoted(m)):\(AtomText.quoted(fn))/\(f.arity)"
            case .local(let m, let index, let uniq, _): return "#Fun<\(m.text).\(index).\(uniq)>"
            }
        case .nil: return "[]"
        case .tuple, .cons, .map, .binary: return write(t)
        }
    }

    /// A binary: `<<"text">>` when printable, else `<<1,2,3>>`, with `:N` for trailing bits.
    public static func binary(_ b: Bitstring, depth: Int = -1) -> String {
        if b.bitCount == 0 { return "<<>>" }
        if depth == 1 { return "<<...>>" }
        if b.isBinary, !b.bytes.isEmpty, b.bytes.allSatisfy({ StringText.isPrintableLatin1(Int($0)) }),
           depth < 0 || b.bytes.count <= depth {
            return "<<" + StringText.quoted(b.bytes.map { Int($0) }) + ">>"
        }
        var parts: [String] = []
        let whole = b.bitCount / 8
        for i in 0..<whole {
            if depth > 0 && parts.count >= depth - 1 {
                parts.append("...")
                return "<<" + parts.joined(separator: ",") + ">>"
            }
            parts.append(String(b.bytes[i]))
        }
        let rest = b.trailingBitCount
        if rest > 0 {
            let value = Int(b.bytes[whole] >> UInt8(8 - rest))
            parts.append("\(value):\(rest)")
        }
        return "<<" + parts.joined(separator: ",") + ">>"
    }
}
