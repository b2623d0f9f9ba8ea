import ErlangRuntime
import ErlangTerms

/// The basic API of `gb_sets`: general balanced trees `{Size, Tree}`,
/// `Tree = nil | {Key, Smaller, Bigger}`, built and rebalanced exactly as
/// OTP 25's gb_sets.erl does, so the printed terms are erl's. Elements are
/// the same when they compare equal (`1 == 1.0`).
///
/// Insertion gives each level a budget (the new size squared, halved per
/// level); past it, the path back up measures heights and rebuilds the
/// first subtree whose height exceeds its size squared, as a perfectly
/// balanced tree. Deletion never rebalances. The set algebra functions
/// (`union`, `intersection`, `subtract`, ...) are not provided.
///
/// Split: the tree surgery (insert, delete, take) is in `GbSetsModule+Trees`,
/// written with explicit paths, as a set given by the user may be any deep tuple.
enum GbSetsModule {
    /// The exported functions.
    static let functions: FunctionTable = [
        bif("new", 0, { _, _ in empty }),
        bif("empty", 0, { _, _ in empty }),
        bif("is_empty", 1, { _, a in .bool(a[0] == empty) }),
        bif("size", 1, { _, a in .int(try set(a[0], "size", a, line: 229).size) }),
        bif("singleton", 1, { _, a in .tuple([.int(1), node(a[0], nilTree, nilTree)]) }),
        bif("from_ordset", 1, { _, a in
            guard let items = a[0].listElements else {
                throw ErlangException(.error, .atom(.badarg), stacktrace: [
                    ErlangProcess.frame(Atom("erlang"), Atom("length"), .list(a)), frame("from_ordset", .int(1), 374),
                ])
            }
            return fromOrdset(items)
        }),
        bif("from_list", 1, { p, a in
            let sorted = try await p.apply(module: Atom("lists"), function: Atom("usort"), [a[0]])
            return fromOrdset(sorted.listElements ?? [])
        }),
        bif("to_list", 1, { _, a in .list(inOrder(try set(a[0], "to_list", a, line: 474).tree)) }),
        bif("is_member", 2, { _, a in .bool(isMember(a[0], try member(a))) }),
        bif("is_element", 2, { _, a in .bool(isMember(a[0], try member(a))) }),
        bif("add", 2, { _, a in try add(a) }),
        bif("add_element", 2, { _, a in try add(a) }),
        bif("insert", 2, { _, a in
            let s = try set(a[1], "insert", a, line: 262)
            guard !isMember(a[0], s.tree) else {
                throw ErlangException(.error, .tuple([.atom("key_exists"), a[0]]),
                                      stacktrace: [frame("insert_1", .int(3), 305), frame("insert", .int(2), 264)])
            }
            return insert(a[0], s)
        }),
        bif("delete", 2, { _, a in
            let s = try set(a[1], "delete", a, line: 400)
            guard isMember(a[0], s.tree) else {
                throw ErlangException(.error, .atom(.functionClause),
                                      stacktrace: [frame("delete_1", .list([a[0], nilTree]), 403), frame("delete", .int(2), 401)])
            }
            return .tuple([sizeTerm(s.size, -1), delete(a[0], s.tree)])
        }),
        bif("delete_any", 2, { _, a in try deleteAny(a) }),
        bif("del_element", 2, { _, a in try deleteAny(a) }),
        bif("smallest", 1, { _, a in try extreme(a[0], smallest: true) }),
        bif("largest", 1, { _, a in try extreme(a[0], smallest: false) }),
        bif("take_smallest", 1, { _, a in try take(a[0], smallest: true) }),
        bif("take_largest", 1, { _, a in try take(a[0], smallest: false) }),
        bif("balance", 1, { _, a in
            let s = try set(a[0], "balance", a, line: 320)
            return .tuple([.int(s.size), balanced(inOrder(s.tree))])
        }),
        bif("fold", 3, { p, a in
            let items = Term.list(inOrder(try set(a[2], "fold", a, line: 885).tree))
            return try await p.apply(module: Atom("lists"), function: Atom("foldl"), [a[0], a[1], items])
        }),
        bif("filter", 2, { p, a in
            let items = Term.list(inOrder(try calledSync(from: frame("filter", .int(2), 875)) {
                try set(a[1], "to_list", [a[1]], line: 474).tree
            }))
            let kept = try await p.apply(module: Atom("lists"), function: Atom("filter"), [a[0], items])
            return fromOrdset(kept.listElements ?? [])
        }),
    ]

    /// The empty tree, the atom `nil`.
    static let nilTree: Term = .atom("nil")

    /// `{0, nil}`.
    static let empty: Term = .tuple([.int(0), nilTree])

