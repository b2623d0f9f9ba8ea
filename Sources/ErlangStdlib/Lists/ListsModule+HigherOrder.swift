import ErlangRuntime
import ErlangTerms

/// The `lists` functions that take a fun: `map`, `foldl`, `filter`, ...
/// Funs are called in the order erl calls them (left to right, except
/// `foldr` and `mapfoldr`); a bad result (`lists:any/2` given a fun that
/// returns `1`) raises the `case_clause` erl raises, in the frame erl names.
extension ListsModule {
    /// The argument list a loop calling a fun per element fills in again
    /// for each call: when the fun keeps no reference to it, it stays
    /// unique, and the element is stored in place instead of in a new
    /// array per call (copy on write makes a copy only when it must).
    static func reusedArguments(_ count: Int) -> [Term] { Array(repeating: .nil, count: count) }

    /// Calls the fun a loop got for one element: first without
    /// suspending when its code may run so (`atOnce`, the callee's
    /// `atOnceBody`), which saves the async frames of the call; else
    /// `callee` when `prepare` gave it, else through `apply`. What it
    /// raises gets `frame` as its caller.
    @inline(__always)
    static func callForElement(_ process: ErlangProcess, _ fun: Term, _ callee: PreparedFun?, _ atOnce: FunBody?,
                               _ args: [Term], from frame: @autoclosure () -> Term) async throws -> Term {
        if let atOnce, process.hasReductionToSpare {
            do {
                if let value = try calledSync(from: frame(), { try atOnce.callAtOnce(process, args) }) {
                    process.countReduction()
                    return value
                }
            } catch let unfinished as UnfinishedAtOnce {
                // The fun's one call began at once and must end in full.
                process.countReduction()
                return try await called(from: frame()) { try await unfinished.finish() }
            }
        }
        return try await called(from: frame()) {
            if let callee { return try await callee.call(process, args) }
            return try await process.apply(fun, args)
        }
    }

