import Testing

/// Transcripts recorded from erl 25 (`erl < input`, banner dropped) for
/// source written back by `h()` and `rl()`: a string segment of a binary
/// stays a string (`<<"yz"/utf8>>`), `rd/2` stores a default that
/// creates a known record as the record's tuple, and a command wider than
/// erl_pp's 72 columns is broken (runs of single tokens packed).
enum SourceTextTranscripts {
    static let all: [Transcript] = [
        Transcript(name: "binary_strings_and_record_defaults", input: #"""
T = {tuple, "with", <<"bin">>}.
B = <<"x", 1, "yz"/utf8, $a:8>>.
rd(item, {name, qty = 1}).
rd(nest, {inner = #item{}, pair = {#item{name = "n"}, [#item{qty = 2}]}}).
h().
rl(nest).
"""#, expected: #"""
1> {tuple,"with",<<"bin">>}
2> <<120,1,121,122,97>>
3> item
4> nest
5> 1: T = {tuple, "with", <<"bin">>}
-> {tuple,"with",<<"bin">>}
2: B = <<"x",1,"yz"/utf8,$a:8>>
-> <<120,1,121,122,97>>
3: rd(item, {name, qty = 1})
-> item
4: rd(nest,
      {inner = #item{}, pair = {#item{name = "n"}, [#item{qty = 2}]}})
-> nest
ok
6> -record(nest,{inner = {item, undefined, 1},
              pair = {{item, "n", 1}, [{item, undefined, 2}]}}).
ok
7> *** Terminating erlang (nonode@nohost)
"""#),
        Transcript(name: "history_lines_broken_at_erl_pp_width", input: #"""
Words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota"].
Nums = lists:sum([100000, 200000, 300000, 400000, 500000, 600000, 700000, 800000, 900000]).
M = #{name => "a fairly long name value", role => administrator, level => 42}.
T = {record_like, "first string field", 'second atom field', 3.14159, [a, b]}.
LongVariableName = [alpha, beta, gamma, delta, epsilon, zeta, eta, theta, iota, kappa, lambda].
X = {some_tuple, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], {nested, tuple, with, many, atoms, here}}.
io:format("~p ~p ~p~n", [first_argument_atom, second_argument_atom, third_argument_atom]).
{ok, Value} = {ok, [{key_one, value_one}, {key_two, value_two}, {key_three, value_three}]}.
#{alpha => 1, beta => 2, gamma => 3, delta => 4, epsilon => 5, zeta => 6, eta => 7, theta => 8}.
h().
"""#, expected: #"""
1> ["alpha","beta","gamma","delta","epsilon","zeta","eta",
 "theta","iota"]
2> 4500000
3> #{level => 42,name => "a fairly long name value",
  role => administrator}
4> {record_like,"first string field",'second atom field',
             3.14159,
             [a,b]}
5> [alpha,beta,gamma,delta,epsilon,zeta,eta,theta,iota,kappa,
 lambda]
6> {some_tuple,[1,2,3,4,5,6,7,8,9,10],
            {nested,tuple,with,many,atoms,here}}
7> first_argument_atom second_argument_atom third_argument_atom
ok
8> {ok,[{key_one,value_one},
     {key_two,value_two},
     {key_three,value_three}]}
9> #{alpha => 1,beta => 2,delta => 4,epsilon => 5,eta => 7,
  gamma => 3,theta => 8,zeta => 6}
10> 1: Words =
       ["alpha",
        "beta",
        "gamma",
        "delta",
        "epsilon",
        "zeta",
        "eta",
        "theta",
        "iota"]
-> ["alpha","beta","gamma","delta","epsilon","zeta","eta",
    "theta","iota"]
2: Nums =
       lists:sum([100000, 200000, 300000, 400000, 500000, 600000,
                  700000, 800000, 900000])
-> 4500000
3: M = #{name => "a fairly long name value",
         role => administrator,
         level => 42}
-> #{level => 42,name => "a fairly long name value",
     role => administrator}
4: T = {record_like,
        "first string field",
        'second atom field', 3.14159,
        [a, b]}
-> {record_like,"first string field",'second atom field',
                3.14159,
                [a,b]}
5: LongVariableName =
       [alpha, beta, gamma, delta, epsilon, zeta, eta, theta, iota,
        kappa, lambda]
-> [alpha,beta,gamma,delta,epsilon,zeta,eta,theta,iota,kappa,
    lambda]
6: X = {some_tuple,
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
        {nested, tuple, with, many, atoms, here}}
-> {some_tuple,[1,2,3,4,5,6,7,8,9,10],
               {nested,tuple,with,many,atoms,here}}
7: io:format("~p ~p ~p~n",
             [first_argument_atom, second_argument_atom,
              third_argument_atom])
-> ok
8: {ok, Value} =
       {ok,
        [{key_one, value_one},
         {key_two, value_two},
         {key_three, value_three}]}
-> {ok,[{key_one,value_one},
        {key_two,value_two},
        {key_three,value_three}]}
9: #{alpha => 1,
     beta => 2,
     gamma => 3,
     delta => 4,
     epsilon => 5,
     zeta => 6,
     eta => 7,
     theta => 8}
-> #{alpha => 1,beta => 2,delta => 4,epsilon => 5,eta => 7,
     gamma => 3,theta => 8,zeta => 6}
