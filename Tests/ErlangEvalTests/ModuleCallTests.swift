import ErlangEval
import ErlangTerms
import Testing

/// Loading modules from source and calling them; expected values are what
/// erl 25 returns for the same module and calls.
@Suite struct ModuleCallTests {
    static let shapes = """
    -module(shapes).
    -export([area/1, total/1, twice/1, k/0, adder/1, refs/0, rec/0, upd/1, abs_of/1, size/1, where/0, info/0]).
    -import(lists, [foldl/3]).
    -record(rect, {w = 1, h = 2 :: integer(), tag}).
    -define(PI, 3).
    -define(SQ(X), ((X) * (X))).

    area({square, S}) -> ?SQ(S);
    area({circle, R}) -> ?PI * R * R;
    area(#rect{w = W, h = H}) -> W * H.

    total(Shapes) -> foldl(fun(S, Acc) -> area(S) + Acc end, 0, Shapes).
    twice(X) -> double(X).
    double(X) -> X * 2.
    k() -> {?MODULE, ?MODULE_STRING, ?FUNCTION_NAME, ?FUNCTION_ARITY, ?LINE}.
    adder(N) -> fun(X) -> X + N end.
    refs() -> {(fun double/1)(5), (fun lists:reverse/1)([1, 2]), lists:map(fun twice/1, [1, 2])}.
    rec() -> #rect{tag = t}.
    upd(R) -> R#rect{w = R#rect.h * 10}.
    abs_of(X) -> abs(X).
    size(X) -> {mine, X}.
    where() -> {?FILE, ?LINE}.
    info() -> {record_info(fields, rect), record_info(size, rect)}.
    """

    static let calls: [(String, [Term], String)] = [
        ("area", [.tuple([.atom("square"), .int(3)])], "9"),
        ("area", [.tuple([.atom("circle"), .int(2)])], "12"),
        ("total", [.list([.tuple([.atom("square"), .int(2)]), .tuple([.atom("circle"), .int(1)])])], "7"),
        ("twice", [.int(21)], "42"),
        ("k", [], "{shapes,[115,104,97,112,101,115],k,0,15}"),
        ("refs", [], "{10,[2,1],[2,4]}"),
        ("rec", [], "{rect,1,2,t}"),
        ("info", [], "{[w,h,tag],4}"),
        ("upd", [.tuple([.atom("rect"), .int(1), .int(7), .atom("x")])], "{rect,70,7,x}"),
        ("area", [.tuple([.atom("rect"), .int(3), .int(4), .atom("x")])], "12"),
        ("abs_of", [.int(-4)], "4"),
        ("size", [.int(1)], "{mine,1}"),
        ("where", [], "{[115,104,97,112,101,115,46,101,114,108],22}"),
    ]

    @Test(arguments: calls)
    func call(_ function: String, _ args: [Term], _ expected: String) async {
        let harness = ModuleHarness()
        let outcome = harness.compile(Self.shapes, file: "shapes.erl")
        #expect(outcome.report == "")
        #expect(await harness.call("shapes", function, args).text == expected)
    }

    @Test func closuresCaptureTheirBindings() async {
        let harness = ModuleHarness()
        harness.compile(Self.shapes, file: "shapes.erl")
        let result = await harness.inProcess { process in
            let add = try await process.apply(module: Atom("shapes"), function: Atom("adder"), [.int(10)])
            return try await process.apply(add, [.int(5)])
        }
        #expect(result.text == "15")
    }

    /// A clause's bindings live in storage its process reuses from call
    /// to call (`ErlangProcess.takeBindingStorage`): a fun that captured
    /// them, a call made meanwhile and a clause tried after a failed guard
    /// each keep their own values.
    static let reuse = """
    -module(reuse).
    -export([keep/1, nested/1, guarded/1]).
    keep(X) -> fun() -> X end.
    pair(A, B) -> {A, B}.
    nested(X) -> Y = pair(X, X + 1), {Y, X}.
    guarded(X) when X > 10 -> big;
    guarded(X) -> {small, X}.
    """

