@testable import ErlangEval
import ErlangRuntime
import ErlangStdlib
import ErlangSyntax
import ErlangTerms
import Testing

/// Expressions evaluated by the interpreter give what `erl_eval` gives.
/// Each row is an expression sequence and erl's result written with `~w`
/// (`Class:Reason` when it raised; stacktraces left out), recorded from
/// OTP 25 with `erl_eval:exprs/2`.
@Suite struct EvaluatorTests {
    static let cases: [(String, String)] = [
        ("\"ab\" ++ T = \"abcd\", T", "[99,100]"),
        ("#{a := X} = #{a => 1, b => 2}, X", "1"),
        // A map pattern's key: a constant made once, or a bound variable's value.
        ("K = k, #{K := V} = #{k => 2}, V", "2"),
        ("#{{1, [2]} := X} = #{{1, [2]} => ok}, X", "ok"),
        ("#{1.0 := Y} = #{1 => int}, Y", "error:{badmatch,#{1 => int}}"),
        ("<<N:8, Data:N/binary, R/binary>> = <<3, \"abcdef\">>, {N, Data, R}", "{3,<<97,98,99>>,<<100,101,102>>}"),
        ("<<\"ab\", Rest/binary>> = <<\"abc\">>, Rest", "<<99>>"),
        ("M = #{a => 1}, M#{a := 2}", "#{a => 2}"),
        ("M = #{a => 1}, M#{b := 2}", "error:{badkey,b}"),
        ("X = 1, X#{a => 1}", "error:{badmap,1}"),
        ("case {1,2} of {A, B} when A < B, is_integer(A) -> lt; _ -> other end", "lt"),
        ("case 5 of 1 -> one end", "error:{case_clause,5}"),
        ("if false -> ok end", "error:if_clause"),
        ("F = fun Fact(0) -> 1; Fact(N) -> N * Fact(N-1) end, F(25)", "15511210043330985984000000"),
        ("Adder = fun(N) -> fun(K) -> N + K end end, (Adder(1))(2)", "3"),
        ("X = 1, (fun(X) -> X end)(2)", "2"),
        ("X = 1, F = fun(X, Z) -> {X, Z} end, F(2, 3)", "{2,3}"),
        ("Y = 5, F = fun(X, _) -> X + Y end, F(1, 2)", "6"),
        ("F = fun(X, X) -> X end, F(1, 2)", "error:function_clause"),
        ("F = fun(X, X) -> X end, F(4, 4)", "4"),
        ("{'EXIT', {{badarity, {_, Args}}, _}} = (catch (fun(X) -> X end)(1, 2)), Args", "[1,2]"),
        ("[{X,Y} || X <- [1,2,3], Y <- [a,b], X > 1]", "[{2,a},{2,b},{3,a},{3,b}]"),
        ("[X || X <- [1,2], X + a]", "[]"),
        ("[X || X <- [1,2,3], X rem 2 =:= 1]", "[1,3]"),
        ("[X || {X, _} <- [{1,a}, b, {2,c}]]", "[1,2]"),
        ("<< <<(X*2)>> || <<X>> <= <<1,2,3>> >>", "<<2,4,6>>"),
        ("[X || <<X:4>> <= <<16#ab, 16#cd>>]", "[10,11,12,13]"),
        ("[X || X <- a]", "error:{bad_generator,a}"),
        ("try error(foo) catch error:foo:S -> is_list(S) end", "true"),
        ("try 1 of 2 -> two catch error:E -> E end", "error:{try_clause,1}"),
        ("try throw(t) catch C:V -> {C, V} end", "{throw,t}"),
        ("try exit(bye) catch exit:Why -> {exited, Why} end", "{exited,bye}"),
        ("try 1 + 1 of 2 -> two catch _:_ -> failed end", "two"),
        ("catch throw(x)", "x"),
        ("catch exit(y)", "{'EXIT',y}"),
        ("element(1, element(2, catch error(z)))", "z"),
        ("{'EXIT', {R, _}} = (catch 1/0), R", "badarith"),
        ("true andalso 1", "1"),
        ("false andalso 1", "false"),
        ("1 orelse true", "error:{badarg,1}"),
        ("true orelse 1", "true"),
        ("1 + a", "error:badarith"),
        ("{A, B} = {1, 2, 3}", "error:{badmatch,{1,2,3}}"),
        ("1 bsl 70", "1180591620717411303424"),
        ("-7 div 2", "-3"),
        ("-7 rem 2", "-1"),
        ("[1,2,3,2] -- [2]", "[1,3,2]"),
        ("[1|2] ++ [3]", "error:badarg"),
        ("erlang:raise(throw, foo, [])", "throw:foo"),
        ("lists:foldl(fun(X, Acc) -> X + Acc end, 0, lists:seq(1, 100))", "5050"),
        ("begin X = 1, X + 1 end", "2"),
        ("X = {a, [1, 2 | c], #{k => <<1:3>>}}, X", "{a,[1,2|c],#{k => <<1:3>>}}"),
        ("X = 3, case X of Y when Y > 2; Y < 0 -> out; _ -> in end", "out"),
        ("<<A:3, B:5>> = <<255>>, {A, B}", "{7,31}"),
        ("<<F/float>> = <<1.5/float>>, F", "1.5"),
        ("<<X/utf8, _/binary>> = <<\"\\x{1F600}\"/utf8>>, X", "128512"),
        ("<<A:16/little-signed>> = <<255, 255>>, A", "-1"),
        ("<<1:1, 0:2>>", "<<4:3>>"),
        ("<<\"abc\"/utf16>>", "<<0,97,0,98,0,99>>"),
        ("<<(1 bsl 70):72>>", "<<64,0,0,0,0,0,0,0,0>>"),
        ("X = 2, #{X => a, 1 => b}", "#{1 => b,2 => a}"),
        ("#{a := 1} = #{a => 2}", "error:{badmatch,#{a => 2}}"),
        ("fun(a) -> 1 end(b)", "error:function_clause"),
        ("is_function(fun(A, B) -> A end, 2)", "true"),
        ("[X || X <- [1, 2, 3], true, X > 1]", "[2,3]"),
        ("lists:map(fun(X) when X > 1 -> big; (_) -> small end, [1, 2])", "[small,big]"),
        ("L = lists:foldl(fun(_, A) -> [A] end, [], lists:seq(1, 200000)), K = lists:foldl(fun(_, A) -> [A] end, [], lists:seq(1, 200000)), L == K", "true"),
        ("try throw(a) of _ -> x after put(k, 1) end", "throw:a"),
        ("element(1, element(2, catch maps:get(z, #{})))", "{badkey,z}"),
        ("[X || X <- [1,2], X]", "[]"),
        ("self() ! {self(), hi}, receive {P, M} when P =:= self() -> M end", "hi"),
        ("[$a, $b] ++ T = \"abc\", T", "[99]"),
        ("F = fun(X) when is_map_key(a, X) -> yes; (_) -> no end, {F(#{a => 1}), F(#{})}", "{yes,no}"),
        ("B = <<1,2,3>>, if byte_size(B) > 2, bit_size(B) =:= 24 -> ok end", "ok"),
        ("if 1 / 0 > 1 -> a; true -> b end", "b"),
        ("[X || X <- [1,2], X]", "[]"),
        ("try 1 of 1 -> throw(x) catch throw:x -> caught end", "throw:x"),
        ("try ok after throw(a) end", "throw:a"),
        ("X = 1, try X = 2 catch error:{badmatch, V} -> V end", "2"),
        ("erlang:fun_info(fun(A) -> A end, arity)", "{arity,1}"),
        ("atom_to_list(list_to_existing_atom(\"ok\"))", "[111,107]"),
        ("G = fun Loop(0, Acc) -> Acc; Loop(N, Acc) -> Loop(N - 1, Acc + N) end, G(100000, 0)", "5000050000"),
        ("lists:foldl(fun(_, A) -> [A] end, [], lists:seq(1, 3))", "[[[[]]]]"),
        ("[{A, B} || A <- [1, 2], B <- [A, A * 10], B > 1]", "[{1,10},{2,2},{2,20}]"),
        ("<<A:4, B:4, C/binary>> = <<16#12, 3>>, {A, B, C}", "{1,2,<<3>>}"),
        ("case #{k => v} of #{k := V} when V =:= v -> matched end", "matched"),
        ("register(me, self()), {me, node()} ! hi, receive M -> M end", "hi"),
        ("{ghost, node()} ! x", "x"),
        ("{ghost, other@host} ! x", "x"),
        ("{1, node()} ! x", "error:badarg"),
        // Guards, compiled once per clause (recorded from erl 25's shell).
        ("F = fun(X) when is_integer(X), X > 0 -> pos; (X) when X == 0; X =:= zero -> zero; (_) -> other end, "
            + "[F(3), F(0), F(zero), F(0.0), F(-1), F(a)]", "[pos,zero,zero,zero,other,other]"),
        ("G = fun(X) when hd(X) > 1 -> big; (_) -> small end, [G([2]), G([]), G(a)]", "[big,small,small]"),
        ("H = fun(X) when X andalso true -> t; (X) when X orelse false -> f; (_) -> n end, [H(true), H(false), H(1)]",
         "[t,n,n]"),
        ("K = fun(X, Y) when X >= Y, not (X =:= Y) -> gt; (_, _) -> le end, [K(2, 1), K(1, 1), K(1.0, 1)]", "[gt,le,gt]"),
        ("P = fun(X) when X > 0 -> yes end, P(-1)", "error:function_clause"),
        ("M = fun(T) when tuple_size(T) =:= 2, element(1, T) == a -> pair; (T) when is_map_key(k, T) -> map; (_) -> no end, "
            + "[M({a, 1}), M(#{k => 1}), M(x)]", "[pair,map,no]"),
        ("[X || X <- [1, a, 2.5, \"s\", {t}], is_number(X) orelse is_tuple(X)]", "[1,2.5,{t}]"),
        ("{a, b, c} ! x", "error:badarg"),
        // Tuples built from a template: literals, variables and code, left
        // to right; one element that can suspend builds the tuple in turn.
        ("X = 1, {noreply, X + 1}", "{noreply,2}"),
        ("self() ! a, {got, receive M -> M end}", "{got,a}"),
        ("{1 + a, b}", "error:badarith"),
        ("put(k, 0), {put(k, 1), put(k, 2), get(k)}", "{0,1,2}"),
        ("{b, fun() -> 1 end()}", "{b,1}"),
        ("{c, 1, 2, 3 * 3, d}", "{c,1,2,9,d}"),
    ]