ok
11> *** Terminating erlang (nonode@nohost)
"""#),
        Transcript(name: "try_layout", input: #"""
try ok catch _ -> b end.
try ok of ok -> a catch _ -> b end.
try ok after ok end.
try lists:seq(1,3) of [1|_] -> yes; _ -> no after io:format("") end.
h().
"""#, expected: #"""
1> ok
2> a
3> ok
4> yes
5> 1: try
       ok
   catch
       throw:_ ->
           b
   end
-> ok
2: try ok of
       ok ->
           a
   catch
       throw:_ ->
           b
   end
-> a
3: try ok after ok end
-> ok
4: try lists:seq(1, 3) of
       [1 | _] ->
           yes;
       _ ->
           no
   after
       io:format("")
   end
-> yes
ok
6> *** Terminating erlang (nonode@nohost)
"""#),
        Transcript(name: "receive_after_and_list_tails", input: #"""
R = receive after 10 -> timeout end.
receive after 0 -> a, b end.
L = [1 | [2, 3]].
[a | [b | c]].
[x | "yz"].
try a, b after ok end.
try a after ok, ok end.
h().
"""#, expected: #"""
1> timeout
2> b
3> [1,2,3]
4> [a,b|c]
5> [x,121,122]
6> b
7> a
8> 1: R = receive after 10 -> timeout end
-> timeout
2: receive
   after
       0 ->
           a,
           b
   end
-> b
3: L = [1, 2, 3]
-> [1,2,3]
4: [a, b | c]
-> [a,b|c]
5: [x | "yz"]
-> [x,121,122]
6: try
       a,
       b
   after
       ok
   end
-> b
7: try
       a
   after
       ok,
       ok
   end
-> a
ok
9> *** Terminating erlang (nonode@nohost)
"""#),
        Transcript(name: "long_strings_cut_into_pieces", input: #"""
"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".
Xy = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb".
io:format("cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc~n").
S = "a rather long string literal that will not fit on one line of the history listing".
{"tab\there and more text to fill up the line so it wraps around", x}.
h().
"""#, expected: #"""
1> "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
2> "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
3> cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc
ok
4> "a rather long string literal that will not fit on one line of the history listing"
5> {"tab\there and more text to fill up the line so it wraps around",
 x}
6> 1: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
   "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
   "aaaaaaaaaaaaaaaa"
-> "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
2: Xy =
       "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
       "bbbbbbbbbbbbbbbbbbbbbbb"
-> "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
3: io:format("ccccccccccccccccccccccccccccccccccccccccccccccccccccccccc"
             "ccccccccccccc~n")
-> ok
4: S = "a rather long string literal that will not fit on one line of t"
       "he history listing"
-> "a rather long string literal that will not fit on one line of the history listing"
5: {"tab\there and more text to fill up the line so it wraps around", x}
-> {"tab\there and more text to fill up the line so it wraps around",
    x}
ok
7> *** Terminating erlang (nonode@nohost)
"""#),
        Transcript(name: "long_operator_chains_broken", input: #"""
1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10 + 11 + 12 + 13 + 14 + 15 + 16 + 17 + 18 + 19 + 20 + 21.
"some long string literal number one here" ++ "another long string literal two".
A = lists:seq(1, 10) ++ lists:seq(11, 20) ++ lists:seq(21, 30) ++ lists:seq(31, 40) ++ [x].
h().
"""#, expected: #"""
1> 231
2> "some long string literal number one hereanother long string literal two"
3> [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,
 23,24,25,26,27,28,29|...]
4> 1: 1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10 + 11 + 12 + 13 + 14 + 15 + 16
   +
   17
   +
   18
   +
   19
   +
   20
   +
   21
-> 231
2: "some long string literal number one here"
   ++
   "another long string literal two"
-> "some long string literal number one hereanother long string literal two"
3: A = lists:seq(1, 10)
       ++
       lists:seq(11, 20)
       ++
       lists:seq(21, 30) ++ lists:seq(31, 40) ++ [x]
-> [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,
    23,24,25,26,27,28,29|...]
ok
5> *** Terminating erlang (nonode@nohost)
"""#),
        Transcript(name: "long_records_and_map_updates_broken", input: #"""
rd(person, {name, age, email, address}).
P = #person{name = "Alexander Hamilton", age = 47, email = "alex@example.com", address = "NYC"}.
P#person{name = "Aaron Burr the third of his name", age = 48, email = "aaron@example.com"}.
M = #{first_key => "first value string", second_key => "second value string", third => 3}.
M#{first_key := "updated first value string", second_key := "updated second value"}.
[{Key, Value} || {Key, Value} <- maps:to_list(M), is_list(Value), length(Value) > 10].
case maps:get(first_key, M) of "first value string" -> matched_first; _ -> something_else end.
F = fun(Alpha, Beta) -> {Alpha, Beta, some_really_long_atom_name, another_really_long_atom} end.
h().
"""#, expected: #"""
1> person
2> #person{name = "Alexander Hamilton",age = 47,
        email = "alex@example.com",address = "NYC"}
