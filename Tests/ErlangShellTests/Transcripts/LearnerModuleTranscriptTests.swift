import Testing

/// Shell transcripts of the learner modules (queue, dict, gb_trees, orddict,
/// calendar, sort order, c/1 of a missing file), recorded from erl 25
/// (`erl < input`, banner dropped): results and erl's error lines, with
/// `called as` arguments laid out as one list (erl_error's `pp_arguments`).
@Suite struct LearnerModuleTranscriptTests {
    static let input = #"""
Q = queue:from_list([1,2,3]).
queue:len(a).
queue:get(queue:new()).
queue:filter(fun(X) -> X end, Q).
D = dict:store(k, v, dict:new()).
dict:fetch(z, D).
G = gb_trees:insert(b, 2, gb_trees:insert(a, 1, gb_trees:empty())).
gb_trees:insert(a, 1, G).
orddict:fetch(z, [{a,1}]).
lists:sort([2,1.0,1,2.0,0]).
erlang:module_loaded("x").
calendar:is_leap_year(a).
calendar:day_of_the_week(2024, 13, 1).
c("nosuch.erl").
dict:update(z, fun(X) -> X end, D).
atom_to_list(97).
lists:foldl(fun(X) -> X end, 0, [1]).
"""#

    static let expected = #"""
1> {[3,2],[1]}
2> ** exception error: bad argument
     in function  queue:len/1
        called as queue:len(a)
3> ** exception error: empty
     in function  queue:get/1
        called as queue:get({[],[]})
4> ** exception error: no case clause matching 1
     in function  queue:filter_f/2 (queue.erl, line 374)
     in call from queue:filter/2 (queue.erl, line 358)
5> {dict,1,16,16,8,80,48,
      {[],[],[],[],[],[],[],[],[],[],[],[],[],[],[],[]},
      {{[],[],[],[],[],[],[],[],[],[],[],[[k|v]],[],[],[],[]}}}
6> ** exception error: bad argument
     in function  dict:fetch/2
        called as dict:fetch(z,
                             {dict,1,16,16,8,80,48,
                                   {[],[],[],[],[],[],[],[],[],[],[],[],[],[],
                                    [],[]},
                                   {{[],[],[],[],[],[],[],[],[],[],[],
                                     [[k|v]],
                                     [],[],[],[]}}})
7> {2,{a,1,nil,{b,2,nil,nil}}}
8> ** exception error: {key_exists,a}
     in function  gb_trees:insert_1/4 (gb_trees.erl, line 319)
     in call from gb_trees:insert/3 (gb_trees.erl, line 278)
9> ** exception error: no function clause matching orddict:fetch(z,[]) (orddict.erl, line 80)
10> [0,1,1.0,2.0,2]
11> ** exception error: bad argument
     in function  module_loaded/1
        called as module_loaded("x")
        *** argument 1: not an atom
12> ** exception error: no function clause matching 
                    calendar:is_leap_year(a) (calendar.erl, line 201)
13> ** exception error: no function clause matching 
                    calendar:last_day_of_the_month1(2024,13) (calendar.erl, line 261)
     in function  calendar:date_to_gregorian_days/3 (calendar.erl, line 133)
     in call from calendar:day_of_the_week/3 (calendar.erl, line 169)
14> nosuch.erl: no such file or directory
error
15> ** exception error: bad argument
     in function  dict:update/3
        called as dict:update(z,#Fun<erl_eval.42.3316493>,
                              {dict,1,16,16,8,80,48,
                                    {[],[],[],[],[],[],[],[],[],[],[],[],[],
                                     [],[],[]},
                                    {{[],[],[],[],[],[],[],[],[],[],[],
                                      [[k|v]],
                                      [],[],[],[]}}})
16> ** exception error: bad argument
     in function  atom_to_list/1
        called as atom_to_list(97)
        *** argument 1: not an atom
17> ** exception error: no function clause matching 
                    lists:foldl(#Fun<erl_eval.42.3316493>,0,[1]) (lists.erl, line 1348)
18> *** Terminating erlang (nonode@nohost)
"""#

    @Test func matchesErl() async {
        let printed = await transcript(Self.input + "\n")
        #expect(printed.trimmingTrailingNewlines == Self.expected)
    }
}
