import Foundation
import Testing

/// The shell's record commands, recorded from erl 25 (`erl < input` in a
/// directory holding the examples, banner dropped): `rr/1,2` reads a
/// compiled module's or a source file's records, after which values print
/// as records and record syntax works in funs; `rl` prints definitions
/// with their field types; `rf` forgets; `record_info/2` and `is_record/2`
/// expand with the shell's records, and errors point where erl points.
enum RecordCommandTranscripts {
    static let all: [Transcript] = [
        Transcript(name: "rr_rl_rf", input: #"""
c("EXAMPLES/greeter").
rr(greeter).
rl().
{ok, _} = greeter:start_link(), ok.
sys:get_state(greeter).
sys:replace_state(greeter, fun(S) -> S#state{count = 100} end).
greeter:get_count().
rf(state).
sys:get_state(greeter).
rr("EXAMPLES/greeter.erl", nosuch).
rr("EXAMPLES/*.erl").
rl(state).
rf().
rl().
rr(lists).
rr(nosuchmod).
rr({a}).
rd(r, {a, b = 2}).
record_info(fields, r).
record_info(size, r).
F = fun() -> record_info(size, r) end, F().
is_record({r, 1, 2}, r).
is_record({r, 1}, r).
is_record(x, zz).
erlang:is_record({zz}, zz).
record_info(fields, zz).
record_info(foo, r).
X = 1, #nothere{}.
#r{nofield = 1}.
U#nope.x.
rd(s, {x = {1,2}, y = [a, b], z = "str"}).
rl(s).
rd(long, {aaaaaaaaaaaaaaaaaaaa = 1, bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb = 2}).
rl(long).
{x} = #r{a = lists:seq(1,30)}.
"""#, expected: #"""
1> {ok,greeter}
2> [state]
3> -record(state,{count :: integer()}).
ok
4> ok
5> #state{count = 0}
6> #state{count = 100}
7> {ok,100}
8> ok
9> {state,100}
10> []
11> [state]
12> -record(state,{count :: integer()}).
ok
13> []
14> ok
15> []
16> {error,nofile}
17> {error,invalid_filename}
18> r
19> [a,b]
20> 3
21> 3
22> true
23> false
24> * 1:14: record zz undefined
25> * 1:24: record zz undefined
26> * 1:1: record zz undefined
27> * 1:13: illegal record info
28> * 1:8: record nothere undefined
29> * 1:4: field nofield undefined in record r
30> * 1:1: variable 'U' is unbound
31> s
32> -record(s,{x = {1, 2}, y = [a, b], z = "str"}).
ok
33> long
34> -record(long,{aaaaaaaaaaaaaaaaaaaa = 1,
              bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb = 2}).
ok
35> ** exception error: no match of right hand side value 
                    #r{a = [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,
                            20,21,22,23,24,25,26,27|...],
                       b = 2}
36> *** Terminating erlang (nonode@nohost)
"""#),
    ]
}

/// Record commands print what erl prints.
@Suite("Record commands")
struct RecordCommandTests {
    @Test(arguments: RecordCommandTranscripts.all)
    func matchesErl(_ t: Transcript) async {
        let input = t.input.replacingOccurrences(of: "EXAMPLES/", with: SwerlBinary.examples.path + "/")
        let printed = await transcript(input + "\n")
        #expect(printed.trimmingTrailingNewlines == t.expected)
    }
}
