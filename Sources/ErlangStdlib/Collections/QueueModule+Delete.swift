import ErlangRuntime
import ErlangTerms

/// Removing one element and mapping: `delete/2`, `delete_r/2`,
/// `delete_with/2`, `delete_with_r/2`, `filtermap/2` (OTP 24+). The first
/// match in queue order is searched on the front, then from the far end of
/// the rear; a side left empty is refilled from the other, as in queue.erl.
/// The `_r` forms do the same on the queue with its sides swapped.
extension QueueModule {
    static let deletions: FunctionTable = [
        bif("delete", 2, { _, a in
            guard let q = sides(a[1]) else { throw failure("delete", a, 505) }
            return try await deleted(q, a, "delete", 505) { $0 == a[0] }
        }),
        bif("delete_r", 2, { _, a in
            guard let q = sides(a[1]) else { throw failure("delete_r", a, 520) }
            let swapped = try await deleted((q.front, q.rear), a, "delete_r", 520) { $0 == a[0] }
            return swappedBack(swapped)
        }),
        bif("delete_with", 2, { p, a in
            guard ListsModule.isFunction(a[0], 1), let q = sides(a[1]) else { throw failure("delete_with", a, 570) }
            return try await deleted(q, a, "delete_with", 570) { try await predicate(p, a[0], $0, "delete_with", 570) }
        }),
        bif("delete_with_r", 2, { p, a in
            guard ListsModule.isFunction(a[0], 1), let q = sides(a[1]) else { throw failure("delete_with_r", a, 585) }
            let swapped = try await deleted((q.front, q.rear), a, "delete_with_r", 585) {
                try await predicate(p, a[0], $0, "delete_with_r", 585)
            }
            return swappedBack(swapped)
        }),
        bif("filtermap", 2, { p, a in
            guard ListsModule.isFunction(a[0], 1), let q = sides(a[1]) else { throw failure("filtermap", a, 426) }
            var front: [Term] = []
            for x in try elements(q.front, "filtermap", a, 426) {
                if let y = try await mapped(p, a[0], x) { front.append(y) }
            }
            var rear: [Term] = []
            for x in try elements(q.rear, "filtermap", a, 426).reversed() {
                if let y = try await mapped(p, a[0], x) { rear.append(y) }
            }
            rear.reverse()
            if rear.isEmpty { return frontToRear(front) }
            if front.isEmpty { return rearToFront(rear) }
            return queue(.list(rear), .list(front))
        }),
    ]

    /// `{R, F}` of a result computed on the swapped queue `{F, R}`.
    private static func swappedBack(_ term: Term) -> Term {
        guard case .tuple(let e) = term, e.count == 2 else { return term }
        return .tuple([e[1], e[0]])
    }

    /// A predicate's verdict; anything but a boolean is erl's `case_clause`.
    private static func predicate(_ p: ErlangProcess, _ f: Term, _ x: Term, _ name: String, _ line: Int) async throws -> Bool {
        let result = try await called(from: frame(name, 2, line)) { try await p.apply(f, [x]) }
        if result == .true { return true }
        if result == .false { return false }
        throw StdlibError.raised(.tuple([.atom(.caseClause), result]), in: "queue", "delete_with_front", arity: 2, line: 634)
    }

    /// The filtermap fun's result for `x`: kept as is, replaced, or dropped (`nil`).
    private static func mapped(_ p: ErlangProcess, _ f: Term, _ x: Term) async throws -> Term? {
        let result = try await called(from: frame("filtermap", 2, 443)) { try await p.apply(f, [x]) }
        if result == .true { return x }
        if result == .false { return nil }
        if case .tuple(let e) = result, e.count == 2, e[0] == .true { return e[1] }
        throw StdlibError.raised(.tuple([.atom(.caseClause), result]), in: "queue", "filtermap_r", arity: 2, line: 452)
    }

    /// `q` without its first element (in queue order) that `matches`, or `q` itself.
    private static func deleted(_ q: Sides, _ args: [Term], _ name: String, _ line: Int,
                                _ matches: (Term) async throws -> Bool) async throws -> Term {
        var front = try elements(q.front, name, args, line)
        for i in front.indices {
            guard try await matches(front[i]) else { continue }
            front.remove(at: i)
            return front.isEmpty ? rearToFront(try elements(q.rear, name, args, line)) : queue(q.rear, .list(front))
        }
        var rear = try elements(q.rear, name, args, line)
        for i in rear.indices.reversed() {
            guard try await matches(rear[i]) else { continue }
            rear.remove(at: i)
            return rear.isEmpty ? frontToRear(front) : queue(.list(rear), q.front)
        }
        return queue(q.rear, q.front)
    }
}
