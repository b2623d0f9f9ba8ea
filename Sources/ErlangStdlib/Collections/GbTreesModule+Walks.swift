import ErlangRuntime
import ErlangTerms

/// Whole-tree functions: `to_list/1`, `keys/1`, `values/1`, `from_orddict/1`,
/// `balance/1`, `iterator/1`, `next/1`, `map/2`.
extension GbTreesModule {
    static let walks: FunctionTable = [
        bif("to_list", 1, { _, a in
            guard let s = sized(a[0]) else { throw clause("to_list", a, 581) }
            return .list(try inOrder(s.root, "to_list").map { .tuple([$0[0], $0[1]]) })
        }),
        bif("keys", 1, { _, a in
            guard let s = sized(a[0]) else { throw clause("keys", a, 597) }
            return .list(try inOrder(s.root, "keys").map { $0[0] })
        }),
        bif("values", 1, { _, a in
            guard let s = sized(a[0]) else { throw clause("values", a, 610) }
            return .list(try inOrder(s.root, "values").map { $0[1] })
        }),
        bif("from_orddict", 1, { _, a in
            guard let items = a[0].listElements else { throw StdlibError.bif(.atom(.badarg), "erlang", "length", a) }
            var pairs: [(Term, Term)] = []
            for item in items {
                guard case .tuple(let p) = item, p.count == 2 else {
                    throw StdlibError.raised(.tuple([.atom(.badmatch), .tuple([empty, .list(items[pairs.count...])])]),
                                             in: "gb_trees", "balance_list_1", arity: 2, line: 376)
                }
                pairs.append((p[0], p[1]))
            }
            return .tuple([.int(pairs.count), balancedTree(pairs[...])])
        }),
        bif("balance", 1, { _, a in
            guard let s = sized(a[0]), case .int(let n) = s.size, n >= 0 else { throw clause("balance", a, 357) }
            return .tuple([s.size, balanced(s.root, size: n)])
        }),
        bif("iterator", 1, { _, a in
            guard let s = sized(a[0]) else { throw clause("iterator", a, 640) }
            return .list(leftSpine(s.root, onto: []))
        }),
        bif("next", 1, { _, a in
            guard case .cons(let cell) = a[0], let n = node(cell.head) else {
                if case .nil = a[0] { return .atom("none") }
                throw clause("next", a, 695)
            }
            let stack = leftSpine(n[3], onto: cell.tail.listElements?.reversed() ?? [])
            return .tuple([n[0], n[1], .list(stack)])
        }),
        bif("map", 2, { p, a in
            guard ListsModule.isFunction(a[0], 2), let s = sized(a[1]) else { throw clause("map", a, 712) }
            return .tuple([s.size, try await mapped(p, a[0], s.root)])
        }),
    ]

    /// The nodes under `root` in key order (iterative in-order walk).
    static func inOrder(_ root: Term, _ name: String) throws -> [[Term]] {
        var out: [[Term]] = []
        var stack: [[Term]] = []
        var t = root
        while true {
            while let n = node(t) {
                stack.append(n)
                t = n[2]
            }
            guard t == empty else { throw clause(name, [t, .nil], 587) }
            guard let n = stack.popLast() else { return out }
            out.append(n)
            t = n[3]
        }
    }

    /// An iterator stack: `t` and its chain of smaller children pushed onto
    /// `below` (given bottom first); returned top first, as erl's list.
    static func leftSpine(_ t: Term, onto below: [Term]) -> [Term] {
        var stack = below
        var t = t
        while let n = node(t) {
            stack.append(t)
            t = n[2]
        }
        return stack.reversed()
    }

    /// `balance(T, Size)`: the same pairs as a perfectly balanced tree.
    static func balanced(_ root: Term, size: Int) -> Term {
        guard let nodes = try? inOrder(root, "balance") else { return root }
        return balancedTree(nodes.prefix(size).map { ($0[0], $0[1]) }[...])
    }

    /// A perfectly balanced tree of sorted pairs: the bigger half (of the
    /// rest after the root) goes left, as erl's `balance_list/2` builds it.
    /// The depth is logarithmic in the number of pairs.
    static func balancedTree(_ pairs: ArraySlice<(Term, Term)>) -> Term {
        guard !pairs.isEmpty else { return empty }
        let rest = pairs.count - 1
        let leftCount = rest - rest / 2
        let rootIndex = pairs.startIndex + leftCount
        let (key, value) = pairs[rootIndex]
        return .tuple([key, value, balancedTree(pairs[pairs.startIndex..<rootIndex]),
                       balancedTree(pairs[(rootIndex + 1)...])])
    }

    /// `map(F, Tree)`: each value replaced by `F(Key, Value)`, in key order.
    static func mapped(_ p: ErlangProcess, _ f: Term, _ root: Term) async throws -> Term {
        let nodes = try inOrder(root, "map_1")
        var values: [Term] = []
        for n in nodes {
            values.append(try await called(from: StdlibError.sourceFrame("gb_trees", "map_1", .int(2), line: 716)) {
                try await p.apply(f, [n[0], n[1]])
            })
        }
        return rebuiltValues(root, values)
    }

    /// `root` with its values replaced, in in-order position, by `values`
    /// (iterative: each node is visited before, between and after its children).
    static func rebuiltValues(_ root: Term, _ values: [Term]) -> Term {
        var results: [Term] = []
        var work: [(term: Term, visit: Int, value: Term)] = [(root, 0, .nil)]
        var index = 0
        while let (t, visit, value) = work.popLast() {
            guard let n = node(t) else { results.append(t); continue }
            switch visit {
            case 0:
                work.append((t, 1, .nil))
                work.append((n[2], 0, .nil))
            case 1:
                work.append((t, 2, index < values.count ? values[index] : n[1]))
                index += 1
                work.append((n[3], 0, .nil))
            default:
                let right = results.removeLast(), left = results.removeLast()
                results.append(.tuple([n[0], value, left, right]))
            }
        }
        return results.last ?? root
    }
}
