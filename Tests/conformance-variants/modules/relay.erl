%% relay.erl - replies sent by helper processes with gen_server:reply/2,
%% timeouts from handle_cast/handle_info and hibernation.
-module(relay).
-behaviour(gen_server).
-export([start_link/0, work/2, count/0, snooze/1, doze/0]).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2, terminate/2]).

start_link() -> gen_server:start_link({local, relay}, ?MODULE, [], []).
work(Ms, X) -> gen_server:call(relay, {work, Ms, X}).
count() -> gen_server:call(relay, count).
snooze(T) -> gen_server:cast(relay, {snooze, T}).
doze() -> gen_server:call(relay, doze).

init([]) -> {ok, 0}.

handle_call({work, Ms, X}, From, N) ->
    spawn(fun() -> timer:sleep(Ms), gen_server:reply(From, {done, X, N}) end),
    {noreply, N + 1};
handle_call(count, _From, N) ->
    {reply, N, N};
handle_call(doze, _From, N) ->
    {reply, dozing, N, hibernate}.

handle_cast({snooze, T}, N) ->
    {noreply, N, T}.

handle_info(timeout, N) ->
    io:format("relay: timeout with ~p~n", [N]),
    {noreply, N + 100};
handle_info(Msg, N) ->
    io:format("relay: info ~p~n", [Msg]),
    {noreply, N}.

terminate(_R, _N) -> ok.
