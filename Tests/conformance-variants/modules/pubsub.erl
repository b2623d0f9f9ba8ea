-module(pubsub).
-behaviour(gen_server).
-export([start_link/0, subscribe/0, unsubscribe/0, publish/1, subscribers/0]).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2, terminate/2, code_change/3]).

start_link() -> gen_server:start_link({local, ?MODULE}, ?MODULE, [], []).
subscribe() -> gen_server:call(?MODULE, {subscribe, self()}).
unsubscribe() -> gen_server:call(?MODULE, {unsubscribe, self()}).
publish(Msg) -> gen_server:cast(?MODULE, {publish, Msg}).
subscribers() -> gen_server:call(?MODULE, count).

init([]) -> {ok, #{}}.

handle_call({subscribe, Pid}, _From, Subs) ->
    case maps:is_key(Pid, Subs) of
        true -> {reply, already_subscribed, Subs};
        false ->
            Ref = erlang:monitor(process, Pid),
            {reply, ok, Subs#{Pid => Ref}}
    end;
handle_call({unsubscribe, Pid}, _From, Subs) ->
    case maps:take(Pid, Subs) of
        {Ref, Rest} -> erlang:demonitor(Ref, [flush]), {reply, ok, Rest};
        error -> {reply, not_subscribed, Subs}
    end;
handle_call(count, _From, Subs) -> {reply, map_size(Subs), Subs}.

handle_cast({publish, Msg}, Subs) ->
    [Pid ! {event, Msg} || Pid <- maps:keys(Subs)],
    {noreply, Subs}.

handle_info({'DOWN', _Ref, process, Pid, Reason}, Subs) ->
    io:format("pubsub: subscriber gone (~p)~n", [Reason]),
    {noreply, maps:remove(Pid, Subs)}.

terminate(_Reason, _Subs) -> ok.
code_change(_OldVsn, Subs, _Extra) -> {ok, Subs}.
