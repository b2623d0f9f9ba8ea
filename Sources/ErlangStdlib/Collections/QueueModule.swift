import ErlangRuntime
import ErlangTerms

/// The `queue` module. Mirrors OTP 25's `queue.erl`: a queue is the pair
/// `{Rear, Front}` of lists, the front in order and the rear reversed, so
/// the printed term after every operation is erl's. The balancing is erl's
/// too: when one side runs out, half of the other is moved over
/// (`rearToFront`, `frontToRear`), and `in/2` and `in_r/2` keep at least one
/// element on each side when that is cheap.
///
/// A term that is not a queue raises `badarg` with the arguments in the
/// frame (`erlang:error(badarg, Args)` in erl), at queue.erl's line.
/// `+Higher` holds the functions that take funs or reshape whole queues.
enum QueueModule {
    /// The exported functions.
    static let functions: FunctionTable = basics + ends + higher + deletions

    /// A queue's two sides as lists: the rear (last element first) and the front.
    typealias Sides = (rear: Term, front: Term)

    /// The sides of `term` when it is `{R, F}` with both lists (`is_list`).
    static func sides(_ term: Term) -> Sides? {
        guard case .tuple(let e) = term, e.count == 2, e[0].isList, e[1].isList else { return nil }
        return (e[0], e[1])
    }

    /// The queue term `{Rear, Front}`.
    static func queue(_ rear: Term, _ front: Term) -> Term { .tuple([rear, front]) }

    /// The empty queue `{[], []}`.
    static let empty = queue(.nil, .nil)

    /// `badarg` (or `reason`) from `queue:function(args...)` at `line`.
    static func failure(_ function: String, _ args: [Term], _ line: Int, _ reason: Term = .atom(.badarg)) -> ErlangException {
        StdlibError.withArgs(reason, "queue", function, args, line: line)
    }

    /// The elements of a proper list; an improper one is treated as not a queue.
    static func elements(_ list: Term, _ function: String, _ args: [Term], _ line: Int) throws -> [Term] {
        guard let items = list.listElements else { throw failure(function, args, line) }
        return items
    }

    /// Moves half of a long rear list to the front (erl's `r2f`).
    static func rearToFront(_ rear: [Term]) -> Term {
        switch rear.count {
        case 0: return empty
        case 1: return queue(.nil, .list(rear))
        case 2: return queue(.list([rear[0]]), .list([rear[1]]))
        default:
            let half = rear.count / 2
            return queue(.list(rear[..<half]), .list(rear[half...].reversed()))
        }
    }

    /// Moves half of a long front list to the rear (erl's `f2r`).
    static func frontToRear(_ front: [Term]) -> Term {
        switch front.count {
        case 0: return empty
        case 1: return queue(.list(front), .nil)
        case 2: return queue(.list([front[1]]), .list([front[0]]))
        default:
            let half = front.count / 2
            return queue(.list(front[half...].reversed()), .list(front[..<half]))
        }
    }

    /// The length of a proper list, or `nil`.
    static func count(_ list: Term) -> Int? {
        var n = 0
        var rest = list
        while case .cons(let cell) = rest {
            n += 1
            rest = cell.tail
        }
        guard case .nil = rest else { return nil }
        return n
    }

    /// The queue's elements in order (front, then the rear reversed).
    static func inOrder(_ q: Sides, _ function: String, _ args: [Term], _ line: Int) throws -> [Term] {
        try elements(q.front, function, args, line) + elements(q.rear, function, args, line).reversed()
    }

    /// Whether `list` holds an element exactly equal (`=:=`) to `x`.
    static func contains(_ list: Term, _ x: Term) -> Bool {
        var rest = list
        while case .cons(let cell) = rest {
            if cell.head == x { return true }
            rest = cell.tail
        }
        return false
    }

    static let basics: FunctionTable = [
        bif("new", 0, { _, _ in empty }),
        bif("is_queue", 1, { _, a in sides(a[0]) == nil ? .false : .true }),
        bif("is_empty", 1, { _, a in
            guard let q = sides(a[0]) else { throw failure("is_empty", a, 79) }
            if case .nil = q.rear, case .nil = q.front { return .true }
            return .false
        }),
        bif("len", 1, { _, a in
            guard let q = sides(a[0]), let r = count(q.rear), let f = count(q.front) else { throw failure("len", a, 86) }
            return .int(r + f)
        }),
        bif("to_list", 1, { _, a in
            guard let q = sides(a[0]) else { throw failure("to_list", a, 93) }
            return .list(try inOrder(q, "to_list", a, 93))
        }),
        bif("from_list", 1, { _, a in
            guard let items = a[0].listElements else { throw failure("from_list", a, 102) }
            return frontToRear(items)
        }),
        bif("member", 2, { _, a in
            guard let q = sides(a[1]) else { throw failure("member", a, 111) }
            return contains(q.rear, a[0]) || contains(q.front, a[0]) ? .true : .false
        }),
        bif("reverse", 1, { _, a in
            guard let q = sides(a[0]) else { throw failure("reverse", a, 293) }
            return queue(q.front, q.rear)
        }),
    ]
}
