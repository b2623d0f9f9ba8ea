/// An Erlang fun: an external `fun M:F/A` or a closure made by the
/// evaluator (or natively in Swift).
///
/// The closure's code is opaque here: `body` is whatever its creator put
/// there, and the runtime, which knows how to call it, casts it back.
public final class Fun: Sendable {
    /// What kind of fun this is.
    public enum Kind: Sendable {
        /// `fun Module:Function/Arity`.
        case external(module: Atom, function: Atom)
        /// A closure defined in `module` (`erl_eval` for shell funs).
        /// `index` and `uniq` appear in its printed form `#Fun<module.index.uniq>`.
        case local(module: Atom, index: Int, uniq: UInt32, body: any Sendable)
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
