/// An Erlang fun: an external `fun M:F/A` or a closure made by the
/// evaluator (or natively in Swift).
///
/// The closure's code is opaque here: `body` is a `FunCode` whose subclass
/// (made by the runtime, which knows how to call it) the runtime casts
/// back to. A class, not an `any Sendable`: casting a class reference to
/// its subclass is a few loads, where casting an existential to a protocol
/// is a conformance lookup (about 1,500 instructions on every fun call).
public final class Fun: Sendable {
    /// What kind of fun this is.
    public enum Kind: Sendable {
        /// `fun Module:Function/Arity`.
        case external(module: Atom, function: Atom)
        /// A closure defined in `module` (`erl_eval` for shell funs).
        /// `index` and `uniq` appear in its printed form `#Fun<module.index.uniq>`.
        case local(module: Atom, index: Int, uniq: UInt32, body: FunCode)
    }

    /// The fun's kind and code.
    public let kind: Kind
    /// The number of arguments it takes.
    public let arity: Int
    /// A number unique to this fun value, giving closures a stable term order.
    public let identity: UInt64

    /// A fun of `kind` taking `arity` arguments.
    public init(kind: Kind, arity: Int, identity: UInt64) {
        self.kind = kind
        self.arity = arity
        self.identity = identity
    }
}

/// The code of a closure, opaque at this layer: the runtime's `FunBody`
/// subclasses it with a way to call it.
open class FunCode: @unchecked Sendable {
    // @unchecked: no state here; subclasses are immutable values.

    /// Code with nothing to run yet (for subclasses).
    public init() {}
}
