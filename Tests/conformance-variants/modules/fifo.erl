%% fifo.erl - a queue server on top of the queue module.
-module(fifo).
-behaviour(gen_server).
-export([start_link/0, in/1, out/0, len/0, to_list/0]).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2, terminate/2, code_change/3]).

start_link() -> gen_server:start_link({local, fifo}, fifo, [], []).
in(X) -> gen_server:cast(fifo, {in, X}).
out() -> gen_server:call(fifo, out).
len() -> gen_server:call(fifo, len).
to_list() -> gen_server:call(fifo, to_list).

init([]) -> {ok, queue:new()}.

handle_call(out, _From, Q) ->
    case queue:out(Q) of
        {{value, X}, Q2} -> {reply, {ok, X}, Q2};
        {empty, Q2} -> {reply, empty, Q2}
    end;
handle_call(len, _From, Q) -> {reply, queue:len(Q), Q};
handle_call(to_list, _From, Q) -> {reply, queue:to_list(Q), Q}.

handle_cast({in, X}, Q) -> {noreply, queue:in(X, Q)}.

handle_info({in, X}, Q) -> {noreply, queue:in(X, Q)};
handle_info(Other, Q) ->
    io:format("fifo: ignoring ~w~n", [Other]),
    {noreply, Q}.

terminate(_Reason, _Q) -> ok.
code_change(_OldVsn, Q, _Extra) -> {ok, Q}.
