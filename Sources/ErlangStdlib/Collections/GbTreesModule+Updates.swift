import ErlangRuntime
import ErlangTerms

/// Changing a tree: `insert/3`, `enter/3`, `update/3`, `delete/2`,
/// `delete_any/2`, `take/2`, `take_any/2`, `take_smallest/1`, `take_largest/1`.
extension GbTreesModule {
    static let updates: FunctionTable = [
        bif("insert", 3, { _, a in try insert(a[0], a[1], a[2]) }),
        bif("enter", 3, { _, a in
            guard let s = sized(a[2]) else { throw clause("is_defined", [a[0], a[2]], 216) }
            if find(a[0], s.root).found != nil { return try update(a[0], a[1], a[2]) }
            return try insert(a[0], a[1], a[2])
        }),
        bif("update", 3, { _, a in try update(a[0], a[1], a[2]) }),
        bif("delete", 2, { _, a in try delete(a[0], a[1], "delete").tree }),
        bif("delete_any", 2, { _, a in
            guard let s = sized(a[1]) else { throw clause("is_defined", a, 216) }
            return find(a[0], s.root).found == nil ? a[1] : try delete(a[0], a[1], "delete").tree
        }),
        bif("take", 2, { _, a in
            let (value, tree) = try delete(a[0], a[1], "take")
            return .tuple([value, tree])
        }),
        bif("take_any", 2, { _, a in
            guard let s = sized(a[1]) else { throw clause("is_defined", a, 216) }
            guard find(a[0], s.root).found != nil else { return .atom("error") }
            let (value, tree) = try delete(a[0], a[1], "take")
            return .tuple([value, tree])
        }),
        bif("take_smallest", 1, { _, a in try takeExtreme(a[0], smallest: true) }),
        bif("take_largest", 1, { _, a in try takeExtreme(a[0], smallest: false) }),
    ]

    /// `insert(Key, Value, Tree)`: a new leaf, with erl's rebalancing on the way up.
    static func insert(_ key: Term, _ value: Term, _ tree: Term) throws -> Term {
        guard let s = sized(tree), case .int(let size) = s.size else { throw clause("insert", [key, value, tree], 276) }
        let newSize = size + 1
        var budget = newSize.multipliedReportingOverflow(by: newSize).overflow ? Int.max : newSize * newSize
        var steps: [Step] = []
        var t = s.root
        while let n = node(t) {
            let order = Term.compare(key, n[0])
            if order == 0 {
                throw StdlibError.raised(.tuple([.atom("key_exists"), key]), in: "gb_trees", "insert_1", arity: 4, line: 319)
                    .calledFrom(StdlibError.sourceFrame("gb_trees", "insert", .int(3), line: 278))
            }
            steps.append((n, order < 0))
            t = order < 0 ? n[2] : n[3]
            budget >>= 1
        }
        guard t == empty else { throw clause("insert_1", [key, value, t, .int(budget)], 284) }
        let leaf = Term.tuple([key, value, empty, empty])
        // Past the budget the way up counts heights and sizes (`counted`) until one rebalances.
        var counted: (height: Int, size: Int)? = budget == 0 ? (1, 1) : nil
        var subtree = leaf
        for step in steps.reversed() {
            subtree = rebuilt(step, subtree)
            guard let (h1, s1) = counted else { continue }
            let (h2, s2) = count(step.left ? step.node[3] : step.node[2])
            let height = 2 * max(h1, h2)
            let total = s1 + s2 + 1
            if height > total * total {
                subtree = balanced(subtree, size: total)
                counted = nil
            } else {
                counted = (height, total)
            }
        }
        return .tuple([.int(newSize), subtree])
    }

    /// `{2^height, size}` of a subtree, as erl's `count/1` measures it (a
    /// leaf and `nil` both have height 1). Iterative, post-order.
    static func count(_ tree: Term) -> (height: Int, size: Int) {
        var results: [(height: Int, size: Int)] = []
        var work: [(term: Term, expanded: Bool)] = [(tree, false)]
        while let (t, expanded) = work.popLast() {
            guard let n = node(t) else { results.append((1, 0)); continue }
            if n[2] == empty && n[3] == empty { results.append((1, 1)); continue }
            if expanded {
                let right = results.removeLast(), left = results.removeLast()
                let doubled = max(left.height, right.height).multipliedReportingOverflow(by: 2)
                results.append((doubled.overflow ? Int.max : doubled.partialValue, left.size + right.size + 1))
            } else {
                work.append((t, true))
                work.append((n[3], false))
                work.append((n[2], false))
            }
        }
        return results.last ?? (1, 0)
    }

    /// `update(Key, Value, Tree)`: the node's key and value replaced; the key must be there.
    static func update(_ key: Term, _ value: Term, _ tree: Term) throws -> Term {
        guard let s = sized(tree) else { throw clause("update", [key, value, tree], 258) }
        let (steps, end) = path(to: key, s.root)
        guard let n = node(end) else { throw clause("update_1", [key, value, end], 263) }
        return .tuple([s.size, unwound(steps, .tuple([key, value, n[2], n[3]]))])
    }

    /// `delete/2` and `take/2`: the key's value and the tree without it; the key must be there.
    static func delete(_ key: Term, _ tree: Term, _ name: String) throws -> (value: Term, tree: Term) {
        guard let s = sized(tree), case .int(let size) = s.size, size >= 0 else {
            throw clause(name, [key, tree], name == "delete" ? 404 : 451)
        }
        let (steps, end) = path(to: key, s.root)
        guard let n = node(end) else { throw clause(name + "_1", [key, end], name == "delete" ? 408 : 456) }
        return (n[1], .tuple([.int(size - 1), unwound(steps, joined(n[2], n[3]))]))
    }

    /// Two subtrees as one: the smallest of `bigger` becomes their root (erl's `merge/2`).
    static func joined(_ smaller: Term, _ bigger: Term) -> Term {
        if bigger == empty { return smaller }
        if smaller == empty { return bigger }
        guard let (key, value, rest) = withoutSmallest(bigger) else { return smaller }
        return .tuple([key, value, smaller, rest])
    }

    /// The smallest node's key and value, and the subtree without it.
    static func withoutSmallest(_ tree: Term) -> (Term, Term, Term)? {
        var steps: [Step] = []
        var t = tree
        while let n = node(t) {
            if n[2] == empty { return (n[0], n[1], unwound(steps, n[3])) }
            steps.append((n, true))
            t = n[2]
        }
        return nil
    }

    /// The largest node's key and value, and the subtree without it.
    static func withoutLargest(_ tree: Term) -> (Term, Term, Term)? {
        var steps: [Step] = []
        var t = tree
        while let n = node(t) {
            if n[3] == empty { return (n[0], n[1], unwound(steps, n[2])) }
            steps.append((n, false))
            t = n[3]
        }
        return nil
    }

    /// `take_smallest/1` and `take_largest/1`: `{Key, Value, Tree2}`.
    static func takeExtreme(_ tree: Term, smallest: Bool) throws -> Term {
        let name = smallest ? "take_smallest" : "take_largest"
        guard let s = sized(tree), case .int(let size) = s.size, size >= 0 else {
            throw clause(name, [tree], smallest ? 468 : 492)
        }
        guard let (key, value, rest) = smallest ? withoutSmallest(s.root) : withoutLargest(s.root) else {
            throw clause(name + "1", [s.root], smallest ? 472 : 496)
        }
        return .tuple([key, value, .tuple([.int(size - 1), rest])])
    }
}
