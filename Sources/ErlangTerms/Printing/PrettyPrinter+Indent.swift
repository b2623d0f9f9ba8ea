/// Choosing the indentation of tagged tuples and map values (erl's
/// `cind`): a candidate is refused when, somewhere in the term, it would
/// push elements past half the line without room for `maxChars` on it.
/// `PrettyPrinter` tries -1 (align after `{tag,`), then 4, else uses 1.
///
/// Each check depends only on measured widths, so the walk keeps its
/// pending subterms on a stack instead of recursing.
extension PrettyLayout {
    /// A subterm still to check: node, column, closing brackets after it, width so far.
    private typealias Check = (node: Int, column: Int, lastDepth: Int, w: Int)

    /// Whether indentation `candidate` works for the whole term printed from `column`.
    func indentFits(_ candidate: Int, column: Int) -> Bool {
        var check = self
        check.tagIndent = candidate
        var pending: [Check] = [(0, column, 0, 0)]
        while let next = pending.popLast() {
            if !check.cind(next, &pending) { return false }
        }
        return true
    }

    private func cind(_ c: Check, _ pending: inout [Check]) -> Bool {
        if fits(c.node, column: c.column, lastDepth: c.lastDepth, w: c.w) { return true }
        let node = tree[c.node]
        let kids = Array(tree.children(of: c.node))
        switch node.kind {
        case .list, .tuple(tagged: false):
            return cindList(kids, node.tail, c.column + 1, c.lastDepth, c.w + 1, &pending)
        case .tuple(tagged: true):
            return cindTagTuple(kids, node.tail, c.column, c.lastDepth, c.w + 1, &pending)
        case .map:
            return cindMap(kids, c.column + 2, c.lastDepth, c.w + 2, &pending)
        case .record(_, let nameLength):
            return cindRecord(kids, nameLength, c.column, c.lastDepth, c.w + nameLength + 1, &pending)
        case .text, .bytes, .mapPair, .field:
            return true
        }
    }

    private func cindTagTuple(_ items: [Int], _ tail: PrettyTree.Tail, _ col: Int, _ ld: Int, _ w: Int,
                              _ pending: inout [Check]) -> Bool {
        guard let tag = items.first else { return true }
        let tagLength = tree[tag].length
        let tagIndentation = tagLength + 2
        let tagColumn = col + tagIndentation
        let rest = Array(items.dropFirst())
        if tagIndent > 0 && tagIndentation > tagIndent {
            let col1 = col + tagIndent
            guard maxChars + col1 <= lineLength || col1 <= lineLength / 2 else { return false }
            return cindTail(rest, tail, col1, tagColumn, ld, w + tagLength, &pending)
        }
        guard maxChars + tagColumn < lineLength || tagColumn < lineLength / 2 else { return false }
        return cindList(rest, tail, tagColumn, ld, w + tagLength + 1, &pending)
    }

    private func cindList(_ items: [Int], _ tail: PrettyTree.Tail, _ col0: Int, _ ld: Int, _ w: Int,
                          _ pending: inout [Check]) -> Bool {
        guard let first = items.first else { return true }
        let width = cindElement(first, col0, PrettyLayout.lastDepth(position: 0, count: items.count, ld), w, &pending)
        return cindTail(Array(items.dropFirst()), tail, col0, col0 + width, ld, w + width, &pending)
    }

    private func cindTail(_ items: [Int], _ tail: PrettyTree.Tail, _ col0: Int, _ startColumn: Int, _ ld: Int,
                          _ startW: Int, _ pending: inout [Check]) -> Bool {
        var col = startColumn
        var w = startW
        for (i, e) in items.enumerated() {
            let ld1 = PrettyLayout.lastDepth(position: i, count: items.count, ld)
            if fitsAfterComma(e, column: col, lastDepth: ld1, w: w) && tree[e].isText {
                col += 1 + tree[e].length
                w += 1 + tree[e].length
            } else {
                let width = cindElement(e, col0, ld1, 0, &pending)
                col = col0 + width
                w = width
            }
        }
        if case .improper(let e) = tail, !tailFits(e, column: col, lastDepth: ld, w: w) {
            pending.append((e, col, ld + 1, 0))
        }
        return true
    }

