%% alarm.erl - timers with erlang:send_after / start_timer / cancel_timer.
-module(alarm).
-behaviour(gen_server).
-export([start_link/0, set/2, cancel/1, fired/0, pending/0]).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2, terminate/2, code_change/3]).

start_link() -> gen_server:start_link({local, alarm}, alarm, [], []).
set(Name, Ms) -> gen_server:call(alarm, {set, Name, Ms}).
cancel(Name) -> gen_server:call(alarm, {cancel, Name}).
fired() -> gen_server:call(alarm, fired).
pending() -> gen_server:call(alarm, pending).

init([]) -> {ok, #{timers => #{}, fired => []}}.

handle_call({set, Name, Ms}, _From, S = #{timers := T}) ->
    Ref = erlang:send_after(Ms, self(), {ring, Name}),
    {reply, ok, S#{timers := T#{Name => Ref}}};
handle_call({cancel, Name}, _From, S = #{timers := T}) ->
    case maps:take(Name, T) of
        {Ref, T2} ->
            Left = erlang:cancel_timer(Ref),
            {reply, {cancelled, is_integer(Left)}, S#{timers := T2}};
        error ->
            {reply, {error, no_such_alarm}, S}
    end;
handle_call(fired, _From, S = #{fired := F}) ->
    {reply, lists:reverse(F), S};
handle_call(pending, _From, S = #{timers := T}) ->
    {reply, lists:sort(maps:keys(T)), S}.

handle_cast(_Msg, S) -> {noreply, S}.

handle_info({ring, Name}, S = #{timers := T, fired := F}) ->
    io:format("RING RING: ~p~n", [Name]),
    {noreply, S#{timers := maps:remove(Name, T), fired := [Name | F]}};
handle_info(Other, S) ->
    io:format("alarm: unknown ~p~n", [Other]),
    {noreply, S}.

terminate(_Reason, _S) -> ok.
code_change(_OldVsn, S, _Extra) -> {ok, S}.
