/// `~p`: prints a term across lines within a line length, as OTP's
/// `io_lib_pretty` does. The term is measured first (`PrettyMeasure`),
/// then written whole when it fits, else broken element by element:
/// plain elements fill lines, structured ones start a new line, and a
/// tuple tagged with an atom indents its elements after `{tag,`.
///
/// Split: `PrettyLayout` measures; this file breaks lines; `PrettyIndent`
/// checks whether the tagged-tuple indentation fits (erl's `cind`).
public struct PrettyPrinter: Sendable {
    /// The line length (80 by default).
    public var lineLength = 80
    /// The most characters on one line of a broken term (erl's
    /// `line_max_chars`: 60 in the shell; -1 means no limit).
    public var lineMaxChars = -1
    /// The nesting depth printed before `...` (-1: no limit; 30 in the shell).
    public var depth = -1
    /// Whether lists of any printable code points show as strings (`~tp`).
    public var unicode = false

    /// A printer with erl's `~p` defaults.
    public init(lineLength: Int = 80, lineMaxChars: Int = -1, depth: Int = -1, unicode: Bool = false) {
        self.lineLength = lineLength
        self.lineMaxChars = lineMaxChars
        self.depth = depth
        self.unicode = unicode
    }

    /// The settings the shell prints results with.
    public static let shell = PrettyPrinter(lineLength: 80, lineMaxChars: 60, depth: 30, unicode: false)

    /// Prints `term` starting at `column` (1-based).
    public func print(_ term: Term, column: Int = 1) -> String {
        if depth == 0 { return "..." }
        let col = max(column, 1)
        switch term {
        case .tuple, .nil, .cons, .map, .binary:
            break
        case .int, .bigInt, .float, .atom, .pid, .ref, .fun:
            return TermWriter.atomic(term)
        }
        let node = PrettyMeasure(unicode: unicode).measure(term, depth: depth)
        let maxChars = lineMaxChars < 0 ? node.length : lineMaxChars
        if lineLength == 0 || (node.length < lineLength - col && node.length <= maxChars) {
            return node.write()
        }
        var tagIndent = 1
        for candidate in [-1, 4] {
            var check = PrettyIndent(lineLength: lineLength, maxChars: maxChars)
            if check.fits(node, column: col, tagIndent: candidate) {
                tagIndent = candidate
                break
            }
        }
        var layout = LineBreaker(lineLength: lineLength, maxChars: maxChars, tagIndent: tagIndent)
        return layout.pp(node, col, String(repeating: " ", count: col - 1), 0, 0)
    }
}

/// The line-breaking pass of `PrettyPrinter` (erl's `pp` family).
struct LineBreaker {
    let lineLength: Int
    let maxChars: Int
    let tagIndent: Int

    func fitsWhole(_ node: PrettyNode, _ col: Int, _ ld: Int, _ w: Int) -> Bool {
        node.length < lineLength - col - ld && node.length + w + ld <= maxChars
    }

    mutating func pp(_ node: PrettyNode, _ col: Int, _ ind: String, _ ld: Int, _ w: Int) -> String {
        if fitsWhole(node, col, ld, w) { return node.write() }
        switch node.kind {
        case .leaf(let s):
            return s
        case .list(let items, let tail):
            return "[" + ppList(items, tail, col + 1, " " + ind, ld, "|", w + 1) + "]"
        case .tuple(true, let items, let tail):
            return "{" + ppTagTuple(items, tail, col, ind, ld, w + 1) + "}"
        case .tuple(false, let items, let tail):
            return "{" + ppList(items, tail, col + 1, " " + ind, ld, ",", w + 1) + "}"
        case .map(let items, let tail):
            return "#{" + ppList(items, tail, col + 2, "  " + ind, ld, ",", w + 1, restartWidth: true) + "}"
        case .pair:
            return ppElement(node, col, ind, ld, w).text
        }
    }

    mutating func ppTagTuple(_ items: [PrettyNode], _ tail: PrettyNode.Tail, _ col: Int, _ ind: String,
                             _ ld: Int, _ w: Int) -> String {
        guard let tag = items.first else { return "..." }
        let tagWidth = tag.length + 2
        let tagCol = col + tagWidth
        let rest = Array(items.dropFirst())
        if tagIndent > 0 && tagWidth > tagIndent {
            let indent = String(repeating: " ", count: tagIndent) + ind
            return tag.write() + ppTail(rest, tail, col + tagIndent, tagCol, indent, ld, ",", w + tag.length)
        }
        let indent = String(repeating: " ", count: tagWidth) + ind
        return tag.write() + "," + ppList(rest, tail, tagCol, indent, ld, ",", w + tag.length + 1)
    }

    mutating func ppList(_ items: [PrettyNode], _ tail: PrettyNode.Tail, _ col0: Int, _ ind: String,
                         _ ld: Int, _ separator: String, _ w: Int, restartWidth: Bool = false) -> String {
        guard let first = items.first else {
            if case .dots = tail { return "..." }
            return ""
        }
        let rest = Array(items.dropFirst())
        let (text, width) = ppElement(first, col0, ind, lastDepth(rest, tail, ld), w)
        // erl restarts the width count after a map's first pair.
        return text + ppTail(rest, tail, col0, col0 + width, ind, ld, separator, restartWidth ? width : w + width)
    }

    func lastDepth(_ rest: [PrettyNode], _ tail: PrettyNode.Tail, _ ld: Int) -> Int {
        rest.isEmpty ? ld + 1 : 0
    }

    mutating func ppTail(_ items: [PrettyNode], _ tail: PrettyNode.Tail, _ col0: Int, _ startCol: Int,
                         _ ind: String, _ ld: Int, _ separator: String, _ startW: Int) -> String {
        var out = ""
        var col = startCol
        var w = startW
        for (i, e) in items.enumerated() {
            let ld1 = i + 1 < items.count ? 0 : ld + 1
            let eLen = 1 + e.length
            let fits = ld1 == 0
                ? eLen + 1 < lineLength - col && w + eLen + 1 <= maxChars
                : eLen < lineLength - col - ld1 && w + eLen + ld1 <= maxChars
            if fits && e.isLeaf {
                out += "," + e.write()
                col += eLen
                w += eLen
            } else {
                let (text, width) = ppElement(e, col0, ind, ld1, 0)
                out += ",\n" + ind + text
                col = col0 + width
                w = width
            }
        }
        switch tail {
        case .proper:
            break
        case .dots:
            out += separator + "..."
        case .improper(let e):
            if e.length + 1 < lineLength - col - (ld + 1) && e.length + 1 + w + (ld + 1) <= maxChars && e.isLeaf {
                out += separator + e.write()
            } else {
                out += separator + "\n" + ind + pp(e, col0, ind, ld + 1, 0)
            }
        }
        return out
    }

    mutating func ppElement(_ e: PrettyNode, _ col: Int, _ ind: String, _ ld: Int, _ w: Int) -> (text: String, width: Int) {
        if case .pair(let key, let value) = e.kind {
            if fitsWhole(e, col, ld, w) { return (e.write(), e.isLeaf ? e.length : lineLength) }
            let valueIndent = tagIndent > 0 ? tagIndent : 4
            let ind2 = String(repeating: " ", count: valueIndent) + ind
            let text = pp(key, col, ind, ld, w) + " =>\n" + ind2 + pp(value, col + valueIndent, ind2, ld, 0)
            return (text, lineLength)
        }
        if fitsWhole(e, col, ld, w) && e.isLeaf { return (e.write(), e.length) }
        return (pp(e, col, ind, ld, w), lineLength)
    }
}
