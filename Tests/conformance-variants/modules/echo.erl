-module(echo).
-behaviour(gen_server).
-export([start_link/0, start_link/1]).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2, terminate/2, code_change/3]).

start_link() -> start_link(echo).
start_link(Name) ->
    Return = gen_server:start_link({local, Name}, ?MODULE, Name, []),
    io:format("start_link(~w): ~p~n", [Name, Return]),
    Return.

init(Name) ->
    io:format("init: ~p~n", [Name]),
    {ok, {Name, []}}.

handle_call(history, _From, State = {_, H}) ->
    {reply, lists:reverse(H), State};
handle_call(Request, From, {Name, H}) ->
    {Pid, _Tag} = From,
    io:format("~w handle_call: ~p from ~w~n", [Name, Request, node(Pid)]),
    {reply, {echo, Request}, {Name, [Request | H]}}.

handle_cast({wait, Ms}, State = {Name, _}) ->
    receive
        {poke, X} -> io:format("~w poked with ~p~n", [Name, X])
    after Ms ->
        io:format("~w waited ~b ms~n", [Name, Ms])
    end,
    {noreply, State};
handle_cast(Msg, {Name, H}) ->
    io:format("~w handle_cast: ~p~n", [Name, Msg]),
    {noreply, {Name, [{cast, Msg} | H]}}.

handle_info(Info, {Name, H}) ->
    io:format("~w handle_info: ~p~n", [Name, Info]),
    {noreply, {Name, [{info, Info} | H]}}.

terminate(Reason, {Name, H}) ->
    io:format("~w terminate: ~p after ~b messages~n", [Name, Reason, length(H)]),
    ok.

code_change(_OldVsn, State, _Extra) -> {ok, State}.
