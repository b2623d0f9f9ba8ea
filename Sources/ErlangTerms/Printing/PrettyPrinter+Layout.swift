/// Breaking lines (erl's `pp` family). A term that fits is written whole;
/// otherwise its elements are placed one by one: a plain element that
/// still fits follows a comma on the same line, anything else starts a new
/// line at the container's indentation. Every decision depends only on
/// measured widths (an element that is broken counts as a full line), so
/// each container is planned in one go and its broken children are pushed
/// on a stack instead of being printed recursively.
extension PrettyLayout {
    /// One piece of planned output.
    private enum Step {
        case text(String)
        /// A line break followed by `indent` spaces.
        case newline(indent: Int)
        /// A node written whole.
        case flat(Int)
        /// A node laid out from `column`, continuation lines indented by
        /// `indent`, with `lastDepth` closing brackets after it and `w`
        /// characters already on its line.
        case layout(Int, column: Int, indent: Int, lastDepth: Int, w: Int)
    }

    /// Prints the whole tree from `column` (erl's `pp(If, Col, Ll, M, TInd, indent(Col), 0, 0)`).
    func print(column: Int, into out: inout String) {
        var stack: [Step] = [.layout(0, column: column, indent: column - 1, lastDepth: 0, w: 0)]
        var plan: [Step] = []
        while let step = stack.popLast() {
            switch step {
            case .text(let s):
                out += s
            case .newline(let indent):
                out += "\n"
                out += String(repeating: " ", count: max(0, indent))
            case .flat(let node):
                tree.write(node, into: &out)
            case .layout(let node, let col, let ind, let ld, let w):
                plan.removeAll(keepingCapacity: true)
                layout(node, col, ind, ld, w, &plan)
                stack.append(contentsOf: plan.reversed())
            }
        }
    }

    /// erl's `pp/8` for one node.
    private func layout(_ n: Int, _ col: Int, _ ind: Int, _ ld: Int, _ w: Int, _ plan: inout [Step]) {
        if fits(n, column: col, lastDepth: ld, w: w) {
            plan.append(.flat(n))
            return
        }
        let node = tree[n]
        let kids = Array(tree.children(of: n))
        switch node.kind {
        case .text(let s):
            plan.append(.text(s))
        case .list:
            plan.append(.text("["))
            layoutList(kids, node.tail, col + 1, ind + 1, ld, "|", w + 1, &plan)
            plan.append(.text("]"))
        case .tuple(tagged: true):
            plan.append(.text("{"))
            layoutTagTuple(kids, node.tail, col, ind, ld, w + 1, &plan)
            plan.append(.text("}"))
        case .tuple(tagged: false):
            plan.append(.text("{"))
            layoutList(kids, node.tail, col + 1, ind + 1, ld, ",", w + 1, &plan)
            plan.append(.text("}"))
        case .map:
            plan.append(.text("#{"))
            layoutMap(kids, node.tail, col + 2, ind + 2, ld, w + 1, &plan)
            plan.append(.text("}"))
        case .record(let name, let nameLength):
            plan.append(.text(name + "{"))
            layoutRecord(kids, node.tail, nameLength, col, ind, ld, w + nameLength + 1, &plan)
            plan.append(.text("}"))
        case .bytes(let pieces, let bits):
            layoutBinary(pieces, bits, col + 2, ind + 2, ld, w, &plan)
        case .mapPair, .field:
            plan.append(.flat(n))
        }
    }

    /// erl's `pp_element/8`: the element's width on the line, or the line
    /// length when it is broken (forcing the next element onto a new line).
    private func layoutElement(_ e: Int, _ col: Int, _ ind: Int, _ ld: Int, _ w: Int, _ plan: inout [Step]) -> Int {
        if fits(e, column: col, lastDepth: ld, w: w) && tree[e].isText {
            plan.append(.flat(e))
            return tree[e].length
        }
        plan.append(.layout(e, column: col, indent: ind, lastDepth: ld, w: w))
        return lineLength
    }

    /// erl's `pp_list/9`.
    private func layoutList(_ items: [Int], _ tail: PrettyTree.Tail, _ col0: Int, _ ind: Int, _ ld: Int,
                            _ separator: String, _ w: Int, _ plan: inout [Step]) {
        guard let first = items.first else {
            if tail == .dots { plan.append(.text("...")) }
            return
        }
        let width = layoutElement(first, col0, ind, PrettyLayout.lastDepth(position: 0, count: items.count, ld), w,
                                  &plan)
        layoutTail(Array(items.dropFirst()), tail, col0, col0 + width, ind, ld, separator, w + width, &plan)
    }

