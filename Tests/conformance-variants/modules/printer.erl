-module(printer).
-behaviour(gen_server).
-export([start_link/0, print/2, show/1, fmt/2]).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2, terminate/2, code_change/3]).

start_link() -> gen_server:start_link({local, printer}, printer, 0, []).
print(F, A) -> gen_server:call(printer, {print, F, A}).
show(Term) -> gen_server:cast(printer, {show, Term}).
fmt(F, A) -> gen_server:call(printer, {fmt, F, A}).

init(N) -> {ok, N}.

handle_call({print, F, A}, _From, N) ->
    io:format(F, A),
    {reply, ok, N + 1};
handle_call({fmt, F, A}, _From, N) ->
    {reply, lists:flatten(io_lib:format(F, A)), N + 1}.

handle_cast({show, Term}, N) ->
    io:format("show #~b: ~p~n", [N, Term]),
    io:format("     raw: ~w~n", [Term]),
    {noreply, N + 1}.

handle_info(_Msg, N) -> {noreply, N}.
terminate(_Reason, _N) -> ok.
code_change(_OldVsn, N, _Extra) -> {ok, N}.
