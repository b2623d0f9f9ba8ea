%% ledger.erl - ets table owned by a gen_server.
-module(ledger).
-behaviour(gen_server).
-export([start_link/0, record/2, total/0, entries/0, lookup/1, stop/0]).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2, terminate/2, code_change/3]).

start_link() -> gen_server:start_link({local, ledger}, ledger, [], []).
record(Who, Amount) -> gen_server:cast(ledger, {record, Who, Amount}).
total() -> gen_server:call(ledger, total).
entries() -> lists:sort(ets:tab2list(ledger_tab)).
lookup(Who) -> ets:lookup(ledger_tab, Who).
stop() -> gen_server:stop(ledger, shutdown, infinity).

init([]) ->
    Tab = ets:new(ledger_tab, [named_table, set, protected]),
    {ok, Tab}.

handle_call(total, _From, Tab) ->
    Sum = ets:foldl(fun({_, A}, Acc) -> Acc + A end, 0, Tab),
    {reply, Sum, Tab}.

handle_cast({record, Who, Amount}, Tab) ->
    ets:update_counter(Tab, Who, Amount, {Who, 0}),
    {noreply, Tab}.

handle_info(_Msg, Tab) -> {noreply, Tab}.
terminate(Reason, _Tab) -> io:format("ledger down: ~p~n", [Reason]), ok.
code_change(_OldVsn, Tab, _Extra) -> {ok, Tab}.