    @Test("expressions evaluate as in erl_eval", arguments: cases)
    func evaluates(_ source: String, _ expected: String) async {
        #expect(await EvaluatorHarness.run(source) == expected, "\(source)")
    }
}

/// Diagnostics the evaluator reports before running anything.
@Suite struct EvaluatorDiagnosticTests {
    static let cases: [(String, String)] = [
        ("if is_reference(make_ref()) -> ok end", "1:17: illegal guard expression"),
        ("case 1 of X when foo(X) -> X end", "1:18: illegal guard expression"),
        // A call is located at its function expression, inside parentheses.
        ("case 1 of X when (fun() -> true end)() -> X end", "1:19: illegal guard expression"),
    ]

    @Test(arguments: cases)
    func diagnoses(_ source: String, _ expected: String) async throws {
        guard case .done(let tokens, _) = Scanner.scanForm(source + ".\n") else {
            Issue.record("did not scan")
            return
        }
        let exprs = try Parser.parseExprs(tokens)
        do {
            _ = try Interpreter().compileBody(exprs)
            Issue.record("\(source) compiled")
        } catch let d as EvalDiagnostic {
            #expect("\(d.location.line):\(d.location.column): \(d.message)" == expected)
        }
    }
}

/// Parses and evaluates shell expressions inside a process of a runtime
/// with the stdlib installed.
enum EvaluatorHarness {
    /// `~w` of the value, or `Class:Reason` for an exception.
    static func run(_ source: String) async -> String {
        guard case .done(let tokens, _) = Scanner.scanForm(source + ".\n"),
              let exprs = try? Parser.parseExprs(tokens) else { return "syntax error" }
        let result = await StdlibHarness.inProcess { process in
            var env = Bindings()
            return try await Interpreter().evalBody(exprs, &env, process)
        }
        switch result {
        case .success(let value): return TermWriter.write(value)
        case .failure(let e): return "\(e.kind.rawValue):\(TermWriter.write(e.reason))"
        }
    }
}