    private func cindElement(_ e: Int, _ col: Int, _ ld: Int, _ w: Int, _ pending: inout [Check]) -> Int {
        if fits(e, column: col, lastDepth: ld, w: w) && tree[e].isText { return tree[e].length }
        pending.append((e, col, ld, w))
        return lineLength
    }

    private func cindMap(_ pairs: [Int], _ col: Int, _ ld: Int, _ w: Int, _ pending: inout [Check]) -> Bool {
        guard let first = pairs.first else { return true }
        let pw = cindPair(first, col, PrettyLayout.lastDepth(position: 0, count: pairs.count, ld), w, &pending)
        var column = col + pw
        var width = w + pw
        for (i, p) in pairs.enumerated().dropFirst() {
            let ld1 = PrettyLayout.lastDepth(position: i, count: pairs.count, ld)
            if fitsAfterComma(p, column: column, lastDepth: ld1, w: width) && tree.isTextPair(p) {
                column += 1 + tree[p].length
                width += 1 + tree[p].length
            } else {
                let pairWidth = cindPair(p, col, ld1, 0, &pending)
                column = col + pairWidth
                width = pairWidth
            }
        }
        return true
    }

    private func cindPair(_ p: Int, _ col: Int, _ ld: Int, _ w: Int, _ pending: inout [Check]) -> Int {
        if fits(p, column: col, lastDepth: ld, w: w) { return tree.isTextPair(p) ? tree[p].length : lineLength }
        let kids = tree.children(of: p)
        if let key = kids.first, let value = kids.last {
            pending.append((key, col, ld, w))
            pending.append((value, col + mapValueIndent, ld, 0))
        }
        return lineLength
    }

    private func cindRecord(_ fields: [Int], _ nameLength: Int, _ col0: Int, _ ld: Int, _ w0: Int,
                            _ pending: inout [Check]) -> Bool {
        guard let first = fields.first else { return true }
        guard let (col, w) = cindRecordIndent(nameLength + 1, col0, w0) else { return false }
        let ld0 = PrettyLayout.lastDepth(position: 0, count: fields.count, ld)
        guard let fw = cindField(first, col, ld0, w, &pending) else { return false }
        var column = col + fw
        var width = w + fw
        for (i, f) in fields.enumerated().dropFirst() {
            let ld1 = PrettyLayout.lastDepth(position: i, count: fields.count, ld)
            if fitsAfterComma(f, column: column, lastDepth: ld1, w: width) && tree.isTextField(f) {
                column += 1 + tree[f].length
                width += 1 + tree[f].length
            } else {
                guard let fieldWidth = cindField(f, col, ld1, 0, &pending) else { return false }
                // erl's cind_fields_tail advances from the current column here.
                column += fieldWidth
                width = fieldWidth
            }
        }
        return true
    }

    private func cindField(_ f: Int, _ col: Int, _ ld: Int, _ w: Int, _ pending: inout [Check]) -> Int? {
        if fits(f, column: col, lastDepth: ld, w: w) { return tree.isTextField(f) ? tree[f].length : lineLength }
        guard case .field(_, let nameLength) = tree[f].kind,
              let (column, width) = cindRecordIndent(nameLength, col, w + nameLength) else { return nil }
        if let value = tree.children(of: f).first { pending.append((value, column, ld, width)) }
        return lineLength
    }

    /// erl's `cind_rec`: the column after a record name or field name, or
    /// `nil` when it is too far right.
    private func cindRecordIndent(_ indentation: Int, _ col0: Int, _ w0: Int) -> (Int, Int)? {
        let newLine = tagIndent > 0 && indentation > tagIndent
        let col = col0 + (newLine ? tagIndent : indentation)
        guard maxChars + col <= lineLength || col <= lineLength / 2 else { return nil }
        return (col, newLine ? 0 : w0)
    }
}
