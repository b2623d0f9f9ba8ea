/// The measured form of a term that `PrettyPrinter` lays out: every node
/// knows its one-line width before any line is broken ("measure first,
/// then break", as `io_lib_pretty` does).
final class PrettyNode {
    enum Tail {
        case proper
        case dots
        case improper(PrettyNode)
    }

    enum Kind {
        /// Text with no inner layout (atoms, numbers, strings, binaries, ...).
        case leaf(String)
        case list([PrettyNode], Tail)
        case tuple(tagged: Bool, [PrettyNode], Tail)
        case map([PrettyNode], Tail)
        case pair(PrettyNode, PrettyNode)
    }

    let kind: Kind
    /// The width of the node written on one line.
    let length: Int

    init(_ kind: Kind, length: Int) {
        self.kind = kind
        self.length = length
    }

    static func leaf(_ s: String) -> PrettyNode { PrettyNode(.leaf(s), length: s.unicodeScalars.count) }

    /// Whether the node is written as plain text (erl's `?ATM`): only such
    /// elements may share a line with their neighbours once a term breaks.
    var isLeaf: Bool {
        switch kind {
        case .leaf: return true
        case .pair(let k, let v): return k.isLeaf && v.isLeaf
        case .list, .tuple, .map: return false
        }
    }

    /// The node on one line.
    func write() -> String {
        var out = ""
        write(into: &out)
        return out
    }

    func write(into out: inout String) {
        switch kind {
        case .leaf(let s): out += s
        case .list(let items, let tail):
            out += "["
            PrettyNode.writeItems(items, tail, separator: "|", into: &out)
            out += "]"
        case .tuple(_, let items, let tail):
            out += "{"
            PrettyNode.writeItems(items, tail, separator: ",", into: &out)
            out += "}"
        case .map(let items, let tail):
            out += "#{"
            PrettyNode.writeItems(items, tail, separator: ",", into: &out)
            out += "}"
        case .pair(let k, let v):
            k.write(into: &out)
            out += " => "
            v.write(into: &out)
        }
    }

    static func writeItems(_ items: [PrettyNode], _ tail: Tail, separator: String, into out: inout String) {
        for (i, item) in items.enumerated() {
            if i > 0 { out += "," }
            item.write(into: &out)
        }
        switch tail {
        case .proper: break
        case .dots: out += items.isEmpty ? "..." : separator + "..."
        case .improper(let node):
            out += separator
            node.write(into: &out)
        }
    }
}

/// Building the measured form, with erl's depth limits: each further
/// element of a list, tuple or map gets one less level of depth.
struct PrettyMeasure {
    var unicode: Bool

    func measure(_ term: Term, depth d: Int) -> PrettyNode {
        switch term {
        case .nil: return .leaf("[]")
        case .tuple(let e) where e.isEmpty: return .leaf("{}")
        case .map(let m) where m.count == 0: return .leaf("#{}")
        case .int, .bigInt, .float, .atom, .pid, .ref, .fun:
            return .leaf(TermWriter.atomic(term))
        case .cons:
            if d != 1, let codes = StringText.printableCodes(term, unicode: unicode) {
                return .leaf(StringText.quoted(codes))
            }
            var items: [PrettyNode] = []
            var current = term
            var depth = d
            var tail = PrettyNode.Tail.proper
            while true {
                if case .nil = current { break }
                if depth == 1 {
                    tail = .dots
                    break
                }
                guard case .cons(let cell) = current else {
                    tail = .improper(measure(current, depth: depth - 1))
                    break
                }
                items.append(measure(cell.head, depth: depth - 1))
                depth -= 1
                current = cell.tail
            }
            return PrettyNode(.list(items, tail), length: PrettyMeasure.listLength(items, tail, opening: 2))
        case .tuple(let elements):
            if d == 1 { return .leaf("{...}") }
            var items: [PrettyNode] = []
            var tail = PrettyNode.Tail.proper
            var depth = d
            for e in elements {
                if depth == 1 {
                    tail = .dots
                    break
                }
                items.append(measure(e, depth: depth - 1))
                depth -= 1
            }
            let tagged: Bool
            if case .atom = elements[0], elements.count > 1 { tagged = true } else { tagged = false }
            return PrettyNode(.tuple(tagged: tagged, items, tail), length: PrettyMeasure.listLength(items, tail, opening: 2))
        case .map(let m):
            if d == 1 { return .leaf("#{...}") }
            var items: [PrettyNode] = []
            var tail = PrettyNode.Tail.proper
            var depth = d
            for (k, v) in m.sortedPairs {
                if depth == 1 {
                    tail = .dots
                    break
                }
                let key = measure(k, depth: d - 1)
                let value = measure(v, depth: d - 1)
                items.append(PrettyNode(.pair(key, value), length: key.length + 4 + value.length))
                depth -= 1
            }
            return PrettyNode(.map(items, tail), length: PrettyMeasure.listLength(items, tail, opening: 3))
        case .binary(let b):
            return .leaf(TermWriter.binary(b, depth: d))
        }
    }

    static func listLength(_ items: [PrettyNode], _ tail: PrettyNode.Tail, opening: Int) -> Int {
        var length = opening + items.reduce(0) { $0 + $1.length } + max(0, items.count - 1)
        switch tail {
        case .proper: break
        case .dots: length += 3 + (items.isEmpty ? 0 : 1)
        case .improper(let node): length += 1 + node.length
        }
        return length
    }
}
