import ErlangRuntime
import ErlangTerms

/// The `ordsets` module: sets as ordered lists without duplicates, where
/// elements are the same when they compare equal (`1 == 1.0`). Mirrors
/// OTP 25's ordsets.erl, clause by clause: each function walks both lists
/// as erl's recursion does, so a list that is not one fails with
/// `function_clause` in the call that met it (with ordsets.erl's line);
/// `from_list`, `size`, `union/1`, `filter` and `fold` are `lists` and
/// `erlang` functions there and fail in those.
enum OrdsetsModule {
    /// The exported functions.
    static let functions: FunctionTable = [
        bif("new", 0, { _, _ in .nil }),
        bif("is_set", 1, { _, a in .bool(isSet(a[0])) }),
        bif("size", 1, { p, a in try await p.apply(module: Atom("erlang"), function: Atom("length"), [a[0]]) }),
        bif("is_empty", 1, { _, a in .bool(a[0] == .nil) }),
        bif("to_list", 1, { _, a in a[0] }),
        bif("from_list", 1, { p, a in try await p.apply(module: Atom("lists"), function: Atom("usort"), [a[0]]) }),
        bif("is_element", 2, { _, a in try isElement(a[0], a[1]) }),
        bif("add_element", 2, { _, a in try addElement(a[0], a[1]) }),
        bif("del_element", 2, { _, a in try delElement(a[0], a[1]) }),
        bif("union", 2, { _, a in try union(a[0], a[1]) }),
        bif("union", 1, { p, a in try await p.apply(module: Atom("lists"), function: Atom("umerge"), [a[0]]) }),
        bif("intersection", 2, { _, a in try intersection(a[0], a[1]) }),
        bif("intersection", 1, { _, a in
            guard case .cons(let cell) = a[0] else { throw clause("intersection", a, 182) }
            var result = cell.head
            var rest = cell.tail
            while case .cons(let next) = rest {
                result = try intersection(result, next.head)
                rest = next.tail
            }
            return result
        }),
        bif("is_disjoint", 2, { _, a in try isDisjoint(a[0], a[1]) }),
        bif("subtract", 2, { _, a in try subtract(a[0], a[1]) }),
        bif("is_subset", 2, { _, a in try isSubset(a[0], a[1]) }),
        bif("filter", 2, { p, a in try await p.apply(module: Atom("lists"), function: Atom("filter"), a) }),
        bif("fold", 3, { p, a in try await p.apply(module: Atom("lists"), function: Atom("foldl"), a) }),
    ]

    static func clause(_ function: String, _ args: [Term], _ line: Int) -> ErlangException {
        StdlibError.functionClause("ordsets", function, args, line: line)
    }

    /// `-1`, `0` or `1` as `<`, `==`, `>` compare the elements.
    private static func order(_ x: Term, _ y: Term) -> Int { Term.compare(x, y) }

    /// A proper list whose elements are strictly increasing.
    static func isSet(_ term: Term) -> Bool {
        guard let items = term.listElements else { return false }
        return zip(items, items.dropFirst()).allSatisfy { order($0, $1) < 0 }
    }

    private static func isElement(_ element: Term, _ set: Term) throws -> Term {
        var rest = set
        while true {
            switch rest {
            case .nil: return .false
            case .cons(let cell):
                let c = order(element, cell.head)
                if c < 0 { return .false }
                if c == 0 { return .true }
                rest = cell.tail
            case .int, .bigInt, .float, .atom, .tuple, .map, .binary, .pid, .ref, .fun:
                throw clause("is_element", [element, rest], 96)
            }
        }
    }

    private static func addElement(_ element: Term, _ set: Term) throws -> Term {
        var kept: [Term] = []
        var rest = set
        while true {
            switch rest {
            case .nil: return .list(kept + [element])
            case .cons(let cell):
                let c = order(element, cell.head)
                if c < 0 { return .list(kept + [element], tail: rest) }
                if c == 0 { return .list(kept, tail: rest) }
                kept.append(cell.head)
                rest = cell.tail
            case .int, .bigInt, .float, .atom, .tuple, .map, .binary, .pid, .ref, .fun:
                throw clause("add_element", [element, rest], 111)
            }
        }
    }

    private static func delElement(_ element: Term, _ set: Term) throws -> Term {
        var kept: [Term] = []
        var rest = set
        while true {
            switch rest {
            case .nil: return .list(kept)
            case .cons(let cell):
                let c = order(element, cell.head)
                if c < 0 { return .list(kept, tail: rest) }
                if c == 0 { return .list(kept, tail: cell.tail) }
                kept.append(cell.head)
                rest = cell.tail
            case .int, .bigInt, .float, .atom, .tuple, .map, .binary, .pid, .ref, .fun:
                throw clause("del_element", [element, rest], 124)
            }
        }
    }

    /// Walks two sets in step, as the two-set functions' clauses do: `step`
    /// sees both heads and says what to keep and which lists move on;
    /// `ends` gives the result when either list is `[]` (`nil` for no clause).
    private static func merge(_ name: String, line: Int, _ s1: Term, _ s2: Term,
                              ends: (Term, Term) -> Term?,
                              step: (Term, Term, Int) -> (keep: Term?, advance1: Bool, advance2: Bool, stop: Term?))
        throws -> Term {
        var out: [Term] = []
        var (x, y) = (s1, s2)
        while true {
            guard case .cons(let a) = x, case .cons(let b) = y else {
                if x == .nil || y == .nil, let tail = ends(x, y) { return .list(out, tail: tail) }
                throw clause(name, [x, y], line)
            }
            let s = step(a.head, b.head, order(a.head, b.head))
            if let stop = s.stop { return stop }
            if let keep = s.keep { out.append(keep) }
            if s.advance1 { x = a.tail }
            if s.advance2 { y = b.tail }
        }
    }

    private static func union(_ s1: Term, _ s2: Term) throws -> Term {
        try merge("union", line: 137, s1, s2, ends: { x, y in x == .nil ? y : x }) { e1, e2, c in
            c < 0 ? (e1, true, false, nil) : c > 0 ? (e2, false, true, nil) : (e1, true, true, nil)
        }
    }

    private static func intersection(_ s1: Term, _ s2: Term) throws -> Term {
        try merge("intersection", line: 164, s1, s2, ends: { _, _ in .nil }) { e1, _, c in
            c < 0 ? (nil, true, false, nil) : c > 0 ? (nil, false, true, nil) : (e1, true, true, nil)
        }
    }

    private static func isDisjoint(_ s1: Term, _ s2: Term) throws -> Term {
        try merge("is_disjoint", line: 197, s1, s2, ends: { _, _ in .true }) { _, _, c in
            c < 0 ? (nil, true, false, nil) : c > 0 ? (nil, false, true, nil) : (nil, false, false, .false)
        }
    }

    private static func subtract(_ s1: Term, _ s2: Term) throws -> Term {
        try merge("subtract", line: 217, s1, s2, ends: { x, _ in x }) { e1, _, c in
            c < 0 ? (e1, true, false, nil) : c > 0 ? (nil, false, true, nil) : (nil, true, true, nil)
        }
    }

    private static func isSubset(_ s1: Term, _ s2: Term) throws -> Term {
        try merge("is_subset", line: 234, s1, s2, ends: { x, _ in .bool(x == .nil) }) { _, _, c in
            c < 0 ? (nil, false, false, .false) : c > 0 ? (nil, false, true, nil) : (nil, true, true, nil)
        }
    }
}
