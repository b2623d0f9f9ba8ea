import ErlangEval
import ErlangTerms
import Testing

/// The preprocessor as `c/1` sees it: includes, conditionals, macros with
/// and without arguments, `??Arg`, predefined macros. Values are erl 25's
/// for the same files.
@Suite struct PreprocessorTests {
    static let header = """
    -define(GREETING, "hello").
    -record(user, {name, age = 0 :: non_neg_integer(), tags = [] :: [atom()]}).
    """

    static let module = """
    -module(pp).
    -include("inc/defs.hrl").
    -export([a/0, b/1, c/0, d/0, e/1, u/0]).
    -import(lists, [reverse/1, map/2]).
    -define(DEBUG, true).
    -define(SQ(X), X * X).
    -define(ADD(A, B), (A + B)).
    -define(STR(E), ??E).
    -type t() :: {ok, integer()} | error.
    -callback foo(integer()) -> ok.
    -opaque o() :: pid().
    -export_type([o/0]).
    -spec a() -> t().
    -ifdef(DEBUG).
    a() -> {debug, ?GREETING}.
    -else.
    a() -> nodebug.
    -endif.
    -ifndef(DEBUG).
    b(_) -> wrong.
    -else.
    b(X) -> ?ADD(?SQ(X), 1).
    -endif.
    -undef(DEBUG).
    -ifdef(DEBUG).
    c() -> wrong.
    -else.
    c() -> {?FUNCTION_NAME, ?FUNCTION_ARITY, ?MODULE_STRING, ?STR(1 + 2)}.
    -endif.
    d() -> reverse(map(fun(X) -> X * 2 end, [1, 2, 3])).
    e(#user{name = N, age = A} = U) -> {N, A, U#user.tags, U#user{age = A + 1}}.
    u() -> #user{name = bob}.
    """

    static let calls: [(String, [Term], String)] = [
        ("a", [], "{debug,[104,101,108,108,111]}"),
        ("b", [.int(3)], "10"),
        ("c", [], "{c,0,[112,112],[49,32,43,32,50]}"),
        ("d", [], "[6,4,2]"),
        ("u", [], "{user,bob,0,[]}"),
        ("e", [.tuple([.atom("user"), .atom("bob"), .int(0), .nil])], "{bob,0,[],{user,bob,1,[]}}"),
    ]

    @Test(arguments: calls)
    func call(_ function: String, _ args: [Term], _ expected: String) async {
        let harness = ModuleHarness()
        let outcome = ModuleCompiler.compile(Self.module, file: "pp.erl", absolutePath: "/src/pp.erl", directory: "/src",
                                             readFile: { $0 == "/src/inc/defs.hrl" ? Self.header : nil })
        #expect(outcome.report == "")
        if let module = outcome.module { harness.runtime.modules.load(module) }
        #expect(await harness.call("pp", function, args).text == expected)
    }

    @Test func missingInclude() {
        let outcome = ModuleCompiler.compile("-module(m).\n-include(\"nope.hrl\").\n", file: "m.erl",
                                             absolutePath: "/src/m.erl", directory: "/src", readFile: { _ in nil })
        #expect(outcome.module == nil)
        #expect(outcome.report == "m.erl:2:10: can't find include file \"nope.hrl\"\n%    2| -include(\"nope.hrl\").\n%     |          ^\n\n")
    }

    static let conditional = """
    -module(condx).
    -export([v/0, w/0]).
    -define(X, 3).
    -if(?OTP_RELEASE >= 25).
    v() -> new.
    -elif(?OTP_RELEASE >= 21).
    v() -> mid.
    -else.
    v() -> old.
    -endif.
    -if(defined(X) andalso ?X > 5).
    w() -> big.
    -elif(?X =:= 3).
    w() -> three.
    -else.
    w() -> other.
    -endif.
    """

    /// `-if`/`-elif`/`-else` chains; erl 25 gives `new` and `three`.
    @Test func ifElifElse() async {
        let harness = ModuleHarness()
        #expect(harness.compile(Self.conditional, file: "condx.erl").report == "")
        #expect(await harness.call("condx", "v").text == "new")
        #expect(await harness.call("condx", "w").text == "three")
    }
}
