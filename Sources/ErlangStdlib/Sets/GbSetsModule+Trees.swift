import ErlangTerms

/// gb_sets' tree surgery without native recursion: each walks down
/// recording its path and rebuilds the nodes on the way back up.
extension GbSetsModule {
    /// `size + delta` as a term (a set's size given by the user may be any integer).
    static func sizeTerm(_ size: Int, _ delta: Int) -> Term {
        (try? Arithmetic.add(.int(size), .int(delta))) ?? .int(size)
    }

    /// `a * b`, or `Int.max` when that overflows (heights and budgets only compare).
    static func saturating(_ a: Int, _ b: Int) -> Int {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? .max : product
    }

    /// One step of a path down a tree: the node left and the side taken.
    private struct Step {
        let key: Term
        let smaller: Term
        let bigger: Term
        let wentSmaller: Bool

        /// The node with `child` in place of the side taken.
        func rebuilt(_ child: Term) -> Term {
            wentSmaller ? node(key, child, bigger) : node(key, smaller, child)
        }

        /// The side not taken.
        var sibling: Term { wentSmaller ? bigger : smaller }
    }

    /// Inserts `key` (not in the tree). Each level down halves the budget
    /// (the new size squared); a leaf placed when it has run out starts a
    /// measure of height and size on the way up, and the first node whose
    /// height exceeds its size squared is rebuilt balanced.
    static func insert(_ key: Term, _ s: (size: Int, tree: Term)) -> Term {
        let newSize = sizeTerm(s.size, 1)
        var budget: Int
        if case .int(let n) = newSize, n > 0 { budget = saturating(n, n) } else { budget = 0 }
        var path: [Step] = []
        var current = s.tree
        while let n = split(current) {
            let smaller = Term.compare(key, n.key) < 0
            path.append(Step(key: n.key, smaller: n.smaller, bigger: n.bigger, wentSmaller: smaller))
            current = smaller ? n.smaller : n.bigger
            budget >>= 1
        }
        var tree = node(key, nilTree, nilTree)
        var measure: (height: Int, size: Int)? = budget == 0 ? (1, 1) : nil
        for step in path.reversed() {
            tree = step.rebuilt(tree)
            guard let (h1, s1) = measure else { continue }
            let (h2, s2) = measured(step.sibling)
            let height = saturating(2, max(h1, h2)), size = s1 + s2 + 1
            if height > saturating(size, size) {
                tree = balanced(inOrder(tree))
                measure = nil
            } else {
                measure = (height, size)
            }
        }
        return .tuple([newSize, tree])
    }

    /// gb_sets' `count/1`: a height measure (1 for a leaf or `nil`, doubling
    /// per level above) and the number of keys.
    static func measured(_ tree: Term) -> (height: Int, size: Int) {
        // Post-order: a node's children are measured before it is.
        var results: [(height: Int, size: Int)] = []
        var stack: [(tree: Term, visited: Bool)] = [(tree, false)]
        while let (t, visited) = stack.popLast() {
            guard let n = split(t) else {
                results.append((1, 0))
                continue
            }
            if n.smaller == nilTree && n.bigger == nilTree {
                results.append((1, 1))
            } else if visited {
                let bigger = results.removeLast(), smaller = results.removeLast()
                results.append((saturating(2, max(smaller.height, bigger.height)), smaller.size + bigger.size + 1))
            } else {
                stack.append((t, true))
                stack.append((n.bigger, false))
                stack.append((n.smaller, false))
            }
        }
        return results.last ?? (1, 0)
    }

    /// Removes `key`, known to be in the tree: its node becomes its two
    /// subtrees merged (the smallest key of the bigger one on top).
    static func delete(_ key: Term, _ tree: Term) -> Term {
        var path: [Step] = []
        var current = tree
        var replacement = tree
        while let n = split(current) {
            let c = Term.compare(key, n.key)
            if c == 0 {
                if n.bigger == nilTree {
                    replacement = n.smaller
                } else if n.smaller == nilTree {
                    replacement = n.bigger
                } else {
                    let (least, rest) = takeSmallest(n.bigger)
                    replacement = node(least, n.smaller, rest)
                }
                break
            }
            path.append(Step(key: n.key, smaller: n.smaller, bigger: n.bigger, wentSmaller: c < 0))
            current = c < 0 ? n.smaller : n.bigger
        }
        return path.reversed().reduce(replacement) { child, step in step.rebuilt(child) }
    }

    /// The smallest key and the tree without it.
    static func takeSmallest(_ tree: Term) -> (Term, Term) { take(tree, smallest: true) }

    /// The largest key and the tree without it.
    static func takeLargest(_ tree: Term) -> (Term, Term) { take(tree, smallest: false) }

    private static func take(_ tree: Term, smallest: Bool) -> (Term, Term) {
        var path: [Step] = []
        var current = tree
        while let n = split(current) {
            let next = smallest ? n.smaller : n.bigger
            guard split(next) != nil else {
                let rest = path.reversed().reduce(smallest ? n.bigger : n.smaller) { child, step in step.rebuilt(child) }
                return (n.key, rest)
            }
            path.append(Step(key: n.key, smaller: n.smaller, bigger: n.bigger, wentSmaller: smallest))
            current = next
        }
        return (nilTree, tree)
    }
}
