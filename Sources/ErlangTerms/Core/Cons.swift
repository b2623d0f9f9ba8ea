/// One list cell `[Head | Tail]`. Prepending and taking the tail are O(1).
///
/// A cell holds its head and the cell after it (`nil` at the end of a
/// proper list): 40 bytes, a 48-byte block from malloc. Holding the tail
/// as a `Term` took 41 bytes, so a 64-byte block: a list of a million
/// integers was 64 MB to fault in and fill, now 48. A list whose tail is
/// not a list (`[a | b]`) ends in an `ImproperCons`, which also keeps that
/// tail; it is made only by `Term.cons(_:_:)` and `Term.list(_:tail:)`.
///
/// Long lists are chains of cells, and deeply nested lists are chains of
/// heads; `deinit` takes apart every cell only it still holds, with an
/// explicit stack, so that freeing a list of millions of elements, or one
/// nested hundreds of thousands deep, cannot overflow the native stack.
public class Cons: @unchecked Sendable {
    // Not final, so that `ImproperCons` can add its tail; public, not
    // open: nothing else subclasses it.
    // @unchecked: `head` and `next` are only written by `deinit`, on cells
    // no other reference can reach any more; otherwise the cell is immutable.
    // @exclusivity(unchecked): for the same reason no access can overlap
    // another, so the dynamic exclusivity check (a runtime call on every
    // read of a list cell) proves nothing.
    // The public getters are not inlinable on purpose: a read of a class's
    // stored `var` compiled in another module gets that module's dynamic
    // exclusivity check (two runtime calls), whatever this module declares.
    @exclusivity(unchecked) final fileprivate var storedHead: Term
    @exclusivity(unchecked) final fileprivate var storedNext: Cons?

    /// The first element.
    public final var head: Term { storedHead }
    /// The rest of the list (`[]` for a proper one-element list).
    public final var tail: Term {
        if let next = storedNext { return .cons(next) }
        return end
    }

    /// What follows the last cell: `[]`, or an improper list's tail.
    fileprivate var end: Term { .nil }

    /// A cell `[head | next]`, or `[head]` when `next` is `nil`.
    fileprivate init(_ head: __owned Term, next: __owned Cons?) {
        storedHead = head
        storedNext = next
    }

    /// A cell `[head | tail]` (`Term.cons(_:_:)`): an `ImproperCons` when
    /// `tail` is neither a list cell nor `[]`.
    fileprivate static func make(_ head: __owned Term, _ tail: __owned Term) -> Cons {
        switch consume tail {
        case .cons(let next): return Cons(head, next: next)
        case .nil: return Cons(head, next: nil)
        case let improper: return ImproperCons(head, end: improper)
        }
    }

    deinit {
        // Tails are followed in a loop without the stack (the common case:
        // a long flat list); heads that are lists go on `pending`.
        var pending: [Cons] = []
        Cons.detach(&storedHead, into: &pending)
        var next = Cons.detachNext(&storedNext)
        while let node = next.take() ?? pending.popLast() {
            Cons.detach(&node.storedHead, into: &pending)
            next = Cons.detachNext(&node.storedNext)
        }
    }

    /// Takes a cell out of `slot` when this is its last reference, so that
    /// its own children are released by the loop in `deinit`, not recursively.
    /// The slot's term is moved out, not copied: freeing a long list
    /// retains and releases nothing per cell.
    private static func detach(_ slot: inout Term, into pending: inout [Cons]) {
        guard case .cons = slot else { return }
        var taken = Term.nil
        swap(&taken, &slot)
        guard case .cons(var node) = consume taken else { return }
        if isKnownUniquelyReferenced(&node) { pending.append(node) }
    }

    /// The cell in `slot`, taken out, when this is its last reference.
    private static func detachNext(_ slot: inout Cons?) -> Cons? {
        guard var node = slot.take() else { return nil }
        return isKnownUniquelyReferenced(&node) ? node : nil
    }
}

extension Cons {
    /// The cell after this one, unretained; `nil` when the tail is not a
    /// cell. For `ListCursor`, whose list is kept alive by its caller.
    var nextCell: Unmanaged<Cons>? {
        guard let next = storedNext else { return nil }
        return Unmanaged.passUnretained(next)
    }
}

/// The last cell of an improper list (`[a | b]`): its tail is kept here,
/// not in `Cons.storedNext`, so that every other cell stays 40 bytes.
/// The tail is never a cell or `[]` (`Cons.make`).
private final class ImproperCons: Cons, @unchecked Sendable {
    // @unchecked: immutable.
    let improperEnd: Term

    init(_ head: __owned Term, end: __owned Term) {
        improperEnd = end
        super.init(head, next: nil)
    }

    override var end: Term { improperEnd }
}

extension Term {
    /// The list `[head | tail]`.
    public static func cons(_ head: __owned Term, _ tail: __owned Term) -> Term {
        .cons(Cons.make(head, tail))
    }

    /// A proper list of `elements`, ending in `tail` (default `[]`).
    @inlinable
    public static func list<C: BidirectionalCollection>(_ elements: C, tail: Term = .nil) -> Term
    where C.Element == Term {
        var result = tail
        for element in elements.reversed() { result = .cons(element, result) }
        return result
    }

    /// A proper list of `elements`.
    public static func list(_ elements: Term...) -> Term { list(elements) }

    /// A string as Erlang sees it: a list of character codes.
    public static func string(_ text: String) -> Term {
        list(text.unicodeScalars.map { Term.int(Int($0.value)) })
    }

    /// A list of small integers (bytes or code points).
    @inlinable
    public static func codes<C: BidirectionalCollection>(_ codes: C) -> Term where C.Element: BinaryInteger {
        var result = Term.nil
        for c in codes.reversed() { result = .cons(.int(Int(c)), result) }
        return result
    }

    /// Whether the term is `[]` or a cell.
    public var isList: Bool {
        switch self {
        case .nil, .cons: return true
        default: return false
        }
    }

    /// The elements of a proper list, or `nil` for an improper list or non-list.
    public var listElements: [Term]? {
        var out: [Term] = []
        var current = self
        while true {
            switch current {
            case .nil: return out
            case .cons(let cell):
                out.append(cell.head)
                current = cell.tail
            default: return nil
            }
        }
    }

    /// The elements before the tail and the tail itself (`[]` when proper).
    public var listPrefixAndTail: (elements: [Term], tail: Term) {
        var out: [Term] = []
        var current = self
        while case .cons(let cell) = current {
            out.append(cell.head)
            current = cell.tail
        }
        return (out, current)
    }

    /// The length of a proper list, or `nil`.
    public var properListLength: Int? {
        var count = 0
        var current = self
        while true {
            switch current {
            case .nil: return count
            case .cons(let cell):
                count += 1
                current = cell.tail
            default: return nil
            }
        }
    }
}
