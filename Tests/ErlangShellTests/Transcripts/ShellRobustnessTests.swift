import Testing

/// Nothing a user types takes the shell down, and nothing is lost: each case
/// is a transcript recorded from erl 25 (`erl < input`, banner dropped).
enum RobustnessTranscripts {
    static let all: [Transcript] = [
        // Killing the evaluator, by `exit(self(), kill)`, a kill from another process or a linked
        // crash, keeps the bindings (also under `catch_exception(true)`, where erl still reports
        // the kill with `**`).
        Transcript(name: "evaluator_killed", input: #"""
X = 41, Y = {a, "b"}.
S = self(), ok.
exit(self(), kill).
X + 1.
S == self().
spawn_link(fun() -> exit(boom) end), receive never -> ok end.
Y.
P = self(), spawn(fun() -> exit(P, kill) end), receive never -> ok end.
{X, Y}.
X.
catch_exception(true).
exit(self(), kill).
spawn_link(fun() -> exit(boom2) end), receive never -> ok end.
X.
f(S).
b().
"""#, expected: #"""
1> {a,"b"}
2> ok
3> ** exception exit: killed
4> 42
5> false
6> ** exception exit: boom
7> {a,"b"}
8> ** exception exit: killed
9> {41,{a,"b"}}
10> 41
11> false
12> ** exception exit: killed
13> ** exception exit: boom2
14> 41
15> ok
16> X = 41
Y = {a,"b"}
ok
17> *** Terminating erlang (nonode@nohost)
"""#),
        // An exception raised while evaluating io:format's arguments, or a format that does not
        // fit its arguments, is reported as erl does and the shell goes on.
        Transcript(name: "io_format_failures", input: #"""
X = 7.
io:format("~p~n", []).
io:format("~p~n", [1/0]).
io:format("~p~n", [throw(inside)]).
io:format("~p~n", [exit(inside)]).
io:format("~p~n", [element(9, {a})]).
io:format(lists:flatten([throw(fmt)])).
io:format("~w ~p~n", [X]).
io:format("~s~n", [X]).
io:format("~p~n", [X]).
X + 1.
"""#, expected: #"""
1> 7
2> ** exception error: bad argument
     in function  io:format/2
        called as io:format("~p~n",[])
        *** argument 1: wrong number of arguments
3> ** exception error: an error occurred when evaluating an arithmetic expression
     in operator  '/'/2
        called as 1 / 0
4> ** exception throw: inside
5> ** exception exit: inside
6> ** exception error: bad argument
     in function  element/2
        called as element(9,{a})
        *** argument 1: out of range
7> ** exception throw: fmt
8> ** exception error: bad argument
     in function  io:format/2
        called as io:format("~w ~p~n",[7])
        *** argument 1: wrong number of arguments
9> ** exception error: bad argument
     in function  io:format/2
        called as io:format("~s~n",[7])
        *** argument 2: element 1 must be of type string
10> 7
ok
11> 8
12> *** Terminating erlang (nonode@nohost)
"""#),
        // A process sends the shell 20,000 messages while the shell goes on answering: all arrive,
        // in order, and `flush()` then has nothing left.
        Transcript(name: "bounded_flood", input: #"""
Shell = self(), ok.
_ = spawn(fun() -> [Shell ! {m, N} || N <- lists:seq(1, 20000)], Shell ! done end), ok.
1 + 1.
receive done -> ok end.
{message_queue_len, L} = process_info(self(), message_queue_len), L.
Drain = fun D(E) -> receive {m, E} -> D(E + 1) after 0 -> E end end, Drain(1).
flush().
Shell ! last, flush().
"""#, expected: #"""
1> ok
2> ok
3> 2
4> ok
5> 20000
6> 20001
7> ok
8> Shell got last
ok
9> *** Terminating erlang (nonode@nohost)
"""#),
        // A process that sends the shell messages for ever: the shell keeps answering, kills it,
        // and the messages it got are 1..Count in order.
        Transcript(name: "looping_flood", input: #"""
Shell = self(), ok.
F = spawn(fun() -> Loop = fun L(N) -> Shell ! {m, N}, L(N + 1) end, Loop(1) end), ok.
1 + 1.
exit(F, kill), is_process_alive(F).
{messages, Ms} = process_info(self(), messages), Count = length(Ms), Count > 0.
[N || {m, N} <- Ms] =:= lists:seq(1, Count).
{message_queue_len, Count} = process_info(self(), message_queue_len), ok.
Drain = fun D() -> receive {m, _} -> D() after 0 -> ok end end, Drain().
flush().
X = 3.
"""#, expected: #"""
1> ok
2> ok
3> 2
4> false
5> true
6> true
7> ok
8> ok
9> ok
10> 3
11> *** Terminating erlang (nonode@nohost)
"""#),
        // A binary that cannot be built is reported segment by segment, as erl's eval_bits
        // does (these trapped or printed a bare `bad argument`); a frame without a location
        // keeps erl's trailing space.
        Transcript(name: "binary_construction_failures", input: #"""
<<a>>.
<<1.5>>.
<<1, a:8>>.
<<1:(-1)>>.
<<1:(1 bsl 64)>>.
<<a:7/float>>.
<<(1 bsl 1030):64/float>>.
<<(<<"ab">>):3/binary>>.
<<(list_to_binary(lists:seq(1,20))):200/binary>>.
<<1:4/bitstring>>.
<<1:a>>.
<<a/binary>>.
<<(<<1:1>>)/binary>>.
<<16#110000/utf8>>.
<<(lists:seq(1,40)):8>>.
receive after -1 -> ok end.
"""#, expected: #"""
1> ** exception error: construction of binary failed
     in function  eval_bits:eval_exp_field/6 (eval_bits.erl, line 143)
        *** segment 1 of type 'integer': expected an integer but got: a
     in call from eval_bits:create_binary/2 (eval_bits.erl, line 77)
     in call from eval_bits:expr_grp/5 (eval_bits.erl, line 68)
2> ** exception error: construction of binary failed
     in function  eval_bits:eval_exp_field/6 (eval_bits.erl, line 143)
        *** segment 1 of type 'integer': expected an integer but got: 1.5
     in call from eval_bits:create_binary/2 (eval_bits.erl, line 77)
     in call from eval_bits:expr_grp/5 (eval_bits.erl, line 68)
3> ** exception error: construction of binary failed
     in function  eval_bits:eval_exp_field/6 (eval_bits.erl, line 143)
        *** segment 2 of type 'integer': expected an integer but got: a
     in call from eval_bits:create_binary/2 (eval_bits.erl, line 77)
     in call from eval_bits:expr_grp/5 (eval_bits.erl, line 68)
4> ** exception error: construction of binary failed
     in function  eval_bits:eval_exp_field/6 (eval_bits.erl, line 143)
        *** segment 1 of type 'integer': expected a non-negative integer as size but got: -1
     in call from eval_bits:create_binary/2 (eval_bits.erl, line 77)
     in call from eval_bits:expr_grp/5 (eval_bits.erl, line 68)
5> ** exception error: construction of binary failed
     in function  eval_bits:eval_exp_field/6 (eval_bits.erl, line 143)
        *** segment 1 of type 'integer': the size 18446744073709551616 is too large
     in call from eval_bits:create_binary/2 (eval_bits.erl, line 77)
     in call from eval_bits:expr_grp/5 (eval_bits.erl, line 68)
6> ** exception error: construction of binary failed
     in function  eval_bits:eval_exp_field/6 (eval_bits.erl, line 163)
        *** segment 1 of type 'float': expected one of the supported sizes 16, 32, or 64 but got: 7
     in call from eval_bits:create_binary/2 (eval_bits.erl, line 77)
     in call from eval_bits:expr_grp/5 (eval_bits.erl, line 68)
7> ** exception error: construction of binary failed
     in function  eval_bits:eval_exp_field/6 (eval_bits.erl, line 163)
        *** segment 1 of type 'float': the value 115052360631...950344781824 is outside the range expressible as a float
     in call from eval_bits:create_binary/2 (eval_bits.erl, line 77)
     in call from eval_bits:expr_grp/5 (eval_bits.erl, line 68)
8> ** exception error: construction of binary failed
     in function  eval_bits:eval_exp_field/6 (eval_bits.erl, line 172)
        *** segment 1 of type 'binary': the value <<"ab">> is shorter than the size of the segment
     in call from eval_bits:create_binary/2 (eval_bits.erl, line 77)
     in call from eval_bits:expr_grp/5 (eval_bits.erl, line 68)
9> ** exception error: construction of binary failed
     in function  eval_bits:eval_exp_field/6 (eval_bits.erl, line 172)
        *** segment 1 of type 'binary': the value <<1,2,3,4,5,6,7,8...,19,20>> is shorter than the size of the segment
     in call from eval_bits:create_binary/2 (eval_bits.erl, line 77)
     in call from eval_bits:expr_grp/5 (eval_bits.erl, line 68)
10> ** exception error: construction of binary failed
     in function  eval_bits:eval_exp_field/6 (eval_bits.erl, line 172)
        *** segment 1 of type 'binary': expected a binary but got: 1
     in call from eval_bits:create_binary/2 (eval_bits.erl, line 77)
     in call from eval_bits:expr_grp/5 (eval_bits.erl, line 68)
11> ** exception error: bad argument
     in operator  */2
        called as a * 1
     in call from eval_bits:eval_exp_field1/9 (eval_bits.erl, line 114)
     in call from eval_bits:create_binary/2 (eval_bits.erl, line 77)
     in call from eval_bits:expr_grp/5 (eval_bits.erl, line 68)
12> ** exception error: bad argument
     in function  bit_size/1
        called as bit_size(a)
        *** argument 1: not a bitstring
     in call from eval_bits:eval_exp_field1/9 (eval_bits.erl, line 114)
     in call from eval_bits:create_binary/2 (eval_bits.erl, line 77)
     in call from eval_bits:expr_grp/5 (eval_bits.erl, line 68)
13> ** exception error: bad argument
     in function  eval_bits:eval_exp_field/6 (eval_bits.erl, line 169)
     in call from eval_bits:create_binary/2 (eval_bits.erl, line 77)
     in call from eval_bits:expr_grp/5 (eval_bits.erl, line 68)
14> ** exception error: construction of binary failed
     in function  eval_bits:eval_exp_field/6 (eval_bits.erl, line 145)
        *** segment 1 of type 'utf8': expected a non-negative integer encodable as utf8 but got: 1114112
     in call from eval_bits:create_binary/2 (eval_bits.erl, line 77)
     in call from eval_bits:expr_grp/5 (eval_bits.erl, line 68)
15> ** exception error: construction of binary failed
     in function  eval_bits:eval_exp_field/6 (eval_bits.erl, line 143)
        *** segment 1 of type 'integer': expected an integer but got: [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19|...]
     in call from eval_bits:create_binary/2 (eval_bits.erl, line 77)
     in call from eval_bits:expr_grp/5 (eval_bits.erl, line 68)
16> ** exception error: bad receive timeout value
     in function  prim_eval:'receive'/2 
17> *** Terminating erlang (nonode@nohost)
"""#),
    ]
}

/// The shell survives what the user types and loses nothing.
@Suite("Shell robustness")
struct ShellRobustnessTests {
    @Test(arguments: RobustnessTranscripts.all)
    func matchesErl(_ t: Transcript) async {
        let printed = await transcript(t.input + "\n")
        #expect(printed.trimmingTrailingNewlines == t.expected)
    }
}
