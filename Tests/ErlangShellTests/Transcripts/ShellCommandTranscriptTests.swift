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
        // Commands and history references inside an expression: v/1 and
        // e/1 are resolved before anything runs (a miss, or a variable or
        // atom argument, is "command not found", which catch does not
        // catch); b() prints, f() and f(X) answer ok and forget nothing.
        Transcript(name: "commands_inside_expressions", input: #"""
X = 1.
case 1 of 1 -> f(Y) end.
{f(X), X}.
X.
Z = 2.
[b(), f()].
Z.
catch v(99).
catch v(1).
[v(1), v(-1)].
catch e(1).
begin e(1) end.
F = fun() -> v(1) end, F().
catch f(x).
V = 1, v(V).
catch e(foo).
"""#, expected: #"""
1> 1
2> ok
3> {ok,1}
4> 1
5> 2
6> X = 1
Z = 2
[ok,ok]
7> 2
8> * 99: command not found
8> 1
9> [1,1]
10> 1
11> 1
12> 1
13> {'EXIT',{function_clause,[{shell,f,1,[]}]}}
14> * V: command not found
14> * foo: command not found
14> *** Terminating erlang (nonode@nohost)
"""#),
        // v/1's argument is evaluated with no bindings (constant arithmetic
        // works, a variable does not, named as written); rd/2 refuses a
        // field named twice; shell_default:F() is an ordinary remote call.
        Transcript(name: "history_arguments_and_record_fields", input: #"""
1.
v(1+0).
A = 1.
v(A+0).
v(self()).
rd(bad, {a, b = 1, a}).
rd(ok2, {a, b}).
shell_default:foo().
nosuch(1).
"""#, expected: #"""
1> 1
2> 1
3> 1
4> * A + 0: command not found
4> * self(): command not found
4> ** exception exit: "field a already defined in record bad"
5> ok2
6> ** exception error: undefined function shell_default:foo/0
7> ** exception error: undefined shell command nosuch/1
8> *** Terminating erlang (nonode@nohost)
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
        Transcript(name: "c_help", input: #"""
c:help().
"""#, expected: #"""
1> bt(Pid)    -- stack backtrace for a process
c(Mod)     -- compile and load module or file <Mod>
cd(Dir)    -- change working directory
flush()    -- flush any messages sent to the shell
help()     -- help info
h(M)       -- module documentation
h(M,F)     -- module function documentation
h(M,F,A)   -- module function arity documentation
i()        -- information about the system
ni()       -- information about the networked system
i(X,Y,Z)   -- information about pid <X,Y,Z>
l(Module)  -- load or reload module
lm()       -- load all modified modules
lc([File]) -- compile a list of Erlang modules
ls()       -- list files in the current directory
ls(Dir)    -- list files in directory <Dir>
m()        -- which modules are loaded
m(Mod)     -- information about module <Mod>
mm()       -- list all modified modules
memory()   -- memory allocation information
memory(T)  -- memory allocation information of type <T>
nc(File)   -- compile and load code in <File> on all nodes
nl(Module) -- load module on all nodes
pid(X,Y,Z) -- convert X,Y,Z to a Pid
pwd()      -- print working directory
q()        -- quit - shorthand for init:stop()
regs()     -- information about registered processes
nregs()    -- information about all registered processes
uptime()   -- print node uptime
xm(M)      -- cross reference check a module
y(File)    -- generate a Yecc parser
ok
2> *** Terminating erlang (nonode@nohost)
"""#),
        Transcript(name: "results_of_failed_commands", input: #"""
X = 1.
{ok, Y} = {error, 2}.
v(2).
Z.
v(4).
e(2).
f(X).
e(1).
history(2).
h().
results(0).
5.
v(-1).
h().
exit(foo).
v(15).
throw(x).
v(17).
"""#, expected: #"""
1> 1
2> ** exception error: no match of right hand side value {error,2}
3> {'EXIT',{{badmatch,{error,2}},
         [{erl_eval,expr,6,[{file,"erl_eval.erl"},{line,496}]},
          {shell,exprs,7,[{file,"shell.erl"},{line,691}]},
          {shell,eval_exprs,7,[{file,"shell.erl"},{line,647}]},
          {shell,eval_loop,3,[{file,"shell.erl"},{line,632}]}]}}
4> * 1:1: variable 'Z' is unbound
5> {'EXIT',{unbound_var,'Z'}}
6> ** exception error: no match of right hand side value {error,2}
7> ok
8> 1
9> 20
10> 8: X = 1
-> 1
9: history(2)
-> 20
ok
11> 20
12> 5
13> * -1: command not found
13> 11: results(0)
12: 5
ok
14> ** exception exit: foo
15> * 15: command not found
15> ** exception throw: x
16> * 17: command not found
16> *** Terminating erlang (nonode@nohost)
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
