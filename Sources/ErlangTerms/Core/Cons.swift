/// One list cell `[Head | Tail]`. Prepending and taking the tail are O(1).
///
/// Long lists are chains of cells, and deeply nested lists are chains of
/// heads; `deinit` takes apart every cell only it still holds, with an
/// explicit stack, so that freeing a list of millions of elements, or one
/// nested hundreds of thousands deep, cannot overflow the native stack.
public final class Cons: @unchecked Sendable {
    // @unchecked: `head` and `tail` are only written by `deinit`, on cells
    // no other reference can reach any more; otherwise the cell is immutable.
    // @exclusivity(unchecked): for the same reason no access can overlap
    // another, so the dynamic exclusivity check (a runtime call on every
    // read of a list cell) proves nothing.
    // The public getters are not inlinable on purpose: a read of a class's
    // stored `var` compiled in another module gets that module's dynamic
    // exclusivity check (two runtime calls), whatever this module declares.
    @exclusivity(unchecked) private var storedHead: Term
    @exclusivity(unchecked) private var storedTail: Term

    /// The first element.
    public var head: Term { storedHead }
    /// The rest of the list (`[]` for a proper one-element list).
    public var tail: Term { storedTail }

    /// A new cell `[head | tail]`.
    public init(_ head: __owned Term, _ tail: __owned Term) {
        storedHead = head
        storedTail = tail
    }

    deinit {
        // Tails are followed in a loop without the stack (the common case:
        // a long flat list); heads that are lists go on `pending`.
        var pending: [Cons] = []
        Cons.detach(&storedHead, into: &pending)
        var next = Cons.detachTail(&storedTail)
        while let node = next.take() ?? pending.popLast() {
            Cons.detach(&node.storedHead, into: &pending)
            next = Cons.detachTail(&node.storedTail)
        }
    }

    /// Takes a cell out of `slot` when this is its last reference, so that
    /// its own children are released by the loop in `deinit`, not recursively.
    private static func detach(_ slot: inout Term, into pending: inout [Cons]) {
        if let node = detachTail(&slot) { pending.append(node) }
    }

    /// The cell in `slot`, taken out, when this is its last reference.
    /// The slot's term is moved out, not copied: freeing a long list
    /// retains and releases nothing per cell.
    private static func detachTail(_ slot: inout Term) -> Cons? {
        guard case .cons = slot else { return nil }
        var taken = Term.nil
        swap(&taken, &slot)
        guard case .cons(var node) = consume taken else { return nil }
        return isKnownUniquelyReferenced(&node) ? node : nil
    }
}

extension Term {
    /// The list `[head | tail]`.
    public static func cons(_ head: __owned Term, _ tail: __owned Term) -> Term {
        .cons(Cons(head, tail))
    }

    /// A proper list of `elements`, ending in `tail` (default `[]`).
    @inlinable
    public static func list<C: BidirectionalCollection>(_ elements: C, tail: Term = .nil) -> Term
    where C.Element == Term {
        var result = tail
        for element in elements.reversed() { result = .cons(Cons(element, result)) }
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
        for c in codes.reversed() { result = .cons(Cons(.int(Int(c)), result)) }
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
