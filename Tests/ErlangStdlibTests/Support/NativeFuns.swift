import ErlangRuntime
import ErlangStdlib
import ErlangTerms

/// A closure (`fun`) whose body is Swift, for tests of functions that call funs.
func closure(arity: Int, _ body: @escaping ErlangFunction) -> Term {
    .fun(Fun(kind: .local(module: Atom("stdlib_tests"), index: 0, uniq: 0, body: NativeFunBody(body)),
             arity: arity, identity: StdlibHarness.runtime.makeFunIdentity()))
}
