import ErlangTerms

/// External funs (`fun Module:Function/Arity`) made by native code.
///
/// An external fun is a name, not a closure, so two made from the same
/// `Module:Function/Arity` must be the same term: the identity is derived
/// from the name (deterministically, with the top bit set so it never
/// collides with a counter-made closure identity).
public enum ExternalFun {
    /// The term `fun module:function/arity`.
    public static func make(_ module: Atom, _ function: Atom, arity: Int) -> Term {
        .fun(Fun(kind: .external(module: module, function: function), arity: arity,
                 identity: identity(module, function, arity)))
    }

    /// The identity every `fun module:function/arity` shares.
    public static func identity(_ module: Atom, _ function: Atom, _ arity: Int) -> UInt64 {
        TermHash.hash(.tuple([.atom(module), .atom(function), .int(arity)])) | 1 << 63
    }
}
