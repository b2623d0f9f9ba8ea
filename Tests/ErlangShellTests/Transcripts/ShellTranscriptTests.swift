import Testing

/// Shell transcripts recorded from erl 25 (`erl < input`, banner dropped):
/// each case's input and exactly what erl printed for it.
struct Transcript: Sendable, CustomTestStringConvertible {
    let name: String
    let input: String
    let expected: String
    var testDescription: String { name }
}

/// The recorded transcripts.
enum RecordedTranscripts {
    static let all: [Transcript] = [
        Transcript(name: "io_lib_shapes", input: #"""
io_lib:write({a,"b"}).
io_lib:write(#{a => 1, b => [2]}).
io_lib:write(<<1,2,1:3>>).
io_lib:write([1|2]).
io_lib:write([a,b,c,d], 3).
io_lib:write(#{a => 1, b => 2}, 2).
io_lib:write(<<1,2,3,4>>, 2).
io_lib:print({a,"b"}).
io_lib:format("~5b|~.2f|~p", [10, 2.5, x]).
"""#, expected: #"""
1> [123,["a",44,[91,["98"],93]],125]
2> [35,123,
 [["a"," => ","1"],44,["b"," => ",[91,["2"],93]]],
 125]
3> [60,60,["1",44,"2",44,"1",58,"3"],62,62]
4> [91,["1",124,"2"],93]
5> [91,["a",44,"b",124,46,46,46],93]
6> [35,123,[["a"," => ","1"],44,46,46,46],125]
7> [60,60,["1",44,"..."],62,62]
8> [123,["a",44,"\"b\""],125]
9> [32,32,32,49,48,124,50,46,53,48,124,"x"]
10> *** Terminating erlang (nonode@nohost)
"""#),
        Transcript(name: "called_as", input: #"""
atom_to_list(lists:seq(1,40)).
io_lib:format("~b|~e|~g|~x|~#|~+|~c", [10, 1.5, 2.0, 255, "0x", 16, 255, 36, 36, $a]).
"""#, expected: #"""
1> ** exception error: bad argument
     in function  atom_to_list/1
        called as atom_to_list([1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,
                                19,20,21,22,23,24,25,26,27,28|...])
        *** argument 1: not an atom
2> ** exception error: bad argument
     in function  io_lib:format/2
        called as io_lib:format("~b|~e|~g|~x|~#|~+|~c",
                                [10,1.5,2.0,255,"0x",16,255,36,36,97])
3> *** Terminating erlang (nonode@nohost)
"""#),
        Transcript(name: "bindings_show_fun_source", input: #"""
Double = fun(X) -> X * 2 end.
Sign = fun(X) when X > 0 -> pos; (0) -> zero; (_) -> neg end.
Fact = fun Fact(0) -> 1; Fact(K) -> K * Fact(K - 1) end.
F = fun lists:reverse/1.
M = fun(A, B) -> Y = A + B, {Y, [A, B], "str", #{a => 1}} end.
N = 5, Add = fun(X) -> X + N end.
R = fun() -> receive X -> X after 100 -> timeout end end.
C = fun(X) -> case X of 1 -> a; _ -> b end end.
b().
h().
"""#, expected: #"""
1> #Fun<erl_eval.42.3316493>
2> #Fun<erl_eval.42.3316493>
3> #Fun<erl_eval.19.3316493>
4> fun lists:reverse/1
5> #Fun<erl_eval.41.3316493>
6> #Fun<erl_eval.42.3316493>
7> #Fun<erl_eval.43.3316493>
8> #Fun<erl_eval.42.3316493>
9> Add =
    fun(X) ->
           X + N
    end
C = fun(X) ->
           case X of
               1 ->
                   a;
               _ ->
                   b
           end
    end
Double =
    fun(X) ->
           X * 2
    end
F = fun lists:reverse/1
Fact =
    fun Fact(0) ->
            1;
        Fact(K) ->
            K * Fact(K - 1)
    end
M = fun(A, B) ->
           Y = A + B,
           {Y, [A, B], "str", #{a => 1}}
    end
N = 5
R = fun() ->
           receive
               X ->
                   X
           after
               100 -> timeout
           end
    end
Sign =
    fun(X) when X > 0 ->
           pos;
       (0) ->
           zero;
       (_) ->
           neg
    end
ok
10> 1: Double =
       fun(X) ->
              X * 2
       end
-> #Fun<erl_eval.42.3316493>
2: Sign =
       fun(X) when X > 0 ->
              pos;
          (0) ->
              zero;
          (_) ->
              neg
       end
-> #Fun<erl_eval.42.3316493>
3: Fact =
       fun Fact(0) ->
               1;
           Fact(K) ->
               K * Fact(K - 1)
       end
-> #Fun<erl_eval.19.3316493>
4: F = fun lists:reverse/1
-> fun lists:reverse/1
5: M = fun(A, B) ->
              Y = A + B,
              {Y, [A, B], "str", #{a => 1}}
       end
-> #Fun<erl_eval.41.3316493>
6: N = 5,
   Add =
       fun(X) ->
              X + N
       end
-> #Fun<erl_eval.42.3316493>
7: R = fun() ->
              receive
                  X ->
                      X
              after
                  100 -> timeout
              end
       end
-> #Fun<erl_eval.43.3316493>
8: C = fun(X) ->
              case X of
                  1 ->
                      a;
                  _ ->
                      b
              end
       end
-> #Fun<erl_eval.42.3316493>
9: b()
-> ok
ok
11> *** Terminating erlang (nonode@nohost)
"""#),
        Transcript(name: "history_layout", input: #"""
X = 2.
case X of 1 -> a; _ -> {b, c} end.
Y = case X of 2 -> ok end.
is_function(fun(A) -> A end).
if X > 2 -> a; true -> b end.
try X of Z -> Z catch error:E -> E end.
[Q * 2 || Q <- [1,2], Q > 1].
X > 1 andalso true.
(#{a => 1})#{a := 2}.
h().
"""#, expected: #"""
1> 2
2> {b,c}
3> ok
4> true
5> b
6> 2
7> [4]
8> true
9> #{a => 2}
10> 1: X = 2
-> 2
2: case X of
       1 ->
           a;
       _ ->
           {b, c}
   end
-> {b,c}
3: Y = case X of
           2 ->
               ok
       end
-> ok
4: is_function(fun(A) ->
                      A
               end)
-> true
5: if
       X > 2 ->
           a;
       true ->
           b
   end
-> b
6: try X of
       Z ->
           Z
   catch
       error:E ->
           E
   end
-> 2
7: [ 
    Q * 2 ||
        Q <- [1, 2],
        Q > 1
   ]
-> [4]
8: X > 1
   andalso
   true
-> true
9: (#{a => 1})#{a := 2}
-> #{a => 2}
ok
11> *** Terminating erlang (nonode@nohost)
"""#),
        Transcript(name: "stop", input: #"""
1.
q().
timer:sleep(2000).
2.
"""#, expected: #"""
1> 1
2> ok
3> 
"""#),
        Transcript(name: "unfinished", input: #"""
1.
5 +
"""#, expected: #"""
1> 1
2> * 1:3: syntax error before: 
2> *** Terminating erlang (nonode@nohost)
"""#),
        Transcript(name: "bindings", input: #"""
X = 1.
X = 2.
Y.
Y = X + 1, Z = Y * 10.
b().
f(Y).
b().
f().
b().
"""#, expected: #"""
1> 1
2> ** exception error: no match of right hand side value 2
3> * 1:1: variable 'Y' is unbound
4> 20
5> X = 1
Y = 2
Z = 20
ok
6> ok
7> X = 1
Z = 20
ok
8> ok
9> ok
10> *** Terminating erlang (nonode@nohost)
"""#),
        Transcript(name: "history", input: #"""
1 + 1.
X = 10.
v(2).
v(-1).
e(1).
h().
v(100).
history(2).
results(1).
h().
"""#, expected: #"""
1> 2
2> 10
3> 10
4> 10
5> 2
6> 1: 1 + 1
-> 2
2: X = 10
-> 10
3: v(2)
-> 10
4: v(3)
-> 10
5: 1 + 1
-> 2
ok
7> * 100: command not found
7> 20
8> 20
9> 7: history(2)
8: results(1)
-> 20
ok
10> *** Terminating erlang (nonode@nohost)
"""#),
        Transcript(name: "lines", input: #"""
X = 1. Y.
1 +
.
1 + 2. 3 + .
[1, 2.
X = 1 Y = 2.
"multi
line".
foo(
  Y).
"""#, expected: #"""
1> 1
2> * 1:1: variable 'Y' is unbound
3> * 2:1: syntax error before: '.'
3> 3
4> * 1:5: syntax error before: '.'
4> * 1:6: syntax error before: '.'
4> * 1:7: syntax error before: Y
4> "multi\nline"
5> * 2:3: variable 'Y' is unbound
6> *** Terminating erlang (nonode@nohost)
"""#),
        Transcript(name: "io_errors", input: #"""
io:format("~d",[a]).
io:format("~p ~p~n",[a]).
io:format("~s~n",[{a}]).
io:format(foo, "~p", [a]).
io:format(123).
io:format("~p", a).
io_lib:format("~p", [a,b]).
io:put_chars(a).
io:format("~f~n", [1]).
"""#, expected: #"""
1> ** exception error: bad argument
     in function  io:format/2
        called as io:format("~d",[a])
        *** argument 1: format string invalid (invalid control ~d)
2> ** exception error: bad argument
     in function  io:format/2
        called as io:format("~p ~p~n",[a])
        *** argument 1: wrong number of arguments
3> ** exception error: bad argument
     in function  io:format/2
        called as io:format("~s~n",[{a}])
        *** argument 2: element 1 must be of type string
4> ** exception error: bad argument
     in function  io:format/3
        called as io:format(foo,"~p",[a])
        *** argument 1: the device does not exist
5> ** exception error: bad argument
     in function  io:format/1
        called as io:format(123)
        *** argument 1: not a valid format string
6> ** exception error: bad argument
     in function  io:format/2
        called as io:format("~p",a)
        *** argument 2: not a list
7> ** exception error: bad argument
     in function  io_lib:format/2
        called as io_lib:format("~p",[a,b])
8> ** exception error: bad argument
     in function  io:put_chars/1
        called as io:put_chars(a)
        *** argument 1: not valid character data (an iodata term)
9> ** exception error: bad argument
     in function  io:format/2
        called as io:format("~f~n",[1])
        *** argument 2: element 1 must be of type float
10> *** Terminating erlang (nonode@nohost)
"""#),
        Transcript(name: "io_output", input: #"""
io:format("~5w|~-5w|~n", [ab, cd]).
io:put_chars("x").
io:nl().
io:write({a,"b"}).
io_lib:format("a~pb~n", [x]).
lists:flatten(io_lib:format("~4..0b", [7])).
io_lib:char_list("abc").
io:format("~ts~n", [[1000]]).
"""#, expected: #"""
1>    ab|cd   |
ok
2> xok
3> 
ok
4> {a,[98]}ok
5> [97,"x",98,10]
6> "0007"
7> true
8> \x{3E8}
ok
9> *** Terminating erlang (nonode@nohost)
"""#),
        Transcript(name: "exceptions", input: #"""
hd([]).
element(5, {a}).
undefined_local_fun(1).
(fun(A) -> A end)(1, 2).
list_to_integer("12x").
throw(my_ball).
exit(my_reason).
"""#, expected: #"""
1> ** exception error: bad argument
     in function  hd/1
        called as hd([])
        *** argument 1: not a nonempty list
2> ** exception error: bad argument
     in function  element/2
        called as element(5,{a})
        *** argument 1: out of range
3> ** exception error: undefined shell command undefined_local_fun/1
4> ** exception error: interpreted function with arity 1 called with two arguments
5> ** exception error: bad argument
     in function  list_to_integer/1
        called as list_to_integer("12x")
        *** argument 1: not a textual representation of an integer
6> ** exception throw: my_ball
7> ** exception exit: my_reason
8> *** Terminating erlang (nonode@nohost)
"""#),
        Transcript(name: "records", input: #"""
rd(person, {name, age = 0}).
P = #person{name = "Joe"}.
P#person.age.
rl().
rf().
P.
"""#, expected: #"""
1> person
2> #person{name = "Joe",age = 0}
3> 0
4> -record(person,{name, age = 0}).
ok
5> []
6> {person,"Joe",0}
7> *** Terminating erlang (nonode@nohost)
"""#),
        Transcript(name: "flush", input: #"""
self() ! hello, self() ! {a, 1}.
flush().
flush().
"""#, expected: #"""
1> {a,1}
2> Shell got hello
Shell got {a,1}
ok
3> ok
4> *** Terminating erlang (nonode@nohost)
"""#),
        Transcript(name: "evaluator", input: #"""
S = self(), ok.
1/0.
S == self().
catch_exception(true).
T = self(), ok.
exit(x).
T == self().
"""#, expected: #"""
1> ok
2> ** exception error: an error occurred when evaluating an arithmetic expression
     in operator  '/'/2
        called as 1 / 0
3> false
4> false
5> ok
6> * exception exit: x
7> true
8> *** Terminating erlang (nonode@nohost)
"""#),
    ]
}

/// The shell prints what erl prints for piped input.
@Suite("Shell transcripts")
struct ShellTranscriptTests {
    @Test(arguments: RecordedTranscripts.all)
    func matchesErl(_ t: Transcript) async {
        let printed = await transcript(t.input + "\n")
        #expect(printed.trimmingTrailingNewlines == t.expected)
    }
}

extension String {
    var trimmingTrailingNewlines: String {
        var s = Substring(self)
        while s.last == "\n" { s.removeLast() }
        return String(s)
    }
}
