/// A walk along a list's cells that retains none of them: a loop over a
/// long list (`lists:foreach/2` over `lists:seq(1, 1000000)`) then costs
/// no reference counting per cell, where stepping with `Cons.tail` retained
/// each next cell and released the one before.
///
/// Only for a list that something else keeps alive for the whole walk
/// (the caller's argument list holds it): the cursor holds no reference.
public struct ListCursor {
    private var cell: Unmanaged<Cons>?
    /// What ended the list, once `next()` has answered `nil`: `[]` for a
    /// proper list, the improper tail otherwise. Before that, `[]`.
    public private(set) var tail: Term

    /// A walk from the start of `list`, which the caller keeps alive
    /// until the walk ends.
    public init(_ list: Term) {
        if case .cons(let first) = list {
            cell = Unmanaged.passUnretained(first)
            tail = .nil
        } else {
            cell = nil
            tail = list
        }
    }

    /// The next element, or `nil` at the end of the list (see `tail`).
    public mutating func next() -> Term? {
        guard let current = cell else { return nil }
        return current._withUnsafeGuaranteedRef { cons in
            cell = cons.nextCell
            if cell == nil { tail = cons.tail }
            return cons.head
        }
    }
}
