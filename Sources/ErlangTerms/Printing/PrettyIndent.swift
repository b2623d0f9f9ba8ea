/// Checks a candidate indentation for tagged tuples before the printer
/// commits to it (erl's `cind`): the indentation is refused when it would
/// push elements past half the line without room for a full line of text.
struct PrettyIndent {
    let lineLength: Int
    let maxChars: Int
    private var tagIndent = 0
    private var failed = false

    init(lineLength: Int, maxChars: Int) {
        self.lineLength = lineLength
        self.maxChars = maxChars
    }

    mutating func fits(_ node: PrettyNode, column: Int, tagIndent: Int) -> Bool {
        self.tagIndent = tagIndent
        failed = false
        check(node, column, 0, 0)
        return !failed
    }

    private func fitsWhole(_ node: PrettyNode, _ col: Int, _ ld: Int, _ w: Int) -> Bool {
        node.length < lineLength - col - ld && node.length + w + ld <= maxChars
    }

    private mutating func check(_ node: PrettyNode, _ col: Int, _ ld: Int, _ w: Int) {
        if failed || fitsWhole(node, col, ld, w) { return }
        switch node.kind {
        case .leaf, .pair:
            return
        case .list(let items, let tail), .tuple(false, let items, let tail):
            checkList(items, tail, col + 1, ld, w + 1)
        case .tuple(true, let items, let tail):
            guard let tag = items.first else { return }
            let tagWidth = tag.length + 2
            let tagCol = col + tagWidth
            let rest = Array(items.dropFirst())
            if tagIndent > 0 && tagWidth > tagIndent {
                let col1 = col + tagIndent
                if maxChars + col1 <= lineLength || col1 <= lineLength / 2 {
                    checkTail(rest, tail, col1, tagCol, ld, w + tag.length)
                } else {
                    failed = true
                }
            } else if maxChars + tagCol < lineLength || tagCol < lineLength / 2 {
                checkList(rest, tail, tagCol, ld, w + tag.length + 1)
            } else {
                failed = true
            }
        case .map(let items, let tail):
            checkList(items, tail, col + 2, ld, w + 2)
        }
    }

    private mutating func checkList(_ items: [PrettyNode], _ tail: PrettyNode.Tail, _ col0: Int, _ ld: Int, _ w: Int) {
        guard let first = items.first else { return }
        let rest = Array(items.dropFirst())
        let width = checkElement(first, col0, rest.isEmpty ? ld + 1 : 0, w)
        checkTail(rest, tail, col0, col0 + width, ld, w + width)
    }

    private mutating func checkTail(_ items: [PrettyNode], _ tail: PrettyNode.Tail, _ col0: Int, _ startCol: Int,
                                    _ ld: Int, _ startW: Int) {
        var col = startCol
        var w = startW
        for (i, e) in items.enumerated() {
            if failed { return }
            let ld1 = i + 1 < items.count ? 0 : ld + 1
            let eLen = 1 + e.length
            let fits = ld1 == 0
                ? eLen + 1 < lineLength - col && w + eLen + 1 <= maxChars
                : eLen < lineLength - col - ld1 && w + eLen + ld1 <= maxChars
            if fits && e.isLeaf {
                col += eLen
                w += eLen
            } else {
                let width = checkElement(e, col0, ld1, 0)
                col = col0 + width
                w = width
            }
        }
        if case .improper(let e) = tail {
            if !(e.length + 1 < lineLength - col - (ld + 1) && e.length + 1 + w + (ld + 1) <= maxChars && e.isLeaf) {
                check(e, col, ld + 1, 0)
            }
        }
    }

    private mutating func checkElement(_ e: PrettyNode, _ col: Int, _ ld: Int, _ w: Int) -> Int {
        if case .pair(let key, let value) = e.kind {
            if fitsWhole(e, col, ld, w) { return e.isLeaf ? e.length : lineLength }
            check(key, col, ld, w)
            check(value, col + (tagIndent > 0 ? tagIndent : 4), ld, 0)
            return lineLength
        }
        if fitsWhole(e, col, ld, w) && e.isLeaf { return e.length }
        check(e, col, ld, w)
        return lineLength
    }
}
