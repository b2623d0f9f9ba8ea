import Testing

/// How the shell lays out a long term in an exception, recorded from erl 25
/// (`erl < input`, banner dropped): a value moves to the line below its
/// explanation when that takes fewer lines, a call when its arguments take
/// fewer lines there or would not fit beside it; shell funs are named as
/// erl_eval names them, and `fun f/1` in the shell is `undef`.
enum ExceptionLayoutTranscripts {
    static let all: [Transcript] = [
        Transcript(name: "long_terms", input: #"""
{a,b} = lists:seq(1,40).
case lists:seq(10,50) of {a} -> ok end.
try lists:seq(1,40) of {a} -> ok catch _ -> ok end.
{a,b} = lists:seq(1,18).
{a,b} = lists:seq(1,25).
{a} = {error,"a reasonably long reason string that pushes past column 80 ok"}.
(fun(a) -> ok end)(b).
(fun(a) -> ok end)(lists:seq(1,40)).
(fun(a, c) -> ok end)(lists:seq(1,40), lists:seq(1,40)).
(fun(X, Y) when X > 200 -> ok end)(104, 105).
lists:nth(0, lists:seq(1,40)).
erlang:error({badfun, lists:seq(1,40)}).
rd(p, {a, b = 2}).
{x} = #p{a = lists:seq(1,30)}.
catch_exception(true).
{a,b} = lists:seq(1,40).
(fun(a) -> ok end)(lists:seq(1,40)).
atom_to_list(lists:seq(1,40)).
catch_exception(false).
is_function(fun is_atom/1).
F = fun is_atom/1.
fun foo/0.
"""#, expected: #"""
1> ** exception error: no match of right hand side value 
                    [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,
                     23,24,25,26,27,28,29|...]
2> ** exception error: no case clause matching 
                    [10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,
                     29,30,31,32,33,34,35,36,37,38|...]
3> ** exception error: no try clause matching 
                    [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,
                     23,24,25,26,27,28,29|...]
4> ** exception error: no match of right hand side value 
                    [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18]
5> ** exception error: no match of right hand side value 
                    [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,
                     23,24,25]
6> ** exception error: no match of right hand side value {error,
                                                       "a reasonably long reason string that pushes past column 80 ok"}
7> ** exception error: no function clause matching 
                    erl_eval:'-inside-an-interpreted-fun-'(b) 
8> ** exception error: no function clause matching 
                    erl_eval:'-inside-an-interpreted-fun-'([1,2,3,4,5,6,7,8,9,
                                                            10,11,12,13,14,15,
                                                            16,17,18,19,20,21,
                                                            22,23,24,25,26,27,
                                                            28|...]) 
9> ** exception error: no function clause matching 
                    erl_eval:'-inside-an-interpreted-fun-'([1,2,3,4,5,6,7,8,9,
                                                            10,11,12,13,14,15,
                                                            16,17,18,19,20,21,
                                                            22,23,24,25,26,27,
                                                            28|...],
                                                           [1,2,3,4,5,6,7,8,9,
                                                            10,11,12,13,14,15,
                                                            16,17,18,19,20,21,
                                                            22,23,24,25,26,
                                                            27|...]) 
10> ** exception error: no function clause matching 
                    erl_eval:'-inside-an-interpreted-fun-'(104,105) 
11> ** exception error: no function clause matching 
                    lists:nth(0,
                              [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,
                               19,20,21,22,23,24,25,26,27|...]) (lists.erl, line 198)
12> ** exception error: bad function [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,
                                  18,19,20,21,22,23,24,25,26,27,28,29|...]
13> p
14> ** exception error: no match of right hand side value 
                    #p{a = [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,
                            20,21,22,23,24,25,26,27|...],
                       b = 2}
15> false
16> * exception error: no match of right hand side value 
                   [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,
                    23,24,25,26,27,28,29|...]
17> * exception error: no function clause matching 
                   erl_eval:'-inside-an-interpreted-fun-'([1,2,3,4,5,6,7,8,9,
                                                           10,11,12,13,14,15,
                                                           16,17,18,19,20,21,
                                                           22,23,24,25,26,27,
                                                           28|...]) 
18> * exception error: bad argument
    in function  atom_to_list/1
       called as atom_to_list([1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,
                               19,20,21,22,23,24,25,26,27,28|...])
       *** argument 1: not an atom
19> true
20> ** exception error: undefined function erl_eval:is_atom/1
21> ** exception error: undefined function erl_eval:is_atom/1
22> ** exception error: undefined function erl_eval:foo/0
23> *** Terminating erlang (nonode@nohost)
"""#),
        // Every class of exception shows the frames above the shell's own;
        // erlang:send/2,3 explain their arguments.
        Transcript(name: "sends_and_exits", input: #"""
register(me, self()), erlang:send(me, x, [noconnect]).
erlang:send(me, z, [bad]).
register(me, self()), erlang:send(me, z, nolist).
erlang:send(nobody, z).
nobody ! x.
gen_server:call(nobody, x).
gen_server:call(nobody, x, 100).
lists:foreach(fun(_) -> exit(x) end, [1]).
lists:foreach(fun(_) -> throw(x) end, [1]).
exit(foo).
throw(x).
"""#, expected: #"""
1> ok
2> ** exception error: bad argument
     in function  erlang:send/3
        called as erlang:send(me,z,[bad])
        *** argument 3: invalid option in list
3> ** exception error: bad argument
     in function  erlang:send/3
        called as erlang:send(me,z,nolist)
        *** argument 3: not a list
4> ** exception error: bad argument
     in function  erlang:send/2
        called as erlang:send(nobody,z)
        *** argument 1: invalid destination
5> ** exception error: bad argument
     in operator  !/2
        called as nobody ! x
6> ** exception exit: {noproc,{gen_server,call,[nobody,x]}}
     in function  gen_server:call/2 (gen_server.erl, line 370)
7> ** exception exit: {noproc,{gen_server,call,[nobody,x,100]}}
     in function  gen_server:call/3 (gen_server.erl, line 385)
8> ** exception exit: x
     in function  shell:apply_fun/3 (shell.erl, line 912)
     in call from lists:foreach_1/2 (lists.erl, line 1442)
9> ** exception throw: x
     in function  shell:apply_fun/3 (shell.erl, line 912)
     in call from lists:foreach_1/2 (lists.erl, line 1442)
10> ** exception exit: foo
11> ** exception throw: x
12> *** Terminating erlang (nonode@nohost)
"""#),
    ]
}

/// Exceptions with long terms print as erl prints them.
@Suite("Exception layout")
struct ExceptionLayoutTests {
    @Test(arguments: ExceptionLayoutTranscripts.all)
    func matchesErl(_ t: Transcript) async {
        let printed = await transcript(t.input + "\n")
        #expect(printed.trimmingTrailingNewlines == t.expected)
    }
}