    @Test func reusedBindingStorageKeepsEachCallsValues() async {
        let harness = ModuleHarness()
        #expect(harness.compile(Self.reuse, file: "reuse.erl").report == "")
        let kept = await harness.inProcess { process in
            let one = try await process.apply(module: Atom("reuse"), function: Atom("keep"), [.int(1)])
            let two = try await process.apply(module: Atom("reuse"), function: Atom("keep"), [.int(2)])
            return Term.tuple([try await process.apply(one, []), try await process.apply(two, [])])
        }
        #expect(kept.text == "{1,2}")
        #expect(await harness.call("reuse", "nested", [.int(5)]).text == "{{5,6},5}")
        #expect(await harness.call("reuse", "guarded", [.int(3)]).text == "{small,3}")
        #expect(await harness.call("reuse", "guarded", [.int(11)]).text == "big")
    }

    /// Tail calls hand the caller's binding storage and argument list to
    /// the callee (`ModuleFunction.runInCallersFrame`): a fun made in each
    /// turn keeps its own turn's values, arguments that call other
    /// functions (which reuse the same lists) keep theirs, and a clause
    /// that does not match still raises with the arguments it was given.
    static let tails = """
    -module(tails).
    -export([funs/2, sum/2, swap/3, pick/1]).
    funs(0, Acc) -> Acc;
    funs(N, Acc) -> F = fun() -> N * 10 end, funs(N - 1, [F | Acc]).
    sum([H | T], Acc) -> sum(T, add(H, Acc));
    sum([], Acc) -> Acc.
    add(A, B) -> A + B.
    swap(0, A, B) -> {A, B};
    swap(N, A, B) -> swap(N - 1, B, A).
    pick(L) -> only(L, length(L)).
    only([X], 1) -> X.
    """

    @Test func tailCallsReuseTheirListsWithoutSharingThem() async {
        let harness = ModuleHarness()
        #expect(harness.compile(Self.tails, file: "tails.erl").report == "")
        let values = await harness.inProcess { process in
            let funs = try await process.apply(module: Atom("tails"), function: Atom("funs"), [.int(3), .nil])
            var results: [Term] = []
            for fun in funs.listElements ?? [] { results.append(try await process.apply(fun, [])) }
            return Term.list(results)
        }
        #expect(values.text == "[10,20,30]")
        #expect(await harness.call("tails", "sum", [.list((1...100).map { Term.int($0) }), .int(0)]).text == "5050")
        #expect(await harness.call("tails", "swap", [.int(3), .atom("a"), .atom("b")]).text == "{b,a}")
        #expect(await harness.call("tails", "pick", [.list(.atom("x"))]).text == "x")
        let failed = await harness.call("tails", "pick", [.list(.atom("x"), .atom("y"))])
        #expect(failed.text == "raised error:function_clause")
        #expect(failed.stacktraceText.hasPrefix("[{tails,only,[[x,y],2],"))
    }

    /// `N + 1` and `N - K` compile to one step (`InlineArithmetic.counterStep`)
    /// that hands anything but a small integer, and an overflow, to the
    /// operator: results and errors as erl 25 gives them.
    static let counter = """
    -module(counter).
    -export([inc/1, dec/1]).
    inc(N) -> N + 1.
    dec(N) -> N - 3.
    """

    @Test(arguments: [
        ("inc", Term.int(41), "42"),
        ("dec", Term.int(1), "-2"),
        ("dec", Term.float(1.5), "-1.5"),
        ("inc", Term.int(Int.max), "9223372036854775808"),
        ("dec", Term.int(Int.min), "-9223372036854775811"),
        ("inc", Term.atom("a"), "raised error:badarith"),
    ])
    func counterStepsFallBackToTheOperator(_ function: String, _ argument: Term, _ expected: String) async {
        let harness = ModuleHarness()
        #expect(harness.compile(Self.counter, file: "counter.erl").report == "")
        let result = await harness.call("counter", function, [argument])
        #expect(result.text == expected)
        if expected.hasPrefix("raised") {
            // Inline arithmetic: the function's frame, no operator frame.
            #expect(result.stacktraceText == "[{counter,inc,1,[{file,[99,111,117,110,116,101,114,46,101,114,108]},{line,3}]}]")
        }
    }

