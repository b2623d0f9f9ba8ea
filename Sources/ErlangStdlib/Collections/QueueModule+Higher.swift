import ErlangRuntime
import ErlangTerms

/// Whole-queue functions: `join/2`, `split/2`, `filter/2`, `fold/3`,
/// `all/2`, `any/2`, with erl's result shapes (`split/2` moves elements
/// between the sides exactly as queue.erl does).
extension QueueModule {
    static let higher: FunctionTable = [
        bif("join", 2, { _, a in
            guard let q1 = sides(a[0]), let q2 = sides(a[1]) else { throw failure("join", a, 307) }
            if case .nil = q2.rear, case .nil = q2.front { return a[0] }
            if case .nil = q1.rear, case .nil = q1.front { return a[1] }
            let front = try elements(q1.front, "join", a, 307) + elements(q1.rear, "join", a, 307).reversed()
            return queue(q2.rear, .list(front, tail: q2.front))
        }),
        bif("split", 2, { _, a in try split(a) }),
        bif("filter", 2, { p, a in
            guard ListsModule.isFunction(a[0], 1), let q = sides(a[1]) else { throw failure("filter", a, 368) }
            return try await filter(p, a[0], q, a)
        }),
        bif("fold", 3, { p, a in
            guard ListsModule.isFunction(a[0], 2), let q = sides(a[2]) else { throw failure("fold", a, 455) }
            var acc = a[1]
            for x in try inOrder(q, "fold", a, 455) {
                acc = try await called(from: frame("fold", 3, 453)) { try await p.apply(a[0], [x, acc]) }
            }
            return acc
        }),
        bif("all", 2, { p, a in try await quantified(p, a, "all", line: 477, stopOn: .false) }),
        bif("any", 2, { p, a in try await quantified(p, a, "any", line: 466, stopOn: .true) }),
    ]

    /// The caller frame `{queue, Function, Arity, Location}` for errors from user funs.
    static func frame(_ function: String, _ arity: Int, _ line: Int) -> Term {
        StdlibError.sourceFrame("queue", function, .int(arity), line: line)
    }

    /// `split(N, Q)`: the first `N` elements and the rest, as two queues.
    static func split(_ a: [Term]) throws -> Term {
        guard let q = sides(a[1]), case .int(let n) = a[0], n >= 0 else { throw failure("split", a, 337) }
        if n == 0 { return .tuple([empty, a[1]]) }
        let front = try elements(q.front, "split", a, 337)
        if n < front.count {
            // The first n front elements become a queue with one of them in front.
            return .tuple([queue(.list(front[1..<n].reversed()), .list([front[0]])),
                           queue(q.rear, .list(front[n...]))])
        }
        if n == front.count { return .tuple([frontToRear(front), rearToFront(try elements(q.rear, "split", a, 337))]) }
        let rear = try elements(q.rear, "split", a, 337)
        let kept = rear.count - (n - front.count)
        if kept < 0 { throw failure("split", a, 326) }
        if kept == 0 { return .tuple([a[1], empty]) }
        // The newest `kept` rear elements become the second queue, one left in its rear.
        return .tuple([queue(.list(rear[kept...]), q.front),
                       queue(.list([rear[0]]), .list(rear[1..<kept].reversed()))])
    }

    /// `filter(Fun, Q)`: each element, in queue order, is kept (`true`),
    /// dropped (`false`) or replaced by the list the fun returns; a side
    /// left empty is refilled from the other.
    static func filter(_ p: ErlangProcess, _ f: Term, _ q: Sides, _ args: [Term]) async throws -> Term {
        var front: [Term] = []
        for x in try elements(q.front, "filter", args, 368) {
            try await filtered(p, f, x, "filter_f", line: 374, into: &front)
        }
        var rearInOrder: [Term] = []
        for x in try elements(q.rear, "filter", args, 368).reversed() {
            try await filtered(p, f, x, "filter_r", line: 393, into: &rearInOrder)
        }
        if rearInOrder.isEmpty { return frontToRear(front) }
        let rear = Array(rearInOrder.reversed())
        if front.isEmpty { return rearToFront(rear) }
        return queue(.list(rear), .list(front))
    }

    /// Calls the filter fun on `x` and appends what it keeps to `out`.
    private static func filtered(_ p: ErlangProcess, _ f: Term, _ x: Term, _ worker: String, line: Int,
                                 into out: inout [Term]) async throws {
        let result = try await called(from: frame(worker, 2, line)) { try await p.apply(f, [x]) }
        if result == .true { out.append(x); return }
        if result == .false { return }
        guard let items = result.listElements else {
            throw StdlibError.raised(.tuple([.atom(.caseClause), result]), in: "queue", worker, arity: 2, line: line)
                .calledFrom(frame("filter", 2, worker == "filter_f" ? 358 : 359))
        }
        out.append(contentsOf: items)
    }

    /// `all/2` and `any/2`: the front, then the rear, until the fun gives `stopOn`.
    private static func quantified(_ p: ErlangProcess, _ a: [Term], _ name: String, line: Int,
                                   stopOn: Term) async throws -> Term {
        guard ListsModule.isFunction(a[0], 1), let q = sides(a[1]) else { throw failure(name, a, line) }
        for x in try elements(q.front, name, a, line) + elements(q.rear, name, a, line) {
            let result = try await called(from: frame(name, 2, line)) { try await p.apply(a[0], [x]) }
            if result == stopOn { return stopOn }
        }
        return stopOn == .true ? .false : .true
    }
}
