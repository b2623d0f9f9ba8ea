%% bank.erl - a bank account server written the way a learner would.
-module(bank).
-behaviour(gen_server).
-export([open/1, deposit/1, withdraw/1, balance/0, history/0, transfer_out/1, close/0]).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2, terminate/2, code_change/3]).

-record(account, {owner, balance = 0, history = []}).

open(Owner) -> gen_server:start_link({local, ?MODULE}, ?MODULE, Owner, []).
deposit(Amount) -> gen_server:call(?MODULE, {deposit, Amount}).
withdraw(Amount) -> gen_server:call(?MODULE, {withdraw, Amount}).
balance() -> gen_server:call(?MODULE, balance).
history() -> gen_server:call(?MODULE, history).
transfer_out(Amount) -> gen_server:cast(?MODULE, {transfer_out, Amount}).
close() -> gen_server:call(?MODULE, close).

init(Owner) ->
    io:format("Opening account for ~s~n", [Owner]),
    {ok, #account{owner = Owner}}.

handle_call({deposit, Amount}, _From, Acc = #account{balance = B, history = H})
  when is_integer(Amount), Amount > 0 ->
    New = B + Amount,
    io:format("~s deposited ~w, balance now ~w~n", [Acc#account.owner, Amount, New]),
    {reply, {ok, New}, Acc#account{balance = New, history = [{deposit, Amount} | H]}};
handle_call({deposit, Amount}, _From, Acc) ->
    {reply, {error, {bad_amount, Amount}}, Acc};
handle_call({withdraw, Amount}, _From, Acc = #account{balance = B, history = H}) ->
    if
        Amount > B ->
            {reply, {error, insufficient_funds}, Acc};
        true ->
            {reply, {ok, B - Amount}, Acc#account{balance = B - Amount, history = [{withdraw, Amount} | H]}}
    end;
handle_call(balance, _From, Acc) ->
    {reply, Acc#account.balance, Acc};
handle_call(history, _From, Acc) ->
    {reply, lists:reverse(Acc#account.history), Acc};
handle_call(close, _From, Acc) ->
    {stop, normal, {closed, Acc#account.balance}, Acc}.

handle_cast({transfer_out, Amount}, Acc = #account{balance = B}) ->
    try
        true = Amount =< B,
        io:format("transferred ~p~n", [Amount]),
        {noreply, Acc#account{balance = B - Amount}}
    catch
        error:{badmatch, false} ->
            io:format("transfer of ~p refused~n", [Amount]),
            {noreply, Acc}
    end.

handle_info(Msg, Acc) ->
    io:format("bank got unexpected message: ~p~n", [Msg]),
    {noreply, Acc}.

terminate(Reason, #account{owner = O, balance = B}) ->
    io:format("Closing account of ~s (~p) with ~w~n", [O, Reason, B]),
    ok.

code_change(_OldVsn, Acc, _Extra) -> {ok, Acc}.