    static let higherOrder: FunctionTable = [
        bif("map", 2, { p, a in
            let (f, list) = (a[0], a[1])
            guard isFunction(f, 1) else { throw clause("map", a, 1313) }
            guard list.isList else { throw raised(.tuple([.atom(.caseClause), list]), "map", 2, 1314) }
            var out: [Term] = []
            var rest = ListCursor(list)  // `a` keeps the list alive
            let callee = p.prepare(f, arity: 1)
            let atOnce = callee?.atOnceBody
            var args = ListsModule.reusedArguments(1)
            while let element = rest.next() {
                let isFirst = out.isEmpty
                args[0] = element
                out.append(try await callForElement(p, f, callee, atOnce, args,
                                                    from: isFirst ? frame("map", 2, 1315) : frame("map_1", 2, 1320)))
            }
            guard case .nil = rest.tail else { throw clause("map_1", [f, rest.tail], 1319) }
            return .list(out)
        }),
        bif("flatmap", 2, { p, a in
            let f = a[0]
            guard isFunction(f, 1) else { throw clause("flatmap", a, 1331) }
            var pieces: [Term] = []
            var rest = a[1]
            while case .cons(let cell) = rest {
                pieces.append(try await called(from: frame("flatmap_1", 2, 1335)) { try await p.apply(f, [cell.head]) })
                rest = cell.tail
            }
            guard case .nil = rest else { throw clause("flatmap_1", [f, rest], 1334) }
            var result = Term.nil
            for piece in pieces.reversed() {
                result = try calledSync(from: frame("flatmap_1", 2, 1335)) { try ListOperators.append(piece, result) }
            }
            return result
        }),
        bif("foldl", 3, { p, a in
            let (f, list) = (a[0], a[2])
            guard isFunction(f, 2) else { throw clause("foldl", a, 1348) }
            guard list.isList else { throw raised(.tuple([.atom(.caseClause), list]), "foldl", 3, 1349) }
            var acc = a[1]
            var first = true
            var rest = ListCursor(list)  // `a` keeps the list alive
            let callee = p.prepare(f, arity: 2)
            let atOnce = callee?.atOnceBody
            var args = ListsModule.reusedArguments(2)
            while let element = rest.next() {
                let isFirst = first
                (args[0], args[1]) = (element, acc)
                acc = try await callForElement(p, f, callee, atOnce, args,
                                               from: isFirst ? frame("foldl", 3, 1350) : frame("foldl_1", 3, 1355))
                first = false
            }
            guard case .nil = rest.tail else { throw clause("foldl_1", [f, acc, rest.tail], 1354) }
            return acc
        }),
        bif("foldr", 3, { p, a in
            let f = a[0]
            guard isFunction(f, 2) else { throw clause("foldr", a, 1368) }
            let (items, tail) = a[2].listPrefixAndTail
            guard case .nil = tail else { throw clause("foldr_1", [f, a[1], tail], 1371) }
            var acc = a[1]
            for item in items.reversed() {
                acc = try await called(from: frame("foldr_1", 3, 1372)) { try await p.apply(f, [item, acc]) }
            }
            return acc
        }),
        bif("filter", 2, { p, a in
            let pred = a[0]
            guard isFunction(pred, 1) else { throw clause("filter", a, 1382) }
            let comprehension = "-filter/2-lc$^0/1-0-"
            var out: [Term] = []
            var rest = a[1]
            while case .cons(let cell) = rest {
                let keep = try await called(from: frame(comprehension, 2, 1383)) { try await p.apply(pred, [cell.head]) }
                switch keep.boolValue {
                case true?: out.append(cell.head)
                case false?: break
                case nil: throw raised(.tuple([.atom("bad_filter"), keep]), comprehension, 2, 1383)
                }
                rest = cell.tail
            }
            guard case .nil = rest else { throw raised(.tuple([.atom("bad_generator"), rest]), comprehension, 2, 1383) }
            return .list(out)
        }),
        bif("filtermap", 2, { p, a in try await filtermap(p, a) }),
        bif("zf", 2, { p, a in try await filtermap(p, a) }),
        bif("foreach", 2, { p, a in
            let f = a[0]
            guard isFunction(f, 1) else { throw clause("foreach", a, 1438) }
            var rest = ListCursor(a[1])  // `a` keeps the list alive
            let callee = p.prepare(f, arity: 1)
            let atOnce = callee?.atOnceBody
            var args = ListsModule.reusedArguments(1)
            while let element = rest.next() {
                args[0] = element
                _ = try await callForElement(p, f, callee, atOnce, args, from: frame("foreach_1", 2, 1442))
            }
            guard case .nil = rest.tail else { throw clause("foreach_1", [f, rest.tail], 1441) }
            return .ok
        }),
        bif("any", 2, { p, a in try await anyAll(p, a, any: true) }),
        bif("all", 2, { p, a in try await anyAll(p, a, any: false) }),
        bif("partition", 2, { p, a in
            let pred = a[0]
            guard isFunction(pred, 1) else { throw clause("partition", a, 1395) }
            var (yes, no): ([Term], [Term]) = ([], [])
            var rest = a[1]
            while case .cons(let cell) = rest {
                let r = try await called(from: frame("partition_1", 4, 1399)) { try await p.apply(pred, [cell.head]) }
                switch r.boolValue {
                case true?: yes.append(cell.head)
                case false?: no.append(cell.head)
                case nil: throw raised(.tuple([.atom(.caseClause), r]), "partition_1", 4, 1399)
                }
                rest = cell.tail
            }
            guard case .nil = rest else {
                throw clause("partition_1", [pred, rest, .list(yes.reversed()), .list(no.reversed())], 1398)
            }
            return .tuple([.list(yes), .list(no)])
        }),
        bif("takewhile", 2, { p, a in
            let pred = a[0]
            guard isFunction(pred, 1) else { throw clause("takewhile", a, 1495) }
            var out: [Term] = []
            var rest = a[1]
            while case .cons(let cell) = rest {
                guard try await test(p, pred, cell.head, "takewhile_1", 2, 1499) else { return .list(out) }
                out.append(cell.head)
                rest = cell.tail
            }
            guard case .nil = rest else { throw clause("takewhile_1", [pred, rest], 1498) }
            return .list(out)
        }),
        bif("dropwhile", 2, { p, a in
            let pred = a[0]
            guard isFunction(pred, 1) else { throw clause("dropwhile", a, 1512) }
            var rest = a[1]
            while case .cons(let cell) = rest {
                guard try await test(p, pred, cell.head, "dropwhile_1", 2, 1516) else { return rest }
                rest = cell.tail
            }
            guard case .nil = rest else { throw clause("dropwhile_1", [pred, rest], 1515) }
            return .nil
        }),
        bif("splitwith", 2, { p, a in
            let pred = a[0]
            guard isFunction(pred, 1) else { throw clause("splitwith", a, 1546) }
            var taken: [Term] = []
            var rest = a[1]
            while case .cons(let cell) = rest {
                guard try await test(p, pred, cell.head, "splitwith_1", 3, 1550) else {
                    return .tuple([.list(taken), rest])
                }
                taken.append(cell.head)
                rest = cell.tail
            }
            guard case .nil = rest else { throw clause("splitwith_1", [pred, rest, .list(taken.reversed())], 1549) }
            return .tuple([.list(taken), .nil])
        }),
        bif("search", 2, { p, a in
            let pred = a[0]
            guard isFunction(pred, 1) else { throw clause("search", a, 1528) }
            var rest = a[1]
            while case .cons(let cell) = rest {
                if try await test(p, pred, cell.head, "search_1", 2, 1532) { return .tuple([.atom("value"), cell.head]) }
                rest = cell.tail
            }
            guard case .nil = rest else { throw clause("search_1", [pred, rest], 1531) }
            return .false
        }),
        bif("mapfoldl", 3, { p, a in
            let f = a[0]
            guard isFunction(f, 2) else { throw clause("mapfoldl", a, 1458) }
            var acc = a[1]
            var out: [Term] = []
            var rest = a[2]
            while case .cons(let cell) = rest {
                let r = try await called(from: frame("mapfoldl_1", 3, 1462)) { try await p.apply(f, [cell.head, acc]) }
                guard case .tuple(let e) = r, e.count == 2 else {
                    throw raised(.tuple([.atom(.badmatch), r]), "mapfoldl_1", 3, 1462)
                }
                out.append(e[0])
                acc = e[1]
                rest = cell.tail
            }
            guard case .nil = rest else { throw clause("mapfoldl_1", [f, acc, rest], 1461) }
            return .tuple([.list(out), acc])
        }),
        bif("mapfoldr", 3, { p, a in
            let f = a[0]
            guard isFunction(f, 2) else { throw clause("mapfoldr", a, 1479) }
            let (items, tail) = a[2].listPrefixAndTail
            guard case .nil = tail else { throw clause("mapfoldr_1", [f, a[1], tail], 1482) }
            var acc = a[1]
            var out: [Term] = []
            for item in items.reversed() {
                let r = try await called(from: frame("mapfoldr_1", 3, 1484)) { try await p.apply(f, [item, acc]) }
                guard case .tuple(let e) = r, e.count == 2 else {
                    throw raised(.tuple([.atom(.badmatch), r]), "mapfoldr_1", 3, 1484)
                }
                out.append(e[0])
                acc = e[1]
            }
            return .tuple([.list(out.reversed()), acc])
        }),
        bif("zipwith", 3, { p, a in
            let f = a[0]
            var (xs, ys) = (a[1], a[2])
            var out: [Term] = []
            while case .cons(let x) = xs, case .cons(let y) = ys {
                out.append(try await called(from: frame("zipwith", 3, 483)) { try await p.apply(f, [x.head, y.head]) })
                (xs, ys) = (x.tail, y.tail)
            }
            guard case .nil = xs, case .nil = ys, isFunction(f, 2) else { throw clause("zipwith", [f, xs, ys], 483) }
            return .list(out)
        }),
        bif("zipwith3", 4, { p, a in
            let f = a[0]
            var (xs, ys, zs) = (a[1], a[2], a[3])
            var out: [Term] = []
            while case .cons(let x) = xs, case .cons(let y) = ys, case .cons(let z) = zs {
                out.append(try await called(from: frame("zipwith3", 4, 501)) {
                    try await p.apply(f, [x.head, y.head, z.head])
                })
                (xs, ys, zs) = (x.tail, y.tail, z.tail)
            }
            guard case .nil = xs, case .nil = ys, case .nil = zs, isFunction(f, 3) else {
                throw clause("zipwith3", [f, xs, ys, zs], 500)
            }
            return .list(out)
        }),
        bif("uniq", 2, { p, a in
            let f = a[0]
            guard isFunction(f, 1) else { throw clause("uniq", a, 3006) }
            var seen = Set<Term>()
            var out: [Term] = []
            var rest = a[1]
            while case .cons(let cell) = rest {
                let key = try await called(from: frame("uniq_2", 3, 3010)) { try await p.apply(f, [cell.head]) }
                if seen.insert(key).inserted { out.append(cell.head) }
                rest = cell.tail
            }
            guard case .nil = rest else {
                throw clause("uniq_2", [rest, f, .map(seen.map { ($0, Term.true) })], 3009)
            }
            return .list(out)
        }),
    ]

