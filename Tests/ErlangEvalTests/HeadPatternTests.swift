import ErlangEval
import ErlangTerms
import Testing

/// A clause head's atoms, `_` and first-seen variables are tested without
/// the general matcher (`HeadPattern`); a variable that a pattern to its
/// left binds, even deep inside, must still compare. Expected values are
/// what erl 25 returns for the same module and calls.
@Suite struct HeadPatternTests {
    static let source = """
    -module(heads).
    -export([same/2, inner/2, tag/2, deep/2, rebuilt/1, constant/0, lit/1]).
    -export([pair/1, cells/1, ends/1, nest/2, sum/2, mixed/2, tl2/1, hd2/2, split/1]).
    same(X, X) -> same;
    same(_, _) -> differ.
    inner({X, _}, X) -> inner;
    inner(_, _) -> outer.
    tag(ok, V) -> {ok, V};
    tag(error, _) -> error;
    tag(_, _) -> other.
    deep([{a, #{k := X}}], X) -> deep;
    deep(_, X) -> {shallow, X}.
    rebuilt(S) -> {reply, S, [S]}.
    constant() -> {a, 1, "b"}.
    lit(1) -> int;
    lit(1.0) -> float;
    lit([]) -> empty;
    lit("ab") -> string;
    lit(_) -> other.
    pair({X, X}) -> same;
    pair({_, _}) -> differ;
    pair(_) -> none.
    cells([X | X]) -> self;
    cells([_ | _]) -> cell;
    cells(_) -> none.
    ends([A, B | T]) -> {A, B, T};
    ends(_) -> short.
    nest({[H | _], {H}}, H) -> all;
    nest({[H | _], {H}}, _) -> two;
    nest(_, _) -> none.
    sum([H | T], Acc) -> sum(T, Acc + H);
    sum([], Acc) -> Acc.
    mixed({a, #{k := V}, [V | _]}, V) -> yes;
    mixed(_, _) -> no.
    tl2([_ | T]) -> T;
    tl2(X) -> {none, X}.
    hd2([H | _], H) -> same;
    hd2([H | _], _) -> {first, H};
    hd2(_, _) -> none.
    split([H | T]) -> {H, T};
    split(_) -> none.
    """

    static let calls: [(String, [Term], String)] = [
        ("same", [.int(1), .int(1)], "same"),
        ("same", [.int(1), .int(2)], "differ"),
        ("same", [.int(1), .float(1.0)], "differ"),
        ("inner", [.tuple([.atom("a"), .int(0)]), .atom("a")], "inner"),
        ("inner", [.tuple([.atom("a"), .int(0)]), .atom("b")], "outer"),
        ("tag", [.atom("ok"), .int(1)], "{ok,1}"),
        ("tag", [.atom("error"), .int(1)], "error"),
        ("tag", [.string("ok"), .int(1)], "other"),
        ("tag", [.atom("okay"), .int(1)], "other"),
        ("deep", [.list([.tuple([.atom("a"), .map([(.atom("k"), .int(3))])])]), .int(3)], "deep"),
        ("deep", [.list([.tuple([.atom("a"), .map([(.atom("k"), .int(3))])])]), .int(4)], "{shallow,4}"),
        ("rebuilt", [.int(7)], "{reply,7,[7]}"),
        ("constant", [], "{a,1,[98]}"),
        ("lit", [.int(1)], "int"),
        ("lit", [.float(1.0)], "float"),
        ("lit", [.nil], "empty"),
        ("lit", [.string("ab")], "string"),
        ("lit", [.string("a")], "other"),
        ("lit", [.atom("ab")], "other"),
        // Lists and tuples in a head are matched part by part, in order;
        // a variable's second occurrence compares, also across arguments.
        ("pair", [.tuple([.int(1), .int(1)])], "same"),
        ("pair", [.tuple([.int(1), .float(1.0)])], "differ"),
        ("pair", [.tuple([.int(1), .int(2), .int(3)])], "none"),
        ("pair", [.atom("x")], "none"),
        ("cells", [.cons(.nil, .nil)], "self"),
        ("cells", [.cons(.atom("a"), .atom("a"))], "self"),
        ("cells", [.cons(.atom("a"), .atom("b"))], "cell"),
        ("cells", [.nil], "none"),
        ("ends", [.list([.int(1), .int(2)])], "{1,2,[]}"),
        ("ends", [.cons(.int(1), .cons(.int(2), .cons(.int(3), .atom("x"))))], "{1,2,[3|x]}"),
        ("ends", [.list([.int(1)])], "short"),
        ("nest", [.tuple([.list([.atom("a"), .atom("b")]), .tuple([.atom("a")])]), .atom("a")], "all"),
        ("nest", [.tuple([.list([.atom("a")]), .tuple([.atom("a")])]), .atom("b")], "two"),
        ("nest", [.tuple([.list([.atom("a")]), .tuple([.atom("b")])]), .atom("a")], "none"),
        ("sum", [.list([.int(1), .int(2), .int(3)]), .int(0)], "6"),
        ("sum", [.cons(.int(1), .cons(.int(2), .int(3))), .int(0)], "raised error:function_clause"),
        ("mixed", [.tuple([.atom("a"), .map([(.atom("k"), .int(1))]), .list([.int(1), .int(2)])]), .int(1)], "yes"),
        ("mixed", [.tuple([.atom("a"), .map([(.atom("k"), .int(1))]), .list([.int(2)])]), .int(1)], "no"),
        // `[H | T]` of fresh variables or `_` (`HeadPattern.headTail`).
        ("tl2", [.list([.int(1), .int(2)])], "[2]"),
        ("tl2", [.cons(.int(1), .atom("x"))], "x"),
        ("tl2", [.nil], "{none,[]}"),
        ("tl2", [.tuple([.int(1)])], "{none,{1}}"),
        ("hd2", [.list([.atom("a")]), .atom("a")], "same"),
        ("hd2", [.list([.atom("a")]), .atom("b")], "{first,a}"),
        ("hd2", [.nil, .atom("a")], "none"),
        ("split", [.string("ab")], "{97,[98]}"),
        ("split", [.cons(.nil, .nil)], "{[],[]}"),
        ("split", [.atom("x")], "none"),
    ]

    @Test(arguments: calls)
    func call(_ function: String, _ args: [Term], _ expected: String) async {
        let harness = ModuleHarness()
        #expect(harness.compile(Self.source, file: "heads.erl").report == "")
        #expect(await harness.call("heads", function, args).text == expected)
    }

    @Test func noClauseMatchingIsAFunctionClauseError() async {
        let harness = ModuleHarness()
        harness.compile(Self.source, file: "heads.erl")
        let modules = """
        -module(strict).
        -export([only/1]).
        only(yes) -> ok.
        """
        harness.compile(modules, file: "strict.erl")
        #expect(await harness.call("strict", "only", [.atom("no")]).text.hasPrefix("raised error:function_clause"))
    }
}
