import BigInt

/// An Erlang term: an immutable, `Sendable` value.
///
/// `Term`'s files are split by concern: `Term+Lists` (cons cells and list
/// helpers), `Term+Numbers` (integer normalisation and arithmetic helpers),
/// `Term+Order` (Erlang's term order and the two equalities), `Term+Hashing`.
/// Every payload is at most one word, so a `Term` is two words wide.
///
/// Integers that fit a machine `Int` are always `.int`; `.bigInt` holds only
/// values outside that range, so each integer has exactly one representation.
public enum Term: Sendable {
    /// A small integer (fits in `Int`).
    case int(Int)
    /// An integer outside `Int`'s range.
    case bigInt(BigIntBox)
    /// A 64-bit IEEE float (never NaN or infinite, as in Erlang).
    case float(Double)
    /// An atom.
    case atom(Atom)
    /// A tuple `{A, B, ...}`.
    case tuple([Term])
    /// The empty list `[]`.
    case `nil`
    /// A list cell `[Head | Tail]`.
    case cons(Cons)
    /// A map `#{K => V}`.
    case map(ErlangMap)
    /// A binary or bitstring.
    case binary(Bitstring)
    /// A process identifier.
    case pid(Pid)
    /// A reference from `make_ref/0`.
    case ref(Ref)
    /// A fun (closure or `fun M:F/A`).
    case fun(Fun)
}

/// A boxed big integer, so that `Term` stays two words wide.
public final class BigIntBox: Sendable {
    /// The value; always outside `Int`'s range.
    public let value: BigInt
    /// Boxes `value` (the caller guarantees it does not fit in `Int`).
    public init(_ value: BigInt) { self.value = value }
}

/// A process identifier, printed `<0.N.0>` as on a non-distributed node.
public struct Pid: Hashable, Sendable, Comparable {
    /// The process number `N` in `<0.N.0>`.
    public let serial: UInt64
    /// A pid with process number `serial`.
    public init(serial: UInt64) { self.serial = serial }
    /// Pids order by their number.
    public static func < (a: Pid, b: Pid) -> Bool { a.serial < b.serial }
}

/// A unique reference, as made by `make_ref/0`; printed `#Ref<0.A.B.C>`.
public struct Ref: Hashable, Sendable, Comparable {
    /// The reference's unique number.
    public let id: UInt64
    /// A reference with number `id`.
    public init(id: UInt64) { self.id = id }
    /// References order by their number.
    public static func < (a: Ref, b: Ref) -> Bool { a.id < b.id }
}

extension Term {
    /// The atom `true`.
    public static let `true` = Term.atom(.true)
    /// The atom `false`.
    public static let `false` = Term.atom(.false)
    /// The atom `ok`.
    public static let ok = Term.atom(.ok)
    /// The atom `undefined`.
    public static let undefined = Term.atom(.undefined)

    /// An atom term from its text.
    public static func atom(_ text: String) -> Term { .atom(Atom(text)) }

    /// `true` or `false` from a Swift `Bool`.
    public static func bool(_ value: Bool) -> Term { value ? .true : .false }

    /// The Swift `Bool` of the atoms `true`/`false`, else `nil`.
    public var boolValue: Bool? {
        guard case .atom(let a) = self else { return nil }
        if a == .true { return true }
        if a == .false { return false }
        return nil
    }

    /// The atom, when this term is one.
    public var atomValue: Atom? {
        if case .atom(let a) = self { return a }
        return nil
    }

    /// The tuple's elements, when this term is a tuple.
    public var tupleElements: [Term]? {
        if case .tuple(let e) = self { return e }
        return nil
    }

    /// A tuple term.
    public static func tuple(_ elements: Term...) -> Term { .tuple(elements) }
}