    /// erl's `pp_tail/10`.
    private func layoutTail(_ items: [Int], _ tail: PrettyTree.Tail, _ col0: Int, _ startColumn: Int, _ ind: Int,
                            _ ld: Int, _ separator: String, _ startW: Int, _ plan: inout [Step]) {
        var col = startColumn
        var w = startW
        for (i, e) in items.enumerated() {
            let ld1 = PrettyLayout.lastDepth(position: i, count: items.count, ld)
            if fitsAfterComma(e, column: col, lastDepth: ld1, w: w) && tree[e].isText {
                plan.append(.text(","))
                plan.append(.flat(e))
                col += 1 + tree[e].length
                w += 1 + tree[e].length
            } else {
                plan.append(.text(","))
                plan.append(.newline(indent: ind))
                let width = layoutElement(e, col0, ind, ld1, 0, &plan)
                col = col0 + width
                w = width
            }
        }
        switch tail {
        case .none:
            break
        case .dots:
            plan.append(.text(separator + "..."))
        case .improper(let e):
            plan.append(.text(separator))
            if tailFits(e, column: col, lastDepth: ld, w: w) {
                plan.append(.flat(e))
            } else {
                plan.append(.newline(indent: ind))
                plan.append(.layout(e, column: col0, indent: ind, lastDepth: ld + 1, w: 0))
            }
        }
    }

    /// erl's `pp_tag_tuple/8`: `{tag,` then the other elements aligned after
    /// it, or indented by `tagIndent` when the tag is long.
    private func layoutTagTuple(_ items: [Int], _ tail: PrettyTree.Tail, _ col: Int, _ ind: Int, _ ld: Int,
                                _ w: Int, _ plan: inout [Step]) {
        guard let tag = items.first else {
            plan.append(.text("..."))
            return
        }
        let tagLength = tree[tag].length
        let tagIndentation = tagLength + 2
        let tagColumn = col + tagIndentation
        let rest = Array(items.dropFirst())
        plan.append(.flat(tag))
        if tagIndent > 0 && tagIndentation > tagIndent {
            layoutTail(rest, tail, col + tagIndent, tagColumn, ind + tagIndent, ld, ",", w + tagLength, &plan)
        } else {
            plan.append(.text(","))
            layoutList(rest, tail, tagColumn, ind + tagIndentation, ld, ",", w + tagLength + 1, &plan)
        }
    }

    /// erl's `pp_map/8` and `pp_pairs_tail/9`.
    private func layoutMap(_ pairs: [Int], _ tail: PrettyTree.Tail, _ col: Int, _ ind: Int, _ ld: Int, _ w: Int,
                           _ plan: inout [Step]) {
        guard let first = pairs.first else {
            if tail == .dots { plan.append(.text("...")) }
            return
        }
        let pw = layoutPair(first, col, ind, PrettyLayout.lastDepth(position: 0, count: pairs.count, ld), w, &plan)
        var column = col + pw
        // erl counts the line's width afresh after the first pair.
        var width = pw
        for (i, p) in pairs.enumerated().dropFirst() {
            let ld1 = PrettyLayout.lastDepth(position: i, count: pairs.count, ld)
            if fitsAfterComma(p, column: column, lastDepth: ld1, w: width) && tree.isTextPair(p) {
                plan.append(.text(","))
                plan.append(.flat(p))
                column += 1 + tree[p].length
                width += 1 + tree[p].length
            } else {
                plan.append(.text(","))
                plan.append(.newline(indent: ind))
                let pairWidth = layoutPair(p, col, ind, ld1, 0, &plan)
                column = col + pairWidth
                width = pairWidth
            }
        }
        if tail == .dots { plan.append(.text(",...")) }
    }

