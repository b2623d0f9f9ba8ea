%% A gen_server for scripts/bench: replies pong to ping, counts casts.
-module(bench_pong).
-behaviour(gen_server).
-export([start/0, init/1, handle_call/3, handle_cast/2, handle_info/2]).

start() -> gen_server:start(?MODULE, [], []).

init([]) -> {ok, 0}.

handle_call(ping, _From, N) -> {reply, pong, N};
handle_call(count, _From, N) -> {reply, N, N}.

handle_cast(ping, N) -> {noreply, N + 1}.

handle_info(_Info, N) -> {noreply, N}.
