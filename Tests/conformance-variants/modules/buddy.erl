%% buddy.erl - unregistered servers that link to each other.
-module(buddy).
-behaviour(gen_server).
-export([start/1, start_link/1, befriend/2, name/1, friends/1, crash/1, trap/1]).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2, terminate/2, code_change/3]).

start(Name) -> gen_server:start(?MODULE, Name, []).
start_link(Name) -> gen_server:start_link(?MODULE, Name, []).
befriend(A, B) -> gen_server:call(A, {befriend, B}).
name(P) -> gen_server:call(P, name).
friends(P) -> gen_server:call(P, friends).
crash(P) -> gen_server:cast(P, crash).
trap(P) -> gen_server:call(P, trap).

init(Name) -> {ok, {Name, []}}.

handle_call({befriend, Other}, _From, {Name, Fs}) ->
    link(Other),
    {reply, {Name, linked_to, name(Other)}, {Name, [Other | Fs]}};
handle_call(name, _From, S = {Name, _}) -> {reply, Name, S};
handle_call(friends, _From, S = {_, Fs}) -> {reply, length(Fs), S};
handle_call(trap, _From, S) ->
    process_flag(trap_exit, true),
    {reply, trapping, S}.

handle_cast(crash, {Name, _}) ->
    erlang:exit({buddy_crashed, Name}).

handle_info({'EXIT', _Pid, Reason}, S = {Name, _}) ->
    io:format("~p saw a friend die: ~p~n", [Name, Reason]),
    {noreply, S};
handle_info(_Msg, S) -> {noreply, S}.

terminate(Reason, {Name, _}) ->
    io:format("~p terminating: ~p~n", [Name, Reason]),
    ok.

code_change(_OldVsn, S, _Extra) -> {ok, S}.
