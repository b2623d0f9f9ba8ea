%% gate.erl - a server that traps exits; links to workers; terminate may be slow.
-module(gate).
-behaviour(gen_server).
-export([start_link/1, start/1, spawn_worker/2, slow_stop/1, info/0]).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2, terminate/2]).

start_link(Tag) -> gen_server:start_link({local, gate}, ?MODULE, Tag, []).
start(Tag) -> gen_server:start({local, gate}, ?MODULE, Tag, []).
spawn_worker(ExitWith, Ms) -> gen_server:call(gate, {spawn_worker, ExitWith, Ms}).
slow_stop(Ms) -> gen_server:call(gate, {slow_terminate, Ms}).
info() -> gen_server:call(gate, info).

init(Tag) ->
    process_flag(trap_exit, true),
    {ok, #{tag => Tag, exits => [], term_sleep => 0}}.

handle_call({spawn_worker, ExitWith, Ms}, _From, S) ->
    W = spawn_link(fun() -> timer:sleep(Ms), exit(ExitWith) end),
    {reply, is_pid(W), S};
handle_call({slow_terminate, Ms}, _From, S) ->
    {reply, ok, S#{term_sleep := Ms}};
handle_call(info, _From, S = #{tag := T, exits := E}) ->
    {reply, {T, lists:reverse(E)}, S}.

handle_cast(_Msg, S) -> {noreply, S}.

handle_info({'EXIT', _Pid, Reason}, S = #{exits := E}) ->
    io:format("gate: linked process exited: ~p~n", [Reason]),
    {noreply, S#{exits := [Reason | E]}};
handle_info(Other, S) ->
    io:format("gate: other ~p~n", [Other]),
    {noreply, S}.

terminate(Reason, #{tag := T, term_sleep := Ms}) ->
    io:format("gate ~p: terminate(~p)~n", [T, Reason]),
    timer:sleep(Ms),
    ok.
