import Testing

/// Transcripts recorded from erl 25 (`erl < input`, banner dropped) for
/// `function_clause` and `undef` raised from the shell: erl_error explains
/// `function_clause` only for a frame with arguments or a shell command's
/// single frame, and a BIF called from the shell has `shell:apply_fun/3`
/// as its caller; shell commands called with arguments they do not take;
/// a local call naming nothing raises `{shell_undef, F, A, []}`.
enum FunctionClauseTranscripts {
    static let all: [Transcript] = [
        Transcript(name: "raised_from_the_shell", input: #"""
error(function_clause).
error(function_clause, [1,2]).
error(undef).
error(undef, [a]).
error(function_clause, none).
F = fun() -> error(function_clause) end, F().
G = fun() -> error(undef) end, G().
"""#, expected: #"""
1> ** exception error: function_clause
2> ** exception error: no function clause matching shell:apply_fun(1,2) (shell.erl, line 912)
3> ** exception error: undefined function shell:apply_fun/3
4> ** exception error: undefined function shell:apply_fun/1
5> ** exception error: function_clause
6> ** exception error: function_clause
7> ** exception error: undefined function shell:apply_fun/3
8> *** Terminating erlang (nonode@nohost)
"""#),
        Transcript(name: "shell_commands_without_a_clause", input: #"""
rd(foo, {1}).
rd(foo, bar).
rd("s", {a}).
catch_exception(x).
history(a).
results(b).
catch history(a).
halt(x).
1.
"""#, expected: #"""
1> ** exception exit: "bad record field"
2> ** exception exit: "bad record declaration"
3> ** exception error: no function clause matching call to rd/2
4> ** exception error: no function clause matching call to catch_exception/1
5> ** exception error: no function clause matching call to history/1
6> ** exception error: no function clause matching call to results/1
7> {'EXIT',{function_clause,[{shell,history,1,[]}]}}
8> ** exception error: bad argument
     in function  halt/1
        called as halt(x)
        *** argument 1: invalid status
9> 1
10> *** Terminating erlang (nonode@nohost)
"""#),
        Transcript(name: "undefined_shell_commands_raise_shell_undef", input: #"""
try foo(1) catch error:undef -> b end.
{'EXIT', {R, _}} = (catch foo(1)), R.
F = fun() -> bar(2) end, F().
'Quoted'(1).
"""#, expected: #"""
1> ** exception error: undefined shell command foo/1
2> {shell_undef,foo,1,[]}
3> ** exception error: undefined shell command bar/1
4> ** exception error: undefined shell command 'Quoted'/1
5> *** Terminating erlang (nonode@nohost)
"""#),
    ]
}

/// `function_clause` and `undef` from the shell read as erl's.
@Suite("Function clause transcripts")
struct FunctionClauseTranscriptTests {
    @Test(arguments: FunctionClauseTranscripts.all)
    func matchesErl(_ t: Transcript) async {
        let printed = await transcript(t.input + "\n")
        #expect(printed.trimmingTrailingNewlines == t.expected)
    }
}