    @Test func moduleInfo() async {
        let harness = ModuleHarness()
        harness.compile(Self.shapes, file: "shapes.erl")
        #expect(await harness.call("shapes", "module_info", [.atom("module")]).text == "shapes")
        #expect(await harness.call("shapes", "module_info", [.atom("exports")]).text
            == "[{area,1},{total,1},{twice,1},{k,0},{adder,1},{refs,0},{rec,0},{upd,1},{abs_of,1},{size,1},{where,0},{info,0},"
            + "{module_info,0},{module_info,1}]")
        #expect(await harness.call("shapes", "double", [.int(1)]).text == "raised error:undef")
    }

    static let crashy = """
    -module(crashy).
    -export([f/1, deep/1, tail/1]).

    f(1) -> one;
    f(2) -> two.

    crash(X) ->
        Y = X + 1,
        {ok, Y} = {ok, 2},
        Y.
    deep(X) -> 1 + crash(X).
    tail(X) -> crash(X).
    """

    @Test func functionClauseFrame() async {
        let harness = ModuleHarness()
        harness.compile(Self.crashy, file: "crashy.erl")
        let result = await harness.call("crashy", "f", [.int(3)])
        #expect(result.text == "raised error:function_clause")
        #expect(result.stacktraceText == "[{crashy,f,[3],[{file,[99,114,97,115,104,121,46,101,114,108]},{line,4}]}]")
    }

    @Test func framesCarryTheLineOfTheFailingExpression() async {
        let harness = ModuleHarness()
        harness.compile(Self.crashy, file: "crashy.erl")
        let result = await harness.call("crashy", "deep", [.int(5)])
        #expect(result.text == "raised error:{badmatch,{ok,2}}")
        let file = "{file,[99,114,97,115,104,121,46,101,114,108]}"
        #expect(result.stacktraceText == "[{crashy,crash,1,[\(file),{line,9}]},{crashy,deep,1,[\(file),{line,11}]}]")
        // A tail call leaves no frame for the caller, as in BEAM.
        let tail = await harness.call("crashy", "tail", [.int(5)])
        #expect(tail.stacktraceText == "[{crashy,crash,1,[\(file),{line,9}]}]")
    }

    @Test func recompilingReplacesTheModule() async {
        let harness = ModuleHarness()
        harness.compile("-module(v).\n-export([n/0]).\nn() -> 1.\n", file: "v.erl")
        #expect(await harness.call("v", "n").text == "1")
        harness.compile("-module(v).\n-export([n/0]).\nn() -> 2.\n", file: "v.erl")
        #expect(await harness.call("v", "n").text == "2")
    }

    static let server = """
    -module(srv).
    -export([run/1]).

    run(N) ->
        Self = self(),
        Pid = spawn(fun() -> loop(Self, 0) end),
        send(Pid, N),
        Pid ! {total, Self},
        receive {sum, S} -> S end.

    send(_, 0) -> ok;
    send(Pid, N) -> Pid ! {add, N}, send(Pid, N - 1).

    loop(Parent, Acc) ->
        receive
            {add, K} when K rem 2 =:= 0 ->
                case K of
                    10 -> loop(Parent, Acc + 100);
                    _ -> loop(Parent, Acc + K)
                end;
            {add, K} ->
                if K > 5 -> begin loop(Parent, Acc + 2 * K) end;
                   true -> loop(Parent, Acc + K)
                end;
            {total, From} -> From ! {sum, Acc}
        end.
    """

    /// Tail calls inside receive, case, if and begin; erl gives 195 for run(12):
    /// odd K > 5 doubled (7, 9, 11), K = 10 gives 100, other K as they are.
    @Test func tailCallsThroughReceiveCaseIf() async {
        let harness = ModuleHarness()
        #expect(harness.compile(Self.server, file: "srv.erl").report == "")
        #expect(await harness.call("srv", "run", [.int(12)]).text == "195")
    }

    static let catcher = """
    -module(catcher).
    -export([t/1]).
    t(What) ->
        try run(What) of
            {ok, V} -> V;
            Other -> {other, Other}
        catch
            throw:T -> {thrown, T};
            error:R:_S -> {error, R}
        end.
    run(ok) -> {ok, 1};
    run(throw) -> throw(boom);
    run(plain) -> plain.
    """

    /// `Class:Reason` and `Class:Reason:Stack` catch patterns (erl's results).
    @Test(arguments: [("ok", "1"), ("throw", "{thrown,boom}"), ("plain", "{other,plain}"), ("bad", "{error,function_clause}")])
    func tryCatchClasses(_ what: String, _ expected: String) async {
        let harness = ModuleHarness()
        #expect(harness.compile(Self.catcher, file: "catcher.erl").report == "")
        #expect(await harness.call("catcher", "t", [.atom(what)]).text == expected)
    }
}
