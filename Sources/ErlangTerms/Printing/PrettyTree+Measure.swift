/// Building a `PrettyTree` from a term, with erl's depth rules
/// (`io_lib_pretty:print_length/6`): element k of a list, tuple or map at
/// depth D is measured at depth D - k, and where the depth runs out the
/// rest becomes `...`. Works with an explicit stack.
extension PrettyTree {
    /// The settings that change what the tree holds.
    struct Settings {
        var encoding: PrintEncoding
        var printableRange: PrintableRange
        /// Whether lists and binaries may print as strings (erl's `strings`).
        var strings: Bool
        /// The shell's record definitions: field names for a record name and
        /// field count, or `nil`.
        var records: ((Atom, Int) -> [Atom]?)?
    }

    private enum Task {
        /// Measure `term` at `depth`; store the new node's index in `childIndices[slot]` (-1: root).
        case measure(Term, depth: Int, slot: Int)
        /// All children of `node` are measured: compute its length.
        case finish(Int)
    }

    /// Measures `term` at `depth` (-1: no limit). The root is node 0.
    init(measuring term: Term, depth: Int, settings: Settings) {
        var tasks: [Task] = [.measure(term, depth: depth, slot: -1)]
        while let task = tasks.popLast() {
            switch task {
            case .measure(let t, let d, let slot):
                let index = measure(t, depth: d, settings: settings, tasks: &tasks)
                if slot >= 0 { childIndices[slot] = index }
            case .finish(let index):
                finish(index)
            }
        }
    }

    /// Adds a node with `childCount` reserved child slots (plus one for an
    /// improper tail) and returns its index.
    mutating func addNode(_ kind: Kind, length: Int = 0, childCount: Int = 0, tail: Tail = .none) -> Int {
        let first = childIndices.count
        let slots = childCount + (tail == .improper(-1) ? 1 : 0)
        childIndices.append(contentsOf: repeatElement(-1, count: slots))
        nodes.append(Node(kind: kind, length: length, first: first, count: childCount, tail: tail))
        return nodes.count - 1
    }

    mutating func addText(_ text: String) -> Int {
        addNode(.text(text), length: StringText.length(text))
    }

    private mutating func measure(_ term: Term, depth d: Int, settings: Settings, tasks: inout [Task]) -> Int {
        switch term {
        case .nil: return addText("[]")
        case .atom(let a): return addText(AtomText.quoted(a, encoding: settings.encoding))
        case .int, .bigInt, .float, .pid, .ref, .fun: return addText(TermWriter.atomic(term))
        case .binary(let b): return measureBinary(b, depth: d, settings: settings)
        case .cons:
            if settings.strings, d != 1, let text = printableString(term, settings: settings) {
                return addText(text)
            }
            return measureList(term, depth: d, tasks: &tasks)
        case .tuple(let elements):
            guard let first = elements.first else { return addText("{}") }
            if case .atom(let name) = first, let records = settings.records,
               let fields = records(name, elements.count - 1), fields.count == elements.count - 1 {
                return measureRecord(name, fields, elements, depth: d, settings: settings, tasks: &tasks)
            }
            if d == 1 { return addText("{...}") }
            // Element k is measured at depth d - k while d - (k - 1) != 1.
            let shown = d < 0 ? elements.count : min(elements.count, d - 1)
            var tagged = false
            if case .atom = first, elements.count > 1 { tagged = true }
            let node = addNode(.tuple(tagged: tagged), childCount: shown, tail: shown < elements.count ? .dots : .none)
            tasks.append(.finish(node))
            let firstSlot = nodes[node].first
            for k in (0..<shown).reversed() {
                tasks.append(.measure(elements[k], depth: d - k - 1, slot: firstSlot + k))
            }
            return node
        case .map(let map):
            if map.count == 0 { return addText("#{}") }
            if d == 1 { return addText("#{...}") }
            let pairs = MapKeyOrder.sortedPairs(map)
            // Pair k is shown while d - (k - 1) != 1; keys and values are at depth d - 1.
            let shown = d < 0 ? pairs.count : min(pairs.count, d - 1)
            let node = addNode(.map, childCount: shown, tail: shown < pairs.count ? .dots : .none)
            tasks.append(.finish(node))
            let firstSlot = nodes[node].first
            for k in (0..<shown).reversed() {
                let pair = addNode(.mapPair, childCount: 2)
                childIndices[firstSlot + k] = pair
                let pairSlot = nodes[pair].first
                tasks.append(.finish(pair))
                tasks.append(.measure(pairs[k].value, depth: d - 1, slot: pairSlot + 1))
                tasks.append(.measure(pairs[k].key, depth: d - 1, slot: pairSlot))
            }
            return node
        }
    }

