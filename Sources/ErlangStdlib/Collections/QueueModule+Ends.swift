import ErlangRuntime
import ErlangTerms

/// Adding, taking and looking at either end: `in/2`, `in_r/2`, `out/1`,
/// `out_r/1`, `get/1`, `get_r/1`, `peek/1`, `peek_r/1`, `drop/1`,
/// `drop_r/1`, and the Okasaki names (`cons/2`, `snoc/2`, `head/1`,
/// `tail/1`, `last/1`, `daeh/1`, `init/1`, `liat/1`, `lait/1`), which erl
/// delegates to these (so their errors name the delegate, as erl's do).
extension QueueModule {
    static let ends: FunctionTable = [
        bif("in", 2, { _, a in try push(a[0], a[1]) }),
        bif("snoc", 2, { _, a in try push(a[1], a[0]) }),
        bif("in_r", 2, { _, a in try pushFront(a[0], a[1]) }),
        bif("cons", 2, { _, a in try pushFront(a[0], a[1]) }),
        bif("out", 1, { _, a in try pop(a[0]) }),
        bif("out_r", 1, { _, a in try popRear(a[0]) }),
        bif("get", 1, { _, a in try first(a[0], "get", emptyLine: 188, badLine: 192) }),
        bif("head", 1, { _, a in try first(a[0], "head", emptyLine: 662, badLine: 666) }),
        bif("get_r", 1, { _, a in try last(a[0]) }),
        bif("last", 1, { _, a in try last(a[0]) }),
        bif("daeh", 1, { _, a in try last(a[0]) }),
        bif("peek", 1, { _, a in
            guard let q = sides(a[0]) else { throw failure("peek", a, 230) }
            guard let value = try peekFront(q, "peek", a, 230) else { return .atom("empty") }
            return .tuple([.atom("value"), value])
        }),
        bif("peek_r", 1, { _, a in
            guard let q = sides(a[0]) else { throw failure("peek_r", a, 245) }
            guard let value = try peekRear(q, "peek_r", a, 245) else { return .atom("empty") }
            return .tuple([.atom("value"), value])
        }),
        bif("drop", 1, { _, a in try drop(a[0]) }),
        bif("tail", 1, { _, a in try drop(a[0]) }),
        bif("drop_r", 1, { _, a in try dropRear(a[0]) }),
        bif("init", 1, { _, a in try dropRear(a[0]) }),
        bif("liat", 1, { _, a in try dropRear(a[0]) }),
        bif("lait", 1, { _, a in try dropRear(a[0]) }),
    ]

    /// `in(X, Q)`: onto the rear; a lone rear element moves to the empty front.
    static func push(_ x: Term, _ term: Term) throws -> Term {
        guard let q = sides(term) else { throw failure("in", [x, term], 126) }
        if case .cons(let cell) = q.rear, case .nil = cell.tail, case .nil = q.front {
            return queue(.list([x]), q.rear)
        }
        return queue(.cons(x, q.rear), q.front)
    }

    /// `in_r(X, Q)`: onto the front; a lone front element moves to the empty rear.
    static func pushFront(_ x: Term, _ term: Term) throws -> Term {
        guard let q = sides(term) else { throw failure("in_r", [x, term], 138) }
        if case .nil = q.rear, case .cons(let cell) = q.front, case .nil = cell.tail {
            return queue(q.front, .list([x]))
        }
        return queue(q.rear, .cons(x, q.front))
    }

    /// `{{value, V}, Q2}`.
    private static func taken(_ value: Term, _ rest: Term) -> Term {
        .tuple([.tuple([.atom("value"), value]), rest])
    }

    /// `out(Q)`: the first element; an empty front takes the rear reversed.
    static func pop(_ term: Term) throws -> Term {
        let args = [term]
        guard let q = sides(term) else { throw failure("out", args, 158) }
        switch (q.rear, q.front) {
        case (.nil, .nil):
            return .tuple([.atom("empty"), term])
        case (.cons(let newest), .nil):
            let older = try elements(newest.tail, "out", args, 158).reversed()
            guard let value = older.first else { return taken(newest.head, empty) }
            return taken(value, queue(.list([newest.head]), .list(older.dropFirst())))
        case (_, .cons(let cell)):
            if case .nil = cell.tail {
                return taken(cell.head, rearToFront(try elements(q.rear, "out", args, 158)))
            }
            return taken(cell.head, queue(q.rear, cell.tail))
        default:
            throw failure("out", args, 158)
        }
    }

