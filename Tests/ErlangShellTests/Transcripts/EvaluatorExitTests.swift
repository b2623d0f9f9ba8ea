import Testing

/// What processes linked to or monitoring the shell's evaluator see when an
/// expression raises: erl's evaluator sends its links `{Reason, Stacktrace}`
/// (`{{nocatch, V}, Stacktrace}` for a throw) and then exits `normal`, so a
/// trapping link gets two `'EXIT'` messages and a monitor sees `normal`.
/// Recorded from erl 25 (`erl < input`, banner dropped).
enum EvaluatorExitTranscripts {
    static let all: [Transcript] = [
        Transcript(name: "links_and_monitors", input: #"""
S = self(), P = spawn(fun() -> process_flag(trap_exit, true), link(S), Ref = monitor(process, S), receive {go, From} -> ok end, receive {'EXIT', _, R1} -> receive {'EXIT', _, R2} -> receive {'DOWN', Ref, _, _, R3} -> io:format("~p~n~p~n~p~n", [R1, R2, R3]), From ! done end end end end), ok.
a = b.
P ! {go, self()}, receive done -> ok end.
S2 = self(), Q = spawn(fun() -> process_flag(trap_exit, true), link(S2), receive {go, From} -> ok end, receive {'EXIT', _, R1} -> receive {'EXIT', _, R2} -> io:format("~p~n~p~n", [R1, R2]), From ! done end end end), ok.
throw(ball).
Q ! {go, self()}, receive done -> ok end.
S3 = self(), W = spawn(fun() -> Ref = monitor(process, S3), receive {go, From} -> ok end, receive {'DOWN', Ref, _, _, R} -> From ! R end end), ok.
exit(normal).
W ! {go, self()}, receive R -> R end.
"""#, expected: #"""
1> ok
2> ** exception error: no match of right hand side value b
3> {{badmatch,b},
 [{erl_eval,expr,6,[{file,"erl_eval.erl"},{line,496}]},
  {shell,exprs,7,[{file,"shell.erl"},{line,691}]},
  {shell,eval_exprs,7,[{file,"shell.erl"},{line,647}]},
  {shell,eval_loop,3,[{file,"shell.erl"},{line,632}]}]}
normal
normal
ok
4> ok
5> ** exception throw: ball
6> {{nocatch,ball},
 [{shell,apply_fun,3,[{file,"shell.erl"},{line,912}]},
  {erl_eval,do_apply,7,[{file,"erl_eval.erl"},{line,748}]},
  {shell,exprs,7,[{file,"shell.erl"},{line,691}]},
  {shell,eval_exprs,7,[{file,"shell.erl"},{line,647}]},
  {shell,eval_loop,3,[{file,"shell.erl"},{line,632}]}]}
normal
ok
7> ok
8> ** exception exit: normal
9> normal
10> *** Terminating erlang (nonode@nohost)
"""#),
    ]
}

/// The evaluator ends as erl's does when an expression raises.
@Suite("Evaluator exit")
struct EvaluatorExitTests {
    @Test(arguments: EvaluatorExitTranscripts.all)
    func matchesErl(_ t: Transcript) async {
        let printed = await transcript(t.input + "\n")
        #expect(printed.trimmingTrailingNewlines == t.expected)
    }
}