    /// `lists:filtermap/2` (and its old name `zf/2`).
    private static func filtermap(_ p: ErlangProcess, _ a: [Term]) async throws -> Term {
        let f = a[0]
        guard isFunction(f, 1) else { throw clause("filtermap", a, 1413) }
        var out: [Term] = []
        var rest = a[1]
        while case .cons(let cell) = rest {
            let r = try await called(from: frame("filtermap_1", 2, 1417)) { try await p.apply(f, [cell.head]) }
            switch r {
            case .true: out.append(cell.head)
            case .false: break
            case .tuple(let e) where e.count == 2 && e[0] == .true: out.append(e[1])
            default: throw raised(.tuple([.atom(.caseClause), r]), "filtermap_1", 2, 1417)
            }
            rest = cell.tail
        }
        guard case .nil = rest else { throw clause("filtermap_1", [f, rest], 1416) }
        return .list(out)
    }

    /// Calls a predicate; a result other than `true`/`false` is erl's `case_clause`.
    private static func test(_ p: ErlangProcess, _ pred: Term, _ item: Term,
                             _ function: String, _ arity: Int, _ line: Int) async throws -> Bool {
        let r = try await called(from: frame(function, arity, line)) { try await p.apply(pred, [item]) }
        guard let b = r.boolValue else { throw raised(.tuple([.atom(.caseClause), r]), function, arity, line) }
        return b
    }

    /// `lists:any/2` (`any` = true) and `lists:all/2`.
    private static func anyAll(_ p: ErlangProcess, _ a: [Term], any: Bool) async throws -> Term {
        let name = any ? "any" : "all"
        let line = any ? 1288 : 1265
        let pred = a[0]
        guard isFunction(pred, 1) else { throw clause(name, a, line) }
        guard a[1].isList else { throw raised(.tuple([.atom(.caseClause), a[1]]), name, 2, line + 1) }
        var first = true
        var rest = a[1]
        while case .cons(let cell) = rest {
            let decided = first
                ? try await test(p, pred, cell.head, name, 2, line + 3)
                : try await test(p, pred, cell.head, name + "_1", 2, line + 11)
            if decided == any { return .bool(any) }
            first = false
            rest = cell.tail
        }
        guard case .nil = rest else { throw clause(name + "_1", [pred, rest], line + 10) }
        return .bool(!any)
    }
}