    private mutating func measureList(_ term: Term, depth d: Int, tasks: inout [Task]) -> Int {
        var elements: [Term] = []
        var current = term
        var depth = d
        var tail = Tail.none
        var tailTerm: Term?
        while true {
            guard case .cons(let cell) = current else {
                if case .nil = current { break }
                if depth == 1 {
                    tail = .dots
                } else {
                    tail = .improper(-1)
                    tailTerm = current
                }
                break
            }
            if depth == 1 {
                tail = .dots
                break
            }
            elements.append(cell.head)
            depth -= 1
            current = cell.tail
        }
        let node = addNode(.list, childCount: elements.count, tail: tail)
        tasks.append(.finish(node))
        let firstSlot = nodes[node].first
        if let tailTerm {
            tasks.append(.measure(tailTerm, depth: depth - 1, slot: firstSlot + elements.count))
        }
        for k in elements.indices.reversed() {
            tasks.append(.measure(elements[k], depth: d - k - 1, slot: firstSlot + k))
        }
        return node
    }

    private mutating func measureRecord(_ name: Atom, _ fields: [Atom], _ elements: [Term], depth d: Int,
                                        settings: Settings, tasks: inout [Task]) -> Int {
        if d == 1 { return addText("{...}") }
        let nameText = "#" + AtomText.quoted(name, encoding: settings.encoding)
        // Field k (1-based) is measured at depth d - 1 - k while d - k != 1.
        let count = fields.count
        let shown = d < 0 ? count : min(count, max(0, d - 2))
        let node = addNode(.record(name: nameText, nameLength: StringText.length(nameText)),
                           childCount: shown, tail: shown < count ? .dots : .none)
        tasks.append(.finish(node))
        let firstSlot = nodes[node].first
        for k in (0..<shown).reversed() {
            let fieldName = AtomText.quoted(fields[k], encoding: settings.encoding)
            let field = addNode(.field(name: fieldName, nameLength: StringText.length(fieldName) + 3), childCount: 1)
            childIndices[firstSlot + k] = field
            tasks.append(.finish(field))
            tasks.append(.measure(elements[k + 1], depth: d - k - 2, slot: nodes[field].first))
        }
        return node
    }

    /// Computes a node's length once its children are measured (erl's `list_length/3`).
    private mutating func finish(_ index: Int) {
        let node = nodes[index]
        let kids = children(of: index)
        var total = 0
        for k in kids { total += nodes[k].length }
        switch node.kind {
        case .text, .bytes:
            return
        case .mapPair:
            nodes[index].length = total + 4
            return
        case .field(_, let nameLength):
            nodes[index].length = total + nameLength
            return
        case .list, .tuple:
            total += 2
        case .map:
            total += 3
        case .record(_, let nameLength):
            total += nameLength + 2
        }
        total += max(0, kids.count - 1)
        switch node.tail {
        case .none: break
        case .dots: total += kids.isEmpty ? 3 : 4
        case .improper:
            let tailNode = childIndices[node.first + node.count]
            nodes[index].tail = .improper(tailNode)
            total += 1 + nodes[tailNode].length
        }
        nodes[index].length = total
    }
}