3> #person{name = "Aaron Burr the third of his name",age = 48,
        email = "aaron@example.com",address = "NYC"}
4> #{first_key => "first value string",
  second_key => "second value string",third => 3}
5> #{first_key => "updated first value string",
  second_key => "updated second value",third => 3}
6> [{first_key,"first value string"},
 {second_key,"second value string"}]
7> matched_first
8> #Fun<erl_eval.41.3316493>
9> 1: rd(person, {name, age, email, address})
-> person
2: P = #person{name = "Alexander Hamilton",
               age = 47,
               email = "alex@example.com",
               address = "NYC"}
-> #person{name = "Alexander Hamilton",age = 47,
           email = "alex@example.com",address = "NYC"}
3: P#person{name = "Aaron Burr the third of his name",
            age = 48,
            email = "aaron@example.com"}
-> #person{name = "Aaron Burr the third of his name",age = 48,
           email = "aaron@example.com",address = "NYC"}
4: M = #{first_key => "first value string",
         second_key => "second value string",
         third => 3}
-> #{first_key => "first value string",
     second_key => "second value string",third => 3}
5: M#{first_key := "updated first value string",
      second_key := "updated second value"}
-> #{first_key => "updated first value string",
     second_key => "updated second value",third => 3}
6: [ 
    {Key, Value} ||
        {Key, Value} <- maps:to_list(M),
        is_list(Value),
        length(Value) > 10
   ]
-> [{first_key,"first value string"},
    {second_key,"second value string"}]
7: case maps:get(first_key, M) of
       "first value string" ->
           matched_first;
       _ ->
           something_else
   end
-> matched_first
8: F = fun(Alpha, Beta) ->
              {Alpha, Beta, some_really_long_atom_name,
               another_really_long_atom}
       end
-> #Fun<erl_eval.41.3316493>
ok
10> *** Terminating erlang (nonode@nohost)
"""#),
        Transcript(name: "auto_imported_bifs_written_bare", input: #"""
Long = fun(Configuration, Environment) -> lists:keyfind(Configuration, 1, Environment) end.
Pick = fun({ok, Value}) -> Value; ({error, Reason}) -> erlang:error({unexpected_error_reason, Reason}) end.
W = fun() -> io:format("this is a rather long format string for output ~p~n", [some_argument]) end.
b().
erlang:length([1]).
erlang:abs(-1).
erlang:phash2(a) > 0.
erlang:self() =:= self().
erlang:system_time() > 0.
erlang:element(1, {a}).
erlang:is_atom(a).
b().
h().
"""#, expected: #"""
1> #Fun<erl_eval.41.3316493>
2> #Fun<erl_eval.42.3316493>
3> #Fun<erl_eval.43.3316493>
4> Long =
    fun(Configuration, Environment) ->
           lists:keyfind(Configuration, 1, Environment)
    end
Pick =
    fun({ok, Value}) ->
           Value;
       ({error, Reason}) ->
           error({unexpected_error_reason, Reason})
    end
W = fun() ->
           io:format("this is a rather long format string for output ~p"
                     "~n",
                     [some_argument])
    end
ok
5> 1
6> 1
7> true
8> true
9> true
10> a
11> true
12> Long =
    fun(Configuration, Environment) ->
           lists:keyfind(Configuration, 1, Environment)
    end
Pick =
    fun({ok, Value}) ->
           Value;
       ({error, Reason}) ->
           error({unexpected_error_reason, Reason})
    end
W = fun() ->
           io:format("this is a rather long format string for output ~p"
                     "~n",
                     [some_argument])
    end
ok
13> 1: Long =
       fun(Configuration, Environment) ->
              lists:keyfind(Configuration, 1, Environment)
       end
-> #Fun<erl_eval.41.3316493>
2: Pick =
       fun({ok, Value}) ->
              Value;
          ({error, Reason}) ->
              error({unexpected_error_reason, Reason})
       end
-> #Fun<erl_eval.42.3316493>
3: W = fun() ->
              io:format("this is a rather long format string for output"
                        " ~p~n",
                        [some_argument])
       end
-> #Fun<erl_eval.43.3316493>
4: b()
-> ok
5: length([1])
-> 1
6: abs(-1)
-> 1
7: erlang:phash2(a) > 0
-> true
8: self() =:= self()
-> true
9: erlang:system_time() > 0
-> true
10: element(1, {a})
-> a
11: is_atom(a)
-> true
12: b()
-> ok
ok
14> *** Terminating erlang (nonode@nohost)
"""#),
    ]
}

/// `h()` and `rl()` write source back as erl does.
@Suite("Source text transcripts")
struct SourceTextTranscriptTests {
    @Test(arguments: SourceTextTranscripts.all)
    func matchesErl(_ t: Transcript) async {
        let printed = await transcript(t.input + "\n")
        #expect(printed.trimmingTrailingNewlines == t.expected)
    }
}
