import Testing

/// Transcripts recorded from erl 25 (`erl < input`, banner dropped) for
/// history references that find nothing (`* N: command not found`, the
/// prompt number kept) and shell commands erl's `shell_default` has or
/// lacks (`pid/3`, `f/1` of a non-variable, `send/2`, `h/1`).
enum ShellCommandTranscripts {
    static let all: [Transcript] = [
        Transcript(name: "history_misses_and_commands", input: #"""
results(2).
alpha.
beta.
gamma.
v(3).
v(-1).
v(0).
v(x).
e(x).
v(-100).
is_pid(pid(0, 1, 0)).
is_alive().
f(1).
send(self(), hi).
"pre" ++ Suffix = "prefix".
Suffix.
"""#, expected: #"""
1> 20
2> alpha
3> beta
4> gamma
5> beta
6> beta
7> * 0: command not found
7> * x: command not found
7> * x: command not found
7> * -100: command not found
7> true
8> false
9> ** exception error: no function clause matching call to f/1
10> ** exception error: undefined shell command send/2
11> "prefix"
12> "fix"
13> *** Terminating erlang (nonode@nohost)
"""#),
        Transcript(name: "help_on_a_module", input: #"""
h(lists).
h(nosuchmod).
h(1).
"""#, expected: #"""
1> 
	lists

  There is no documentation for lists
ok
2> {error,non_existing}
3> ** exception error: no function clause matching code:get_doc(1) (code.erl, line 862)
     in function  c:h/1 (c.erl, line 167)
4> *** Terminating erlang (nonode@nohost)
"""#),
    ]
}

/// History references and shell commands behave as erl's.
@Suite("Shell command transcripts")
struct ShellCommandTranscriptTests {
    @Test(arguments: ShellCommandTranscripts.all)
    func matchesErl(_ t: Transcript) async {
        let printed = await transcript(t.input + "\n")
        #expect(printed.trimmingTrailingNewlines == t.expected)
    }
}