    static func node(_ key: Term, _ smaller: Term, _ bigger: Term) -> Term { .tuple([key, smaller, bigger]) }

    /// A frame in gb_sets.erl at `line`.
    static func frame(_ function: String, _ arityOrArgs: Term, _ line: Int) -> Term {
        StdlibError.sourceFrame("gb_sets", function, arityOrArgs, line: line)
    }

    /// The size and tree of a set, or `function_clause` in `function`
    /// (called with `args`) at gb_sets.erl's `line`.
    static func set(_ term: Term, _ function: String, _ args: [Term], line: Int) throws -> (size: Int, tree: Term) {
        guard case .tuple(let e) = term, e.count == 2, case .int(let size) = e[0] else {
            throw StdlibError.functionClause("gb_sets", function, args, line: line)
        }
        return (size, e[1])
    }

    /// The tree of `is_member(Key, Set)`'s set (`args`), as is_member checks it.
    private static func member(_ args: [Term]) throws -> Term {
        try set(args[1], "is_member", args, line: 246).tree
    }

    /// The children of a tree node, or `nil` for `nil` (and anything else).
    static func split(_ tree: Term) -> (key: Term, smaller: Term, bigger: Term)? {
        guard case .tuple(let e) = tree, e.count == 3 else { return nil }
        return (e[0], e[1], e[2])
    }

    static func fromOrdset(_ items: [Term]) -> Term { .tuple([.int(items.count), balanced(items)]) }

    /// A perfectly balanced tree of sorted `items`, the bigger half on the smaller side.
    static func balanced(_ items: [Term]) -> Term {
        func build(_ range: Range<Int>) -> Term {
            guard !range.isEmpty else { return nilTree }
            let rest = range.count - 1
            let bigger = rest / 2, smaller = rest - bigger
            let at = range.lowerBound + smaller
            return node(items[at], build(range.lowerBound..<at), build((at + 1)..<(at + 1 + bigger)))
        }
        return build(0..<items.count)
    }

    /// The keys in order (iteratively, so a degenerate tree cannot overflow the stack).
    static func inOrder(_ tree: Term) -> [Term] {
        var out: [Term] = []
        var stack: [(key: Term, bigger: Term)] = []
        var current = tree
        while true {
            while let n = split(current) {
                stack.append((n.key, n.bigger))
                current = n.smaller
            }
            guard let top = stack.popLast() else { return out }
            out.append(top.key)
            current = top.bigger
        }
    }

    static func isMember(_ key: Term, _ tree: Term) -> Bool {
        var current = tree
        while let n = split(current) {
            let c = Term.compare(key, n.key)
            if c == 0 { return true }
            current = c < 0 ? n.smaller : n.bigger
        }
        return false
    }

    /// `add(Key, Set)`: `Set` itself when `Key` is in it.
    private static func add(_ args: [Term]) throws -> Term {
        let tree = try calledSync(from: frame("add", .int(2), 355)) { try member(args) }
        guard case .tuple(let e) = args[1], case .int(let size) = e[0] else { return args[1] }
        return isMember(args[0], tree) ? args[1] : insert(args[0], (size, tree))
    }

    private static func deleteAny(_ args: [Term]) throws -> Term {
        let tree = try calledSync(from: frame("delete_any", .int(2), 389)) { try member(args) }
        guard isMember(args[0], tree), case .tuple(let e) = args[1], case .int(let size) = e[0] else { return args[1] }
        return .tuple([sizeTerm(size, -1), delete(args[0], tree)])
    }

    private static func extreme(_ setTerm: Term, smallest: Bool) throws -> Term {
        let name = smallest ? "smallest" : "largest"
        var current = try set(setTerm, name, [setTerm], line: smallest ? 437 : 462).tree
        guard split(current) != nil else {
            throw StdlibError.functionClause("gb_sets", name + "_1", [nilTree], line: smallest ? 440 : 465)
        }
        while let n = split(current) {
            let next = smallest ? n.smaller : n.bigger
            if split(next) == nil { return n.key }
            current = next
        }
        return nilTree
    }

    private static func take(_ setTerm: Term, smallest: Bool) throws -> Term {
        let name = smallest ? "take_smallest" : "take_largest"
        let s = try set(setTerm, name, [setTerm], line: smallest ? 424 : 449)
        guard split(s.tree) != nil else {
            throw ErlangException(.error, .atom(.functionClause), stacktrace: [
                frame(name + "1", .list([nilTree]), smallest ? 428 : 453), frame(name, .int(1), smallest ? 425 : 450),
            ])
        }
        let (key, rest) = smallest ? takeSmallest(s.tree) : takeLargest(s.tree)
        return .tuple([key, .tuple([sizeTerm(s.size, -1), rest])])
    }
}