    /// `out_r(Q)`: the last element; an empty rear takes the front reversed.
    static func popRear(_ term: Term) throws -> Term {
        let args = [term]
        guard let q = sides(term) else { throw failure("out_r", args, 178) }
        switch (q.rear, q.front) {
        case (.nil, .nil):
            return .tuple([.atom("empty"), term])
        case (.nil, .cons(let oldest)):
            let newer = try elements(oldest.tail, "out_r", args, 178).reversed()
            guard let value = newer.first else { return taken(oldest.head, empty) }
            return taken(value, queue(.list(newer.dropFirst()), .list([oldest.head])))
        case (.cons(let cell), _):
            if case .nil = cell.tail {
                return taken(cell.head, frontToRear(try elements(q.front, "out_r", args, 178)))
            }
            return taken(cell.head, queue(cell.tail, q.front))
        default:
            throw failure("out_r", args, 178)
        }
    }

    /// The first element, or `nil` for an empty queue (erl also reads a malformed `{[..], []}`).
    static func peekFront(_ q: Sides, _ function: String, _ args: [Term], _ line: Int) throws -> Term? {
        if case .cons(let cell) = q.front { return cell.head }
        guard case .cons(let cell) = q.rear else { return nil }
        return try elements(cell.tail, function, args, line).last ?? cell.head
    }

    /// The last element, or `nil` for an empty queue.
    static func peekRear(_ q: Sides, _ function: String, _ args: [Term], _ line: Int) throws -> Term? {
        if case .cons(let cell) = q.rear { return cell.head }
        guard case .cons(let cell) = q.front else { return nil }
        return try elements(cell.tail, function, args, line).last ?? cell.head
    }

    /// `get(Q)` (and `head(Q)`): the first element; `empty` for an empty queue.
    static func first(_ term: Term, _ function: String, emptyLine: Int, badLine: Int) throws -> Term {
        guard let q = sides(term) else { throw failure(function, [term], badLine) }
        guard let value = try peekFront(q, function, [term], badLine) else {
            throw failure(function, [term], emptyLine, .atom("empty"))
        }
        return value
    }

    /// `get_r(Q)`: the last element; `empty` for an empty queue.
    static func last(_ term: Term) throws -> Term {
        guard let q = sides(term) else { throw failure("get_r", [term], 215) }
        guard let value = try peekRear(q, "get_r", [term], 215) else {
            throw failure("get_r", [term], 207, .atom("empty"))
        }
        return value
    }

    /// `drop(Q)`: the queue without its first element.
    static func drop(_ term: Term) throws -> Term {
        let args = [term]
        guard let q = sides(term) else { throw failure("drop", args, 263) }
        switch (q.rear, q.front) {
        case (.nil, .nil):
            throw failure("drop", args, 252, .atom("empty"))
        case (.cons(let newest), .nil):
            let older = try elements(newest.tail, "drop", args, 263).reversed()
            guard !older.isEmpty else { return empty }
            return queue(.list([newest.head]), .list(older.dropFirst()))
        case (_, .cons(let cell)):
            if case .nil = cell.tail { return rearToFront(try elements(q.rear, "drop", args, 263)) }
            return queue(q.rear, cell.tail)
        default:
            throw failure("drop", args, 263)
        }
    }

    /// `drop_r(Q)`: the queue without its last element.
    static func dropRear(_ term: Term) throws -> Term {
        let args = [term]
        guard let q = sides(term) else { throw failure("drop_r", args, 281) }
        switch (q.rear, q.front) {
        case (.nil, .nil):
            throw failure("drop_r", args, 270, .atom("empty"))
        case (.nil, .cons(let oldest)):
            let newer = try elements(oldest.tail, "drop_r", args, 281).reversed()
            guard !newer.isEmpty else { return empty }
            return queue(.list(newer.dropFirst()), .list([oldest.head]))
        case (.cons(let cell), _):
            if case .nil = cell.tail { return frontToRear(try elements(q.front, "drop_r", args, 281)) }
            return queue(cell.tail, q.front)
        default:
            throw failure("drop_r", args, 281)
        }
    }
}
