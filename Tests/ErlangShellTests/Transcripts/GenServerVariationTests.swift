import Foundation
import Testing

/// gen_server behaviours found by varying the conformance corpus's
/// gen_server sessions, each a transcript recorded from erl 25
/// (`erl < input`, banner dropped). The modules are written to a fresh
/// directory and compiled with `c/1`; blocks are compared as
/// `ReportText.blocks(_:stripStacks:)` says.
enum GenServerVariations {
    /// A server that traps exits, started linked to the shell.
    static let trapper = #"""
-module(trapper).
-behaviour(gen_server).
-export([start_link/0, init/1, handle_call/3, handle_cast/2, terminate/2]).

start_link() -> gen_server:start_link(?MODULE, [], []).

init([]) -> process_flag(trap_exit, true), {ok, idle}.

handle_call(_, _, S) -> {reply, S, S}.

handle_cast(_, S) -> {noreply, S}.

terminate(R, _) -> io:format("trapper: terminate ~p~n", [R]).
"""#

    /// A proc_lib process that becomes a server with `enter_loop/4`,
    /// registered first or not.
    static let entering = #"""
-module(entering).
-export([start/1, init/2, handle_call/3, handle_cast/2]).

start(Register) -> proc_lib:start(?MODULE, init, [self(), Register]).

init(Parent, Register) ->
    case Register of true -> register(entering, self()); false -> ok end,
    proc_lib:init_ack(Parent, {ok, self()}),
    gen_server:enter_loop(?MODULE, [], 0, {local, entering}).

handle_call(get, _, N) -> {reply, N + 1, N + 1}.

handle_cast(_, N) -> {noreply, N}.
"""#

    /// `enter_loop` with a name checks that the process holds it (the
    /// process registers itself); without the name it exits with
    /// `process_not_registered`.
    static let enterLoop = Transcript(name: "enter_loop_name", input: #"""
c("$DIR/entering").
{ok, P} = entering:start(true).
gen_server:call(entering, get).
gen_server:stop(entering).
{ok, Q} = entering:start(false), timer:sleep(100).
is_process_alive(Q).
"""#, expected: #"""
1> {ok,entering}
2> {ok,<0.88.0>}
3> 1
4> ok
5> =CRASH REPORT==== 4-Dec-2026::14:28:27.826949 ===
  crasher:
    initial call: entering:init/2
    pid: <0.92.0>
    registered_name: []
    exception exit: process_not_registered
      in function  gen:get_proc_name/1 (gen.erl, line 654)
      in call from gen_server:enter_loop/5 (gen_server.erl, line 782)
    ancestors: [<0.81.0>]
    message_queue_len: 0
    messages: []
    links: []
    dictionary: []
    trap_exit: false
    status: running
    heap_size: 233
    stack_size: 28
    reductions: 143
  neighbours:

ok
6> false
7> *** Terminating erlang (nonode@nohost)
"""#)

    /// A registered server that divides by what a call gives it.
    static let divider = #"""
-module(divider).
-behaviour(gen_server).
-export([start/0, init/1, handle_call/3, handle_cast/2]).

start() -> gen_server:start({local, divider}, ?MODULE, [], []).

init([]) -> {ok, 10}.

handle_call({divide, N}, _From, S) -> {reply, S div N, S}.

handle_cast(_, S) -> {noreply, S}.
"""#

    /// The error report names a registered client by its name; a process
    /// proc_lib did not start cannot enter a server loop.
    static let registeredClient = Transcript(name: "registered_client", input: #"""
c("$DIR/divider").
divider:start().
register(me, self()), catch gen_server:call(divider, {divide, 0}), timer:sleep(150).
catch gen_server:enter_loop(divider, [], 0).
"""#, expected: #"""
1> {ok,divider}
2> {ok,<0.88.0>}
3> =ERROR REPORT==== 5-Dec-2026::09:37:27.994695 ===
** Generic server divider terminating 
** Last message in was {divide,0}
** When Server state == 10
** Reason for termination ==
** {badarith,[{erlang,'div',
                      [10,0],
                      [{error_info,#{module => erl_erts_errors}}]},
              {divider,handle_call,3,[{file,"$DIR/divider.erl"},{line,9}]},
              {gen_server,try_handle_call,4,
                          [{file,"gen_server.erl"},{line,1149}]},
              {gen_server,handle_msg,6,[{file,"gen_server.erl"},{line,1178}]},
              {proc_lib,init_p_do_apply,3,
                        [{file,"proc_lib.erl"},{line,240}]}]}
** Client me stacktrace
** [{gen,do_call,4,[{file,"gen.erl"},{line,256}]},
    {gen_server,call,2,[{file,"gen_server.erl"},{line,366}]},
    {erl_eval,do_apply,7,[{file,"erl_eval.erl"},{line,748}]},
    {erl_eval,expr,6,[{file,"erl_eval.erl"},{line,480}]},
    {shell,exprs,7,[{file,"shell.erl"},{line,691}]},
    {shell,eval_exprs,7,[{file,"shell.erl"},{line,647}]},
    {shell,eval_loop,3,[{file,"shell.erl"},{line,632}]}]

=CRASH REPORT==== 5-Dec-2026::09:37:28.003769 ===
  crasher:
    initial call: divider:init/1
    pid: <0.88.0>
    registered_name: divider
    exception error: an error occurred when evaluating an arithmetic expression
      in operator  div/2
         called as 10 div 0
      in call from divider:handle_call/3 ($DIR/divider.erl, line 9)
      in call from gen_server:try_handle_call/4 (gen_server.erl, line 1149)
      in call from gen_server:handle_msg/6 (gen_server.erl, line 1178)
    ancestors: [<0.81.0>]
    message_queue_len: 0
    messages: []
    links: []
    dictionary: []
    trap_exit: false
    status: running
    heap_size: 376
    stack_size: 28
    reductions: 10280
  neighbours:

ok
4> {'EXIT',process_was_not_started_by_proc_lib}
5> *** Terminating erlang (nonode@nohost)
"""#)

    /// A start timeout that is no timeout fails the starter's wait (the
    /// server starts); bad arguments meet gen_server's and gen's clauses.
    static let badArguments = Transcript(name: "bad_arguments", input: #"""
c("$DIR/divider").
{'EXIT', {R, _}} = (catch gen_server:start({local, divider}, divider, [], [{timeout, -5}])), R.
whereis(divider) =/= undefined.
gen_server:abcast(123, x).
gen_server:abcast([node()], "name", x).
gen_server:multi_call(node(), s, x).
gen_server:multi_call([node()], s, x, -1).
gen_server:reply(notafrom, x).
gen_server:reply({self(), tag}, x).
gen_server:wait_response(notaref, 10).
"""#, expected: #"""
1> {ok,divider}
2> timeout_value
3> true
4> ** exception error: no function clause matching gen_server:abcast(123,x) (gen_server.erl, line 612)
5> ** exception error: no function clause matching 
                    gen_server:abcast([nonode@nohost],"name",x) (gen_server.erl, line 622)
6> ** exception error: no function clause matching 
                    gen_server:multi_call(nonode@nohost,s,x) (gen_server.erl, line 664)
7> ** exception error: no function clause matching 
                    gen_server:multi_call([nonode@nohost],s,x,-1) (gen_server.erl, line 679)
8> ** exception error: no function clause matching gen:reply(notafrom,x) (gen.erl, line 532)
9> ok
10> timeout
11> *** Terminating erlang (nonode@nohost)
"""#)

    /// A `{via, Module, Name}` registry that prints each call it gets: the
    /// variant corpus's `reg.erl` (`Tests/conformance-variants/modules`).
    static let registry: String = {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../conformance-variants/modules/reg.erl").standardized
        return (try? String(contentsOf: file, encoding: .utf8)) ?? ""
    }()

    /// A start looks a name up before it spawns (gen:start/6), and a
    /// `via` lookup that fails is the call's or the start's failure.
    static let viaNames = Transcript(name: "via_names", input: #"""
c("$DIR/reg").
c("$DIR/divider").
{ok, P} = gen_server:start({via, reg, d}, divider, [], []).
gen_server:start({via, reg, d}, divider, [], []) =:= {error, {already_started, P}}.
gen_server:call({via, reg, d}, {divide, 2}).
{'EXIT', {{R, _}, _}} = (catch gen_server:call({via, nomod, x}, x)), R.
gen_server:start({via, nomod, x}, divider, [], []).
"""#, expected: #"""
1> {ok,reg}
2> {ok,divider}
3> reg: whereis_name(d)
reg: register_name(d)
{ok,<0.93.0>}
4> reg: whereis_name(d)
true
5> reg: whereis_name(d)
5
6> undef
7> ** exception error: undefined function nomod:whereis_name/1
     in function  gen:start/6 (gen.erl, line 105)
8> *** Terminating erlang (nonode@nohost)
"""#)

    /// proc_lib's record of a process's initial call: a shell fun is
    /// erl_eval's fun of `expr/6`, arguments are made up.
    static let initialCall = Transcript(name: "proc_lib_initial_call", input: #"""
proc_lib:initial_call(self()).
P = proc_lib:spawn(fun() -> receive _ -> ok end end).
proc_lib:initial_call(P).
proc_lib:translate_initial_call(P).
proc_lib:translate_initial_call(self()).
R = proc_lib:spawn(timer, sleep, [infinity]).
proc_lib:initial_call(R).
proc_lib:translate_initial_call(R).
{'EXIT', {Why, _}} = (catch proc_lib:initial_call(a)), Why.
"""#, expected: #"""
1> false
2> <0.84.0>
3> {erl_eval,'-expr/6-fun-2-',[]}
4> {erl_eval,'-expr/6-fun-2-',0}
5> {proc_lib,init_p,5}
6> <0.89.0>
7> {timer,sleep,['Argument__1']}
8> {timer,sleep,1}
9> function_clause
10> *** Terminating erlang (nonode@nohost)
"""#)

    /// Arithmetic in a module, as a server's callback does it.
    static let arith = #"""
-module(arith).
-export([add/2, inc/1, dec/1, from/1, half/1, times/1]).

add(X, Y) -> X + Y.

inc(X) -> X + 1.

dec(X) -> X - 1.

from(X) -> 1 - X.

half(X) -> X / 2.

times(X) -> X * 3.
"""#

    /// A `badarith` in module code: erl's operator frame, with its
    /// error_info, or none where BEAM's code does the operation inline.
    static let operatorFrames = Transcript(name: "operator_frames", input: #"""
c("$DIR/arith").
{'EXIT', {badarith, [{M1, F1, A1, _} | _]}} = (catch arith:add(a, 1)), {M1, F1, A1}.
{'EXIT', {badarith, [{M2, F2, A2, _} | _]}} = (catch arith:inc(a)), {M2, F2, A2}.
{'EXIT', {badarith, [{M3, F3, A3, _} | _]}} = (catch arith:dec(a)), {M3, F3, A3}.
{'EXIT', {badarith, [{M4, F4, A4, _} | _]}} = (catch arith:from(a)), {M4, F4, A4}.
{'EXIT', {badarith, [{M5, F5, A5, _} | _]}} = (catch arith:half(a)), {M5, F5, A5}.
{'EXIT', {badarith, [{M6, F6, A6, _} | _]}} = (catch arith:times(a)), {M6, F6, A6}.
{'EXIT', {badarith, [{_, _, _, L} | _]}} = (catch arith:times(a)), L.
"""#, expected: #"""
1> {ok,arith}
2> {erlang,'+',[a,1]}
3> {arith,inc,1}
4> {arith,dec,1}
5> {erlang,'-',[1,a]}
6> {arith,half,1}
7> {erlang,'*',[a,3]}
8> [{error_info,#{module => erl_erts_errors}}]
9> *** Terminating erlang (nonode@nohost)
"""#)

    /// Map access in a module, as a server's callback does it.
    static let mapper = #"""
-module(mapper).
-export([get/2, set/2]).

get(K, M) -> maps:get(K, M).

set(K, M) -> M#{K := 1}.
"""#

    /// Compiled code does `maps:get/2` as `erlang:map_get/2` and a map
    /// update inline (no `maps` frame); the shell calls `maps:get/2`.
    static let mapFrames = Transcript(name: "map_frames", input: #"""
c("$DIR/mapper").
{'EXIT', {R1, [{M1, F1, A1, L1} | _]}} = (catch mapper:get(a, #{})), {R1, M1, F1, A1, L1}.
{'EXIT', {R2, [{M2, F2, A2, _} | _]}} = (catch mapper:get(a, b)), {R2, M2, F2, A2}.
{'EXIT', {R3, [{M3, F3, A3, _} | _]}} = (catch mapper:set(a, #{})), {R3, M3, F3, A3}.
{'EXIT', {R4, [{M4, F4, A4, _} | _]}} = (catch mapper:set(a, b)), {R4, M4, F4, A4}.
{'EXIT', {R5, [{M5, F5, A5, _} | _]}} = (catch maps:get(a, #{})), {R5, M5, F5, A5}.
"""#, expected: #"""
1> {ok,mapper}
2> {{badkey,a},
 erlang,map_get,
 [a,#{}],
 [{error_info,#{module => erl_erts_errors}}]}
3> {{badmap,b},erlang,map_get,[a,b]}
4> {{badkey,a},mapper,set,2}
5> {{badmap,b},mapper,set,2}
6> {{badkey,a},maps,get,[a,#{}]}
7> *** Terminating erlang (nonode@nohost)
"""#)

    /// The shell's evaluator (the server's parent) is killed: the
    /// trapping server ends with `killed`, which is no orderly reason,
    /// so it writes its error report and proc_lib its crash report.
    /// A server whose `handle_cast` must suspend (it sleeps) between
    /// casts it handles at once: each is handled in order, and a `stop`
    /// from a suspending clause ends the server.
    static let slowcast = #"""
-module(slowcast).
-behaviour(gen_server).
-export([start/0, init/1, handle_call/3, handle_cast/2]).

start() -> gen_server:start(?MODULE, 0, []).

init(N) -> {ok, N}.

handle_call(get, _, N) -> {reply, N, N}.

handle_cast({add, K}, N) -> timer:sleep(1), {noreply, N + K};
handle_cast(quick, N) -> {noreply, N + 100};
handle_cast({stop, K}, N) -> timer:sleep(1), {stop, normal, N + K}.
"""#

    static let castsInFull = Transcript(name: "casts_in_full", input: #"""
c("$DIR/slowcast").
{ok, P} = slowcast:start().
gen_server:cast(P, {add, 2}), gen_server:cast(P, quick), gen_server:cast(P, {add, 3}).
gen_server:call(P, get).
Ref = monitor(process, P), gen_server:cast(P, {stop, 1}), receive {'DOWN', Ref, process, P, Why} -> Why end.
"""#, expected: #"""
1> {ok,slowcast}
2> {ok,<0.88.0>}
3> ok
4> 105
5> normal
6> *** Terminating erlang (nonode@nohost)
"""#)

    /// A cast is queued as its request alone (`MailboxMessage.cast`):
    /// everything but the server's own loop still reads it as
    /// `{'$gen_cast', Request}`: a plain process's selective receive that
    /// skips it and takes it later, `process_info(S, messages)` of a
    /// suspended server, and a server sent the envelope with `!`.
    static let castEnvelopes = Transcript(name: "cast_envelopes", input: #"""
c("$DIR/slowcast").
P = spawn(fun() -> receive go -> ok end, receive M -> io:format("got ~p~n", [M]) end end).
gen_server:cast(P, hello), P ! go, ok.
{ok, S} = slowcast:start().
sys:suspend(S), gen_server:cast(S, quick), gen_server:cast(S, {add, 2}), process_info(S, messages).
sys:resume(S), gen_server:call(S, get).
S ! {'$gen_cast', quick}, gen_server:call(S, get).
gen_server:abcast(nobody_here, quick).
register(sc, S), gen_server:abcast(sc, quick), gen_server:call(sc, get).
"""#, expected: #"""
1> {ok,slowcast}
2> <0.88.0>
3> got {'$gen_cast',hello}
ok
4> {ok,<0.91.0>}
5> {messages,[{'$gen_cast',quick},{'$gen_cast',{add,2}}]}
6> 102
7> 202
8> abcast
9> 302
10> *** Terminating erlang (nonode@nohost)
"""#)

    /// Any tuple is a message a server takes, the empty one too: `{}` and
    /// `{7}` go to `handle_info/2` (here undefined: a warning each), where
    /// reading the tag of `{}` had stopped the whole runtime.
    static let tupleMessages = Transcript(name: "tuple_messages", input: #"""
c("$DIR/slowcast").
{ok, S} = slowcast:start().
S ! {}, gen_server:call(S, get).
S ! {7}, gen_server:cast(S, quick), gen_server:call(S, get).
"""#, expected: #"""
1> {ok,slowcast}
2> {ok,<0.88.0>}
3> 0
=WARNING REPORT==== 5-Dec-2026::16:29:44.324432 ===
** Undefined handle_info in slowcast
** Unhandled message: {}

4> 100
=WARNING REPORT==== 5-Dec-2026::16:29:44.332913 ===
** Undefined handle_info in slowcast
** Unhandled message: {7}

5> *** Terminating erlang (nonode@nohost)
"""#)

    static let killedParent = Transcript(name: "killed_parent", input: #"""
c("$DIR/trapper").
{ok, P} = trapper:start_link().
exit(self(), kill).
timer:sleep(300), is_process_alive(P).
"""#, expected: #"""
1> {ok,trapper}
2> {ok,<0.88.0>}
3> trapper: terminate killed
=ERROR REPORT==== 4-Dec-2026::14:25:55.055464 ===
** Generic server <0.88.0> terminating 
** Last message in was {'EXIT',<0.81.0>,killed}
** When Server state == idle
** Reason for termination ==
** killed

=CRASH REPORT==== 4-Dec-2026::14:25:55.055607 ===
  crasher:
    initial call: trapper:init/1
    pid: <0.88.0>
    registered_name: []
    exception exit: killed
      in function  gen_server:decode_msg/9 (gen_server.erl, line 909)
    ancestors: [<0.81.0>]
    message_queue_len: 0
    messages: []
    links: []
    dictionary: []
    trap_exit: true
    status: running
    heap_size: 1598
    stack_size: 28
    reductions: 3048
  neighbours:

** exception exit: killed
4> false
5> *** Terminating erlang (nonode@nohost)
"""#)
}

@Suite("gen_server variations")
struct GenServerVariationTests {
    /// Runs `t` with `modules` (name, source) in a fresh directory,
    /// without the input's sleeps.
    private func run(_ t: Transcript, modules: [(String, String)]) async throws
        -> (printed: [ReportText.Block], expected: [ReportText.Block]) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("swerl-gsvar-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, source) in modules {
            try source.write(to: dir.appendingPathComponent("\(name).erl"), atomically: false, encoding: .utf8)
        }
        var input = t.input.replacingOccurrences(of: "$DIR", with: dir.path) + "\n"
        input = ReportText.withoutSleeps(input)
        let printed = await transcript(input)
        return (ReportText.blocks(printed.trimmingTrailingNewlines, stripStacks: true),
                ReportText.blocks(t.expected, stripStacks: true))
    }

    /// A transcript and the modules (name, source) it compiles.
    struct Case: Sendable, CustomTestStringConvertible {
        let transcript: Transcript
        let modules: [(String, String)]
        var testDescription: String { transcript.name }
    }

    static let cases: [Case] = [
        // A server whose parent was killed reports its end.
        Case(transcript: GenServerVariations.killedParent, modules: [("trapper", GenServerVariations.trapper)]),
        // enter_loop checks the name it is given.
        Case(transcript: GenServerVariations.enterLoop, modules: [("entering", GenServerVariations.entering)]),
        // A registered client is named; enter_loop needs proc_lib.
        Case(transcript: GenServerVariations.registeredClient, modules: [("divider", GenServerVariations.divider)]),
        // Bad start timeouts and arguments fail as in erl.
        Case(transcript: GenServerVariations.badArguments, modules: [("divider", GenServerVariations.divider)]),
        // via names are looked up first, and their failures pass through.
        Case(transcript: GenServerVariations.viaNames,
             modules: [("reg", GenServerVariations.registry), ("divider", GenServerVariations.divider)]),
        // proc_lib tells a process's initial call.
        Case(transcript: GenServerVariations.initialCall, modules: []),
        // Module arithmetic and map access fail with erl's frames.
        Case(transcript: GenServerVariations.operatorFrames, modules: [("arith", GenServerVariations.arith)]),
        Case(transcript: GenServerVariations.mapFrames, modules: [("mapper", GenServerVariations.mapper)]),
        // Casts whose callback must suspend run in full, in order, between
        // casts handled at once.
        Case(transcript: GenServerVariations.castsInFull, modules: [("slowcast", GenServerVariations.slowcast)]),
        // Casts read as their envelope by everything but the server's loop.
        Case(transcript: GenServerVariations.castEnvelopes, modules: [("slowcast", GenServerVariations.slowcast)]),
        // The empty tuple is a message like any other.
        Case(transcript: GenServerVariations.tupleMessages, modules: [("slowcast", GenServerVariations.slowcast)]),
    ]

    @Test(arguments: cases)
    func printsAsErl(_ c: Case) async throws {
        let (printed, expected) = try await run(c.transcript, modules: c.modules)
        #expect(printed == expected)
    }
}
