import ErlangRuntime
import ErlangTerms
import Testing

/// Guards in a module's function heads, `case`, `if` and `receive`
/// clauses, compiled once with the module (`CompiledGuard`). Expected
/// values are what erl 25 returns for the same module and calls.
@Suite struct ModuleGuardTests {
    static let source = """
        -module(guards).
        -export([mine/1, mine_case/1, mine_if/1, sign/1, kind/1, got/1]).
        mine(P) when P =:= self() -> yes;
        mine(_) -> no.
        mine_case(P) -> case P of X when X =:= self() -> yes; _ -> no end.
        mine_if(P) -> if P == self() -> yes; true -> no end.
        sign(X) when is_integer(X), X > 0 -> pos;
        sign(X) when X == 0; X =:= zero -> zero;
        sign(X) when hd(X) > 1 -> big_head;
        sign(_) -> other.
        kind(T) when tuple_size(T) =:= 2, element(1, T) == a -> pair;
        kind(M) when is_map_key(k, M) -> map;
        kind(X) when is_number(X) orelse is_atom(X) -> simple;
        kind(_) -> other.
        got(Tag) -> self() ! {Tag, self()}, receive {T, P} when T =:= Tag, P =:= self() -> ok after 0 -> none end.
        """

    @Test("guards select the clause erl selects", arguments: [
        ("sign", Term.int(3), "pos"), ("sign", .int(0), "zero"), ("sign", .float(0.0), "zero"),
        ("sign", .atom("zero"), "zero"), ("sign", .int(-1), "other"), ("sign", .list([.int(2)]), "big_head"),
        ("sign", .nil, "other"), ("kind", .tuple([.atom("a"), .int(1)]), "pair"),
        ("kind", .tuple([.atom("b"), .int(1)]), "other"), ("kind", .map([(.atom("k"), .int(1))]), "map"),
        ("kind", .float(2.5), "simple"), ("kind", .atom("x"), "simple"), ("kind", .string("s"), "other"),
    ])
    func selects(_ function: String, _ argument: Term, _ expected: String) async {
        let harness = ModuleHarness()
        harness.compile(Self.source, file: "guards.erl")
        #expect(await harness.call("guards", function, [argument]).text == expected)
    }

    /// `self()` in a guard is the process running it: in a function head,
    /// a `case`, an `if` and a `receive` alike.
    @Test func selfInAGuardIsTheCaller() async {
        let harness = ModuleHarness()
        harness.compile(Self.source, file: "guards.erl")
        let outcome = await harness.inProcess { process in
            var answers: [Term] = []
            for function in ["mine", "mine_case", "mine_if"] {
                answers.append(try await process.apply(module: Atom("guards"), function: Atom(function), [.pid(process.pid)]))
            }
            answers.append(try await process.apply(module: Atom("guards"), function: Atom("got"), [.atom("t")]))
            return .list(answers)
        }
        #expect(outcome.text == "[yes,yes,yes,ok]")
    }
}
