import ErlangRuntime
import ErlangTerms

/// The `gb_trees` module. Mirrors OTP 25's `gb_trees.erl` (Andersson's
/// general balanced trees): a tree is `{Size, Node}`, a node is
/// `{Key, Value, Smaller, Bigger}` or `nil`, so the printed term after each
/// operation is erl's. Insertion rebalances exactly where erl does: the
/// search carries a depth budget of `Size²` halved at each level; a new
/// leaf found below it makes the way back up count heights (as powers of
/// two) and sizes, and the first subtree whose height exceeds its size
/// squared is rebuilt perfectly balanced. Deletion never rebalances.
///
/// Keys compare arithmetically (`1` and `1.0` are one key). Walks are loops
/// with explicit paths, so a deep hand-made term cannot exhaust the stack.
/// `+Walks` holds the whole-tree functions (lists, iterators, balancing).
enum GbTreesModule {
    /// The exported functions.
    static let functions: FunctionTable = lookups + updates + walks

    /// `function_clause` in `gb_trees:function(args...)` at `line` of gb_trees.erl.
    static func clause(_ function: String, _ args: [Term], _ line: Int) -> ErlangException {
        StdlibError.functionClause("gb_trees", function, args, line: line)
    }

    /// The atom `nil`, an empty subtree.
    static let empty = Term.atom("nil")

    /// A node's four elements, or `nil` for anything else.
    static func node(_ term: Term) -> [Term]? {
        guard case .tuple(let e) = term, e.count == 4 else { return nil }
        return e
    }

    /// The `{Size, Node}` pair's parts, or `nil`.
    static func sized(_ tree: Term) -> (size: Term, root: Term)? {
        guard case .tuple(let e) = tree, e.count == 2 else { return nil }
        return (e[0], e[1])
    }

    /// The node holding `key` under `root`, or the subtree where the search ended.
    static func find(_ key: Term, _ root: Term) -> (found: [Term]?, end: Term) {
        var t = root
        while let n = node(t) {
            let order = Term.compare(key, n[0])
            if order < 0 { t = n[2] } else if order > 0 { t = n[3] } else { return (n, t) }
        }
        return (nil, t)
    }

    /// One step of a path from the root: the node and which child was taken.
    typealias Step = (node: [Term], left: Bool)

    /// The node with `child` in place of the child the step took.
    static func rebuilt(_ step: Step, _ child: Term) -> Term {
        step.left ? .tuple([step.node[0], step.node[1], child, step.node[3]])
                  : .tuple([step.node[0], step.node[1], step.node[2], child])
    }

    /// The path to `key` and the subtree at its end (the node, or `nil`/junk where it is absent).
    static func path(to key: Term, _ root: Term) -> (steps: [Step], end: Term) {
        var steps: [Step] = []
        var t = root
        while let n = node(t) {
            let order = Term.compare(key, n[0])
            if order == 0 { break }
            steps.append((n, order < 0))
            t = order < 0 ? n[2] : n[3]
        }
        return (steps, t)
    }

    /// The tree rebuilt from `steps` (root first) with `subtree` at their end.
    static func unwound(_ steps: [Step], _ subtree: Term) -> Term {
        var t = subtree
        for step in steps.reversed() { t = rebuilt(step, t) }
        return t
    }

    static let lookups: FunctionTable = [
        bif("empty", 0, { _, _ in .tuple([.int(0), empty]) }),
        bif("is_empty", 1, { _, a in
            if let s = sized(a[0]), s.size == .int(0), s.root == empty { return .true }
            return .false
        }),
        bif("size", 1, { _, a in
            guard let s = sized(a[0]), case .int(let n) = s.size, n >= 0 else { throw clause("size", a, 188) }
            return s.size
        }),
        bif("lookup", 2, { _, a in
            guard let s = sized(a[1]) else { throw clause("lookup", a, 196) }
            let (found, end) = find(a[0], s.root)
            if let n = found { return .tuple([.atom("value"), n[1]]) }
            guard end == empty else { throw clause("lookup_1", [a[0], end], 205) }
            return .atom("none")
        }),
        bif("is_defined", 2, { _, a in
            guard let s = sized(a[1]) else { throw clause("is_defined", a, 216) }
            let (found, end) = find(a[0], s.root)
            if found != nil { return .true }
            guard end == empty else { throw clause("is_defined_1", [a[0], end], 220) }
            return .false
        }),
        bif("get", 2, { _, a in
            guard let s = sized(a[1]) else { throw clause("get", a, 238) }
            let (found, end) = find(a[0], s.root)
            guard let n = found else { throw clause("get_1", [a[0], end], 244) }
            return n[1]
        }),
        bif("smallest", 1, { _, a in try extreme(a, "smallest", smaller: true, line: 482) }),
        bif("largest", 1, { _, a in try extreme(a, "largest", smaller: false, line: 507) }),
    ]

    /// `smallest/1` and `largest/1`: the `{Key, Value}` at one end.
    static func extreme(_ a: [Term], _ name: String, smaller: Bool, line: Int) throws -> Term {
        guard let s = sized(a[0]) else { throw clause(name, a, line - 3) }
        var t = s.root
        while let n = node(t) {
            let next = smaller ? n[2] : n[3]
            if next == empty { return .tuple([n[0], n[1]]) }
            t = next
        }
        throw clause(name + "_1", [t], line)
    }
}
