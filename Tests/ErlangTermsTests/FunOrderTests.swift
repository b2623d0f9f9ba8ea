import ErlangTerms
import Testing

/// External funs are values: `fun lists:sum/1` made twice (with different
/// identities, as the evaluator makes them) is one term, for `==`, `=:=`,
/// ordering, hashing (map keys, sets) and `usort`. Closures come first;
/// their names print quoted only for their characters.
/// Orders recorded from erl 25.
@Suite struct FunOrderTests {
    /// `fun M:F/A` with its own identity, as each evaluation makes one.
    private func external(_ module: String, _ function: String, _ arity: Int, identity: UInt64) -> Term {
        .fun(Fun(kind: .external(module: Atom(module), function: Atom(function)), arity: arity, identity: identity))
    }

    private var closure: Term {
        .fun(Fun(kind: .local(module: Atom("erl_eval"), index: 42, uniq: 3316493, body: FunCode()), arity: 1,
                 identity: 7))
    }

    @Test func equalExternalFunsAreOneTerm() {
        let a = external("lists", "sum", 1, identity: 1), b = external("lists", "sum", 1, identity: 2)
        #expect(a.isEqual(to: b))
        #expect(a.isExactlyEqual(to: b))
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(Set([a, b]).count == 1)
        #expect(Term.map([(a, .int(1)), (b, .int(2))]) == Term.map([(a, .int(2))]))
        #expect(!a.isEqual(to: external("lists", "sum", 2, identity: 1)))
    }

    @Test func externalFunsOrderByModuleFunctionArity() {
        // erl: lists:sort([fun lists:sum/1, fun erlang:abs/1, fun lists:max/1, fun lists:sum/2,
        //                  fun a:z/0, fun lists:sum/0])
        let funs = [external("lists", "sum", 1, identity: 6), external("erlang", "abs", 1, identity: 5),
                    external("lists", "max", 1, identity: 4), external("lists", "sum", 2, identity: 3),
                    external("a", "z", 0, identity: 2), external("lists", "sum", 0, identity: 1)]
        let sorted = funs.sorted { Term.compare($0, $1) < 0 }
        #expect(sorted.map { TermPrinter.write($0) } ==
            ["fun a:z/0", "fun erlang:abs/1", "fun lists:max/1", "fun lists:sum/0", "fun lists:sum/1", "fun lists:sum/2"])
        // Module first, then function; atoms by their text ('B' < a).
        #expect(Term.compare(external("zz", "a", 1, identity: 1), external("a", "b", 0, identity: 2)) > 0)
        #expect(Term.compare(external("B", "a", 1, identity: 1), external("a", "a", 1, identity: 2)) < 0)
    }

    @Test func closuresComeBeforeExternalFuns() {
        let ext = external("a", "a", 0, identity: 0)
        #expect(Term.compare(closure, ext) < 0)
        #expect(Term.compare(ext, closure) > 0)
        // Funs stay between references and pids.
        #expect(Term.compare(.ref(Ref(id: 1)), ext) < 0)
        #expect(Term.compare(ext, .pid(Pid(serial: 1))) < 0)
    }

    /// erl writes the names of an external fun quoted only for their
    /// characters, never for being reserved words.
    @Test func externalFunNamesAreQuotedOnlyForTheirCharacters() {
        #expect(TermPrinter.write(external("m", "receive", 0, identity: 1)) == "fun m:receive/0")
        #expect(TermPrinter.write(external("case", "receive", 0, identity: 1)) == "fun case:receive/0")
        #expect(TermPrinter.write(external("B", "c d", 1, identity: 1)) == "fun 'B':'c d'/1")
        #expect(PrettyPrinter().print(.list([external("m", "case", 2, identity: 1)])) == "[fun m:case/2]")
    }
}
