import Testing

/// Transcripts recorded from erl 25 (`erl < input`, banner dropped) for
/// what the evaluator checks and how it words failures: variables linted
/// before a top-level expression runs (unbound, unsafe, a stacktrace
/// variable in a guard), `catch` as an operand, catch clauses with an
/// alias pattern, `erlang:raise/3` with a bad class or stacktrace, the
/// arity and comprehension error texts, `flush()` printing whole messages,
/// where undefined records, bit types, bad guards and floats are reported,
/// and how a binary that cannot be built fails.
enum EvaluatorTranscripts {
    static let all: [Transcript] = [
        Transcript(name: "unbound_before_evaluation", input: #"""
Greet = fun(Name) -> "Hello, " ++ Nme end.
Greet.
case 1 of 1 -> ok; 2 -> NotBound end.
[Ghost || _ <- []].
try ok catch _:_ -> Err end.
A = 1, io:format("hi~n"), B.
A.
receive K -> L after M -> N end.
fun() -> case 2 of 1 -> Y = 1; 2 -> ok end, Y end.
fun() -> try Y = 1 catch _:_ -> Y end end.
fun() -> catch (Y = 1), Y end.
fun() -> (Y = true) andalso (Z = true), Y, Z end.
fun(X) -> [Y || Y <- X], Y end.
X = 1, f(X), X.
H = fun(X) -> Y1 = X, Y1 end, H(3).
Y1.
try error(badarg) catch error:badarg:S when is_list(S) -> ok end.
"""#, expected: #"""
1> * 1:35: variable 'Nme' is unbound
2> * 1:1: variable 'Greet' is unbound
3> * 1:25: variable 'NotBound' is unbound
4> * 1:2: variable 'Ghost' is unbound
5> * 1:21: variable 'Err' is unbound
6> hi
* 1:27: variable 'B' is unbound
7> * 1:1: variable 'A' is unbound
8> * 1:22: variable 'M' is unbound
9> * 1:45: variable 'Y' unsafe in 'case' (line 1, column 10)
10> * 1:33: variable 'Y' unsafe in 'try' (line 1, column 10)
11> * 1:25: variable 'Y' unsafe in 'catch' (line 1, column 10)
12> * 1:44: variable 'Z' unsafe in 'andalso' (line 1, column 21)
13> * 1:26: variable 'Y' is unbound
14> * 1:14: variable 'X' is unbound
15> 3
16> * 1:1: variable 'Y1' is unbound
17> * 1:53: stacktrace variable 'S' must not be used in a guard
18> *** Terminating erlang (nonode@nohost)
"""#),
        Transcript(name: "catch_operand_and_raise", input: #"""
R = catch 1 + 1.
R2 = catch throw(thrown).
1 + catch 2 * 3.
- catch 1.
{catch 1, 2}.
catch 1 catch 2.
try 1/0 catch error:badarith = E -> {caught, E} end.
try throw({a, 1}) catch throw:{a, _} = T -> T end.
try exit(x) catch exit:(x = W) -> W end.
try error({bad, 7}) catch error:{bad, N} = Full when N > 5 -> Full end.
erlang:raise(bogus, reason, []).
erlang:raise(throw, reason, not_a_stack).
catch erlang:raise(error, e, []).
catch erlang:raise(error, e, [{m,f,1,[]}]).
"""#, expected: #"""
1> 2
2> thrown
3> 7
4> -1
5> {1,2}
6> * 1:9: syntax error before: 'catch'
6> {caught,badarith}
7> {a,1}
8> x
9> {bad,7}
10> badarg
11> badarg
12> {'EXIT',{e,[]}}
13> {'EXIT',{e,[{m,f,1,[]}]}}
14> *** Terminating erlang (nonode@nohost)
"""#),
        Transcript(name: "error_wording_and_flush", input: #"""
(fun(X) -> X end)(1, 2, 3).
(fun(X) -> X end)(1, 2).
(fun lists:reverse/1)(1, 2, 3).
(fun erlang:abs/1)().
M2 = 42, M2:foo().
[X || X <- notalist].
lists:filter(fun(X) -> X end, [1]).
self() ! lists:seq(1, 60), flush().
self() ! {deep, {a, {b, {c, {d, {e, {f, {g, {h, {i, {j, {k, {l, {m, {n, {o, {p}}}}}}}}}}}}}}}}}, flush().
"""#, expected: #"""
1> ** exception error: interpreted function with arity 1 called with 3 arguments
2> ** exception error: interpreted function with arity 1 called with two arguments
3> ** exception error: lists:reverse/1 called with 3 arguments
4> ** exception error: abs/1 called with no arguments
5> ** exception error: bad argument
     in function  apply/3
        called as apply(42,foo,[])
        *** argument 1: not an atom
6> ** exception error: bad generator notalist
7> ** exception error: bad filter 1
     in function  lists:'-filter/2-lc$^0/1-0-'/2 (lists.erl, line 1383)
8> Shell got [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,
           26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,
           48,49,50,51,52,53,54,55,56,57,58,59,60]
ok
9> Shell got {deep,
              {a,{b,{c,{d,{e,{f,{g,{h,{i,{j,{k,{l,{m,{n,{o,{p}}}}}}}}}}}}}}}}}
ok
10> *** Terminating erlang (nonode@nohost)
"""#),
        Transcript(name: "compile_errors_located", input: #"""
rd(person, {name, age = 0}).
X = 1, #nothere{}.
io:format("a~n"), #nothere{a = 1}.
Q = #person{}, Q#nope.x.
U#nope.x.
#person{nofield = 1}.
Y = 2, <<Y/bad>> = <<1>>.
<<Z/bad>> = <<1>>.
2.0e.
{2.0e}.
fun(X) when X = 1 -> ok end.
"""#, expected: #"""
1> person
2> * 1:8: record nothere undefined
3> a
* 1:19: record nothere undefined
4> * 1:17: record nope undefined
5> * 1:1: variable 'U' is unbound
6> * 1:9: field nofield undefined in record person
7> * 1:10: bit type bad undefined
8> * 1:3: bit type bad undefined
9> * 1:1: illegal float
9> * 1:2: illegal float
9> * 1:13: illegal guard expression
10> *** Terminating erlang (nonode@nohost)
"""#),
        // erl_lint's pattern and guard rules: arithmetic on literals and a
        // prefix of character codes before `++` are patterns, nothing else
        // with an operator is; `=>` is no pattern, `:=` no construction;
        // `++` and `--` are no guard operators (a filter using them runs
        // as an expression).
        Transcript(name: "illegal_patterns_and_guards", input: #"""
[A] ++ R = [1,2].
[$a | "b"] ++ T = "abc".
[1, $b] ++ T2 = [1, $b, 3].
"ab" ++ "c" ++ T3 = "abcd".
Pfx ++ R4 = "ab".
{X + 1} = {2}.
-X5 = -1.
{1 + 2, - 1} = {3, -1}.
fun(X7 + 1) -> X7 end.
case 3 of X8 + 1 -> ok; _ -> no end.
#{a => 1} = #{a => 1}.
#{a := V} = #{a => 7}, V.
#{a := 1}.
M = #{a => 1}, M#{a := 3}.
case 1 of X9 when X9 ++ [] -> X9 end.
[X || X <- [1], X -- []].
"""#, expected: #"""
1> * 1:5: illegal pattern
2> "abc"
3> [1,98,3]
4> "abcd"
5> * 1:5: illegal pattern
6> * 1:4: illegal pattern
7> * 1:1: illegal pattern
8> {3,-1}
9> * 1:8: illegal pattern
10> * 1:14: illegal pattern
11> * 1:5: illegal pattern
12> 7
13> * 1:5: only association operators '=>' are allowed in map construction
14> #{a => 3}
15> * 1:22: illegal guard expression
16> ** exception error: bad argument
     in operator  --/2
        called as 1 -- []
17> *** Terminating erlang (nonode@nohost)
"""#),
        // A binary or bitstring field without size takes the rest: only the
        // last field of a pattern may be one.
        Transcript(name: "unsized_binary_fields", input: #"""
<<X/binary, Y/binary>> = <<"ab">>.
<<A:8, B/bits, C>> = <<1,2,3>>.
<<D/binary, E:8>> = <<1,2>>.
<<F/binary>> = <<"ab">>, F.
<<G:2/binary, H/binary>> = <<"abc">>, {G, H}.
case <<1>> of <<I/binary, 1>> -> I end.
"""#, expected: #"""
1> * 1:3: a binary field without size is only allowed at the end of a binary pattern
2> * 1:8: a binary field without size is only allowed at the end of a binary pattern
3> * 1:3: a binary field without size is only allowed at the end of a binary pattern
4> <<"ab">>
5> {<<"ab">>,<<"c">>}
6> * 1:17: a binary field without size is only allowed at the end of a binary pattern
7> *** Terminating erlang (nonode@nohost)
"""#),
        // Guards checked in erl_lint's order (operands and arguments before
        // the operator or function), each error where erl_lint puts it; a map
        // update is a guard expression, a record update is not.
        Transcript(name: "guard_checks", input: #"""
case 1 of X when catch X -> X end.
case 1 of X when begin true end -> X end.
if X = 1 -> ok end.
case 1 of Y when Y ! a -> Y end.
case 1 of Z when [W || W <- [1]] -> Z end.
case 1 of X when Y ++ [] -> X end.
case 1 of X when 1 ++ Y -> X end.
case 1 of X when foo(Y) -> X end.
case 1 of X when Y, foo(X) -> X end.
case 1 of X when foo(X), Y -> X end.
case #{} of M when map_size(M#{a => 1}) > 0 -> ok end.
rd(r, {a}).
case {r, 1} of R when (R#r{a = 2})#r.a > 1 -> ok end.
case 1 of X when is_integer(X), X > 0; X < -5 -> ok end.
case 1 of X when erlang:is_integer(X) -> ok end.
case 1 of X when lists:member(X, [1]) -> ok end.
case #{} of M when map_size(M#{a := 1}) > 0 -> ok; _ -> no end.
case 5 of M when map_size(M#{a => 1}) > 0 -> ok; _ -> no end.
"""#, expected: #"""
1> * 1:18: illegal guard expression
2> * 1:18: illegal guard expression
3> * 1:4: illegal guard expression
4> * 1:20: illegal guard expression
5> * 1:18: illegal guard expression
6> * 1:18: variable 'Y' is unbound
7> * 1:23: variable 'Y' is unbound
8> * 1:22: variable 'Y' is unbound
9> * 1:18: variable 'Y' is unbound
10> * 1:18: illegal guard expression
11> ok
12> r
13> * 1:25: illegal guard expression
14> ok
15> ok
16> * 1:18: illegal guard expression
17> no
18> no
19> *** Terminating erlang (nonode@nohost)
"""#),
        // The base64 module: encoding, decoding, white space and mime decoding.
        Transcript(name: "base64", input: #"""
base64:encode("hello").
base64:encode(<<"hi">>).
base64:encode_to_string("hello").
base64:decode("aGVsbG8=").
base64:decode(<<"aGk=">>).
base64:decode_to_string("aGVsbG8=").
base64:encode(<<>>).
base64:mime_decode("aGVs bG8=\n").
base64:decode("aGVs bG8=").
base64:encode(hello).
base64:encode(<<0,255,128>>).
base64:decode(base64:encode(lists:seq(0, 255))) =:= list_to_binary(lists:seq(0, 255)).
[base64:encode(lists:duplicate(N, $x)) || N <- lists:seq(1, 5)].
base64:mime_decode_to_string("eHh4eA==").
"""#, expected: #"""
1> <<"aGVsbG8=">>
2> <<"aGk=">>
3> "aGVsbG8="
4> <<"hello">>
5> <<"hi">>
6> "hello"
7> <<>>
8> <<"hello">>
9> <<"hello">>
10> ** exception error: no function clause matching base64:encode(hello) (base64.erl, line 52)
11> <<"AP+A">>
12> true
13> [<<"eA==">>,<<"eHg=">>,<<"eHh4">>,<<"eHh4eA==">>,
 <<"eHh4eHg=">>]
14> "xxxx"
15> *** Terminating erlang (nonode@nohost)
"""#),
        // An ordered_set walked key by key: new keys go in term order, and
        // next/prev take a key that is not there as erl does.
        Transcript(name: "ets_walk", input: #"""
T = ets:new(walk, [ordered_set, named_table]).
[ets:insert(walk, {K, v}) || K <- [5, 1, 9, 3, 7, a, "s", 2.5, {x}]].
ets:first(walk).
ets:next(walk, 3).
ets:prev(walk, 3).
ets:last(walk).
ets:next(walk, {x}).
ets:prev(walk, 1).
ets:next(walk, 4).
ets:prev(walk, b).
ets:insert(walk, {3, w}).
W = fun W('$end_of_table', Acc) -> lists:reverse(Acc); W(K, Acc) -> W(ets:next(walk, K), [K | Acc]) end.
W(ets:first(walk), []).
ets:lookup(walk, 3).
"""#, expected: #"""
1> walk
2> [true,true,true,true,true,true,true,true,true]
3> 1
4> 5
5> 2.5
6> "s"
7> "s"
8> '$end_of_table'
9> 5
10> a
11> true
12> #Fun<erl_eval.18.3316493>
13> [1,2.5,3,5,7,9,a,{x},"s"]
14> [{3,w}]
15> *** Terminating erlang (nonode@nohost)
"""#),
        // ETS tables: ordered_set in term order, counters, matches, bags,
        // keypos, access and a table that goes with its owner.
        Transcript(name: "ets", input: #"""
T = ets:new(scores, [ordered_set, named_table, public]).
ets:insert(scores, [{bob, 3}, {alice, 5}, {carol, 1}]).
ets:tab2list(scores).
ets:lookup(scores, alice).
ets:lookup(scores, nobody).
ets:member(scores, bob).
ets:update_counter(scores, bob, 10).
ets:update_counter(scores, bob, {2, -1}).
ets:update_counter(scores, dave, 1, {dave, 100}).
ets:insert_new(scores, {bob, 0}).
ets:insert_new(scores, {erin, 0}).
ets:lookup_element(scores, alice, 2).
ets:delete(scores, carol).
ets:first(scores).
ets:next(scores, alice).
ets:last(scores).
ets:info(scores, size).
ets:info(scores, type).
ets:match(scores, {'$1', 5}).
ets:match_object(scores, {'_', 0}).
ets:foldl(fun({_, N}, Acc) -> N + Acc end, 0, scores).
ets:update_element(scores, alice, {2, 50}).
ets:lookup(scores, alice).
B = ets:new(bagtab, [bag]), is_reference(B).
ets:insert(B, {k, 1}), ets:insert(B, {k, 2}), ets:insert(B, {k, 1}).
ets:lookup(B, k).
{'EXIT', {R1, _}} = (catch ets:lookup(nosuch, k)), R1.
{'EXIT', {R2, _}} = (catch ets:insert(scores, {})), R2.
{'EXIT', {R4, _}} = (catch ets:new(scores, [named_table])), R4.
ets:delete(scores).
ets:info(scores).
{'EXIT', {R3, _}} = (catch ets:lookup(scores, bob)), R3.
K = ets:new(kp, [{keypos, 2}]), ets:insert(K, {rec, id1, data}), ets:lookup(K, id1).
S = ets:new(s, []), ets:insert(S, {only, 1}), ets:tab2list(S).
Self = self(), P = spawn(fun() -> ets:new(owned, [named_table]), Self ! made, receive stop -> ok end end), receive made -> ok end, ets:info(owned, owner) =:= P.
Ref = monitor(process, P), P ! stop, receive {'DOWN', Ref, process, P, normal} -> ok end, ets:info(owned).
"""#, expected: #"""
1> scores
2> true
3> [{alice,5},{bob,3},{carol,1}]
4> [{alice,5}]
5> []
6> true
7> 13
8> 12
9> 101
10> false
11> true
12> 5
13> true
14> alice
15> bob
16> erin
17> 4
18> ordered_set
19> [[alice]]
20> [{erin,0}]
21> 118
22> true
23> [{alice,50}]
24> true
25> true
26> [{k,1},{k,2}]
27> badarg
28> badarg
29> badarg
30> true
31> undefined
32> badarg
33> [{rec,id1,data}]
34> [{only,1}]
35> true
36> undefined
37> *** Terminating erlang (nonode@nohost)
"""#),
        Transcript(name: "records_in_exceptions", input: #"""
rd(pt, {x = 0, y = 0}).
throw(#pt{}).
error({oops, #pt{x = 1}}).
#pt{y = 1} = #pt{}.
rd(person, {name}).
P = #pt{}, P#person.name.
"""#, expected: #"""
1> pt
2> ** exception throw: #pt{x = 0,y = 0}
3> ** exception error: {oops,#pt{x = 1,y = 0}}
4> ** exception error: no match of right hand side value #pt{x = 0,y = 0}
5> person
6> ** exception error: {badrecord,#pt{x = 0,y = 0}}
7> *** Terminating erlang (nonode@nohost)
"""#),
        Transcript(name: "binary_construction_failures", input: #"""
<<a:8>>.
<<a/float>>.
<<1.5:7/float>>.
<<<<1:3>>/binary>>.
<<<<1,2>>:3/binary>>.
<<a/utf16>>.
<<16#110000/utf8>>.
<<1:a>>.
X = 5, <<1:8, X:(-2)>>.
Y = foo, <<Y/binary>>.
<<1:8/utf8>>.
byte_size(a).
"""#, expected: #"""
1> ** exception error: construction of binary failed
     in function  eval_bits:eval_exp_field/6 (eval_bits.erl, line 143)
        *** segment 1 of type 'integer': expected an integer but got: a
     in call from eval_bits:create_binary/2 (eval_bits.erl, line 77)
     in call from eval_bits:expr_grp/5 (eval_bits.erl, line 68)
2> ** exception error: construction of binary failed
     in function  eval_bits:eval_exp_field/6 (eval_bits.erl, line 163)
        *** segment 1 of type 'float': expected a float or an integer but got: a
     in call from eval_bits:create_binary/2 (eval_bits.erl, line 77)
     in call from eval_bits:expr_grp/5 (eval_bits.erl, line 68)
3> ** exception error: construction of binary failed
     in function  eval_bits:eval_exp_field/6 (eval_bits.erl, line 163)
        *** segment 1 of type 'float': expected one of the supported sizes 16, 32, or 64 but got: 7
     in call from eval_bits:create_binary/2 (eval_bits.erl, line 77)
     in call from eval_bits:expr_grp/5 (eval_bits.erl, line 68)
4> ** exception error: bad argument
     in function  eval_bits:eval_exp_field/6 (eval_bits.erl, line 169)
     in call from eval_bits:create_binary/2 (eval_bits.erl, line 77)
     in call from eval_bits:expr_grp/5 (eval_bits.erl, line 68)
5> ** exception error: construction of binary failed
     in function  eval_bits:eval_exp_field/6 (eval_bits.erl, line 172)
        *** segment 1 of type 'binary': the value <<1,2>> is shorter than the size of the segment
     in call from eval_bits:create_binary/2 (eval_bits.erl, line 77)
     in call from eval_bits:expr_grp/5 (eval_bits.erl, line 68)
6> ** exception error: construction of binary failed
     in function  eval_bits:eval_exp_field/6 (eval_bits.erl, line 147)
        *** segment 1 of type 'utf16': expected a non-negative integer encodable as utf16 but got: a
     in call from eval_bits:create_binary/2 (eval_bits.erl, line 77)
     in call from eval_bits:expr_grp/5 (eval_bits.erl, line 68)
7> ** exception error: construction of binary failed
     in function  eval_bits:eval_exp_field/6 (eval_bits.erl, line 145)
        *** segment 1 of type 'utf8': expected a non-negative integer encodable as utf8 but got: 1114112
     in call from eval_bits:create_binary/2 (eval_bits.erl, line 77)
     in call from eval_bits:expr_grp/5 (eval_bits.erl, line 68)
8> ** exception error: bad argument
     in operator  */2
        called as a * 1
     in call from eval_bits:eval_exp_field1/9 (eval_bits.erl, line 114)
     in call from eval_bits:create_binary/2 (eval_bits.erl, line 77)
     in call from eval_bits:expr_grp/5 (eval_bits.erl, line 68)
9> ** exception error: construction of binary failed
     in function  eval_bits:eval_exp_field/6 (eval_bits.erl, line 143)
        *** segment 2 of type 'integer': expected a non-negative integer as size but got: -2
     in call from eval_bits:create_binary/2 (eval_bits.erl, line 77)
     in call from eval_bits:expr_grp/5 (eval_bits.erl, line 68)
10> ** exception error: bad argument
     in function  bit_size/1
        called as bit_size(foo)
        *** argument 1: not a bitstring
     in call from eval_bits:eval_exp_field1/9 (eval_bits.erl, line 114)
     in call from eval_bits:create_binary/2 (eval_bits.erl, line 77)
     in call from eval_bits:expr_grp/5 (eval_bits.erl, line 68)
11> * 1:3: neither size nor unit must be given for segments of type utf8/utf16/utf32
12> ** exception error: bad argument
     in function  byte_size/1
        called as byte_size(a)
        *** argument 1: not a bitstring
13> *** Terminating erlang (nonode@nohost)
"""#),
    ]
}

/// The evaluator's checks and error texts are erl's.
@Suite("Evaluator transcripts")
struct EvaluatorTranscriptTests {
    @Test(arguments: EvaluatorTranscripts.all)
    func matchesErl(_ t: Transcript) async {
        let printed = await transcript(t.input + "\n")
        #expect(printed.trimmingTrailingNewlines == t.expected)
    }
}
