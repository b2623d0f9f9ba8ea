%% bare.erl - only the mandatory callbacks: no handle_info, terminate, code_change.
-module(bare).
-behaviour(gen_server).
-export([start_link/1, start/1]).
-export([init/1, handle_call/3, handle_cast/2]).

start_link(Name) -> gen_server:start_link({local, Name}, ?MODULE, Name, []).
start(Name) -> gen_server:start({local, Name}, ?MODULE, Name, []).

init(Name) -> {ok, {Name, []}}.

handle_call(get, _From, S) -> {reply, S, S};
handle_call({put, X}, _From, {N, L}) -> {reply, ok, {N, [X | L]}}.

handle_cast({put, X}, {N, L}) -> {noreply, {N, [X | L]}}.
