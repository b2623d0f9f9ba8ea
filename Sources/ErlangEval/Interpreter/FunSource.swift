import ErlangSyntax
import ErlangTerms

/// The source of a fun that evaluated code made (`fun ... end` in the
/// shell or in an interpreted module), which erl's `b()` prints instead of
/// `#Fun<...>`.
public enum FunSource {
    /// `fun ... end` as written; `nil` for a fun not made by `fun ... end`
    /// (`fun M:F/A`, a native fun).
    public static func expression(of fun: Fun) -> Expr? {
        guard case .local(_, _, _, let body) = fun.kind, let compiled = body as? CompiledFun else { return nil }
        return .fun(name: compiled.name?.name, clauses: compiled.clauses.map(\.source))
    }
}