    /// erl's `pp_pair/8`: `K => V` on one line, or the value below its key.
    private func layoutPair(_ p: Int, _ col: Int, _ ind: Int, _ ld: Int, _ w: Int, _ plan: inout [Step]) -> Int {
        if fits(p, column: col, lastDepth: ld, w: w) {
            plan.append(.flat(p))
            return tree.isTextPair(p) ? tree[p].length : lineLength
        }
        let kids = tree.children(of: p)
        guard let key = kids.first, let value = kids.last else { return lineLength }
        let valueIndent = mapValueIndent
        plan.append(.layout(key, column: col, indent: ind, lastDepth: ld, w: w))
        plan.append(.text(" =>"))
        plan.append(.newline(indent: ind + valueIndent))
        plan.append(.layout(value, column: col + valueIndent, indent: ind + valueIndent, lastDepth: ld, w: 0))
        return lineLength
    }

    /// erl's `pp_record/9` and `pp_fields_tail/9`.
    private func layoutRecord(_ fields: [Int], _ tail: PrettyTree.Tail, _ nameLength: Int, _ col0: Int,
                              _ ind0: Int, _ ld: Int, _ w0: Int, _ plan: inout [Step]) {
        guard let first = fields.first else {
            if tail == .dots { plan.append(.text("...")) }
            return
        }
        let (col, ind, newLine, w) = recordIndent(nameLength + 1, col0, ind0, w0)
        if newLine { plan.append(.newline(indent: ind)) }
        let fw = layoutField(first, col, ind, PrettyLayout.lastDepth(position: 0, count: fields.count, ld), w, &plan)
        var column = col + fw
        var width = w + fw
        for (i, f) in fields.enumerated().dropFirst() {
            let ld1 = PrettyLayout.lastDepth(position: i, count: fields.count, ld)
            if fitsAfterComma(f, column: column, lastDepth: ld1, w: width) && tree.isTextField(f) {
                plan.append(.text(","))
                plan.append(.flat(f))
                column += 1 + tree[f].length
                width += 1 + tree[f].length
            } else {
                plan.append(.text(","))
                plan.append(.newline(indent: ind))
                let fieldWidth = layoutField(f, col, ind, ld1, 0, &plan)
                column = col + fieldWidth
                width = fieldWidth
            }
        }
        if tail == .dots { plan.append(.text(",...")) }
    }

    /// erl's `pp_field/8`: `name = V`, the value below the name when the name is long.
    private func layoutField(_ f: Int, _ col: Int, _ ind: Int, _ ld: Int, _ w: Int, _ plan: inout [Step]) -> Int {
        if fits(f, column: col, lastDepth: ld, w: w) {
            plan.append(.flat(f))
            return tree.isTextField(f) ? tree[f].length : lineLength
        }
        guard case .field(let name, let nameLength) = tree[f].kind,
              let value = tree.children(of: f).first else { return lineLength }
        let (column, indent, newLine, width) = recordIndent(nameLength, col, ind, w + nameLength)
        plan.append(.text(name + (newLine ? " =" : " = ")))
        if newLine { plan.append(.newline(indent: indent)) }
        plan.append(.layout(value, column: column, indent: indent, lastDepth: ld, w: width))
        return lineLength
    }

    /// erl's `rec_indent/5`: where a record's fields (or a field's value)
    /// go, and whether they start on a new line.
    private func recordIndent(_ indentation: Int, _ col0: Int, _ ind0: Int, _ w0: Int)
        -> (column: Int, indent: Int, newLine: Bool, w: Int) {
        let newLine = tagIndent > 0 && indentation > tagIndent
        let shift = newLine ? tagIndent : indentation
        return (col0 + shift, ind0 + shift, newLine, newLine ? 0 : w0)
    }

    /// erl's `pp_binary/7`: a binary's bytes, wrapped to the room left on the line.
    private func layoutBinary(_ pieces: [String], _ bits: (value: String, size: String)?, _ col: Int, _ ind: Int,
                              _ ld: Int, _ w: Int, _ plan: inout [Step]) {
        let room = max(8, min(lineLength - col, maxChars - 4 - w) - ld)
        var left = room
        plan.append(.text("<<"))
        for piece in pieces.dropLast() {
            let length = piece.unicodeScalars.count + 1
            if left - length < 0 {
                plan.append(.newline(indent: ind))
                left = room - length
            } else {
                left -= length
            }
            plan.append(.text(piece + ","))
        }
        if let last = pieces.last {
            let length = bits.map { $0.value.count + $0.size.count + 1 } ?? last.unicodeScalars.count
            if length > left { plan.append(.newline(indent: ind)) }
            plan.append(.text(last))
        }
        plan.append(.text(">>"))
    }
}
