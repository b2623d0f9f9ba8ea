import Foundation
import Testing

/// logger and error_logger reports as erl 25 prints them with its default
/// configuration (transcript recorded from `erl`, timestamps replaced by T):
/// report lists and maps one `Key: Value` line each (strings as text, other
/// elements with ~tp), error_logger's typed reports only for std_* types,
/// info events at notice, and the primary level silencing error_logger too.
@Suite("Logger reports")
struct LoggerTranscriptTests {
    static let input = #"""
error_logger:error_report([{a, 1}, plain, "str"]).
error_logger:error_report([{a, "str"}, {b, <<"bin">>}, {c, [1,2]}, {dd, {x, "y"}}, "text", 42, {1,2,3}]).
logger:error(#{user => "bob", b => <<"bin">>, l => [1,2], t => {x, "y"}, e => "", u => "héllo"}).
logger:error([{user, "bob"}, {n, 1}]).
logger:error([{user, "bob"}, plain]).
error_logger:error_report("just text").
error_logger:error_report(["a", "b"]).
error_logger:error_report({a, b}).
error_logger:error_report([]).
error_logger:error_report(#{a => 1}).
error_logger:info_report(progress, [{x, 1}]).
error_logger:warning_report(w, [{x, 1}]).
error_logger:info_report(std_info, [{x, 1}]).
error_logger:error_report(std_error, [{x, 1}]).
error_logger:warning_report(std_warning, [{x, 1}]).
logger:error(#{a => [{b, 1}]}).
logger:error([{a, #{b => 1}}]).
logger:error(#{long => lists:seq(1, 40)}).
logger:set_primary_config(level, error).
error_logger:warning_msg("suppressed~n").
error_logger:info_report(x).
error_logger:error_msg("shown~n").
logger:get_primary_config().
logger:set_primary_config(level, all).
logger:get_primary_config().
logger:set_primary_config(level, bad).
logger:set_primary_config(foo, bar).
logger:set_primary_config(level, none).
logger:error("x").
"""#

    static let expected = #"""
1> =ERROR REPORT==== T ===
    a: 1
    plain
    "str"
ok
2> =ERROR REPORT==== T ===
    a: str
    b: <<"bin">>
    c: [1,2]
    dd: {x,"y"}
    "text"
    42
    {1,2,3}
ok
3> =ERROR REPORT==== T ===
    b: <<"bin">>
    e: []
    l: [1,2]
    t: {x,"y"}
    u: héllo
    user: bob
ok
4> =ERROR REPORT==== T ===
    user: bob
    n: 1
ok
5> =ERROR REPORT==== T ===
    user: bob
    plain
ok
6> =ERROR REPORT==== T ===
just text
ok
7> =ERROR REPORT==== T ===
ab
ok
8> =ERROR REPORT==== T ===
{a,b}
ok
9> =ERROR REPORT==== T ===
[]
ok
10> =ERROR REPORT==== T ===
#{a => 1}

ok
11> ok
12> ok
13> =INFO REPORT==== T ===
    x: 1
ok
14> =ERROR REPORT==== T ===
    x: 1
ok
15> =WARNING REPORT==== T ===
    x: 1
ok
16> =ERROR REPORT==== T ===
    a: [{b,1}]
ok
17> =ERROR REPORT==== T ===
    a: #{b => 1}
ok
18> =ERROR REPORT==== T ===
    long: [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,
           26,27,28,29,30,31,32,33,34,35,36,37,38,39,40]
ok
19> ok
20> ok
21> ok
22> =ERROR REPORT==== T ===
shown

ok
23> #{filter_default => log,filters => [],level => error,
  metadata => #{}}
24> ok
25> #{filter_default => log,filters => [],level => all,
  metadata => #{}}
26> {error,{invalid_level,bad}}
27> {error,{invalid_primary_config,{foo,bar}}}
28> ok
29> ok
30> *** Terminating erlang (nonode@nohost)
"""#

    @Test func reportsPrintAsInErl() async {
        let printed = await transcript(Self.input + "\n")
        let untimed = printed.replacingOccurrences(of: #"REPORT==== [^\n]* ==="#, with: "REPORT==== T ===",
                                                   options: .regularExpression)
        #expect(untimed.trimmingTrailingNewlines == Self.expected)
    }
}
