%% vault.erl - a server registered under a caller-chosen name; many ways to crash,
%% handle_continue and format_status/2.
-module(vault).
-behaviour(gen_server).
-export([open/1, open_link/1, deposit/2, withdraw/2, balance/1, boom/2, close/1, close/2]).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2, handle_continue/2,
         terminate/2, code_change/3, format_status/2]).

open(Name) -> gen_server:start({local, Name}, ?MODULE, Name, []).
open_link(Name) -> gen_server:start_link({local, Name}, ?MODULE, Name, []).
deposit(Name, Amt) -> gen_server:cast(Name, {deposit, Amt}).
withdraw(Name, Amt) -> gen_server:call(Name, {withdraw, Amt}).
balance(Name) -> gen_server:call(Name, balance).
boom(Name, How) -> gen_server:call(Name, {boom, How}).
close(Name) -> gen_server:stop(Name).
close(Name, Reason) -> gen_server:stop(Name, Reason, 1000).

init(Name) ->
    {ok, #{name => Name, balance => 0, secret => "hunter2"}, {continue, opened}}.

handle_continue(opened, S = #{name := N}) ->
    io:format("vault ~p opened~n", [N]),
    {noreply, S};
handle_continue({audit, Amt}, S = #{balance := B}) ->
    io:format("vault audit: -~p leaves ~p~n", [Amt, B]),
    {noreply, S}.

handle_call({withdraw, Amt}, _From, S = #{balance := B}) when Amt =< B ->
    {reply, {ok, B - Amt}, S#{balance := B - Amt}, {continue, {audit, Amt}}};
handle_call({withdraw, _}, _From, S) ->
    {reply, {error, insufficient_funds}, S};
handle_call(balance, _From, S = #{balance := B}) ->
    {reply, B, S};
handle_call({boom, badarith}, _From, S = #{balance := B}) ->
    {reply, 100 div (B - B), S};
handle_call({boom, badmatch}, _From, S) ->
    {ok, X} = maps:find(missing, S),
    {reply, X, S};
handle_call({boom, function_clause}, _From, S) ->
    {reply, positive(maps:get(name, S)), S};
handle_call({boom, undef}, _From, S) ->
    {reply, no_such_module:no_such_fun(S), S};
handle_call({boom, {exit, R}}, _From, _S) ->
    exit(R);
handle_call({boom, {throw, T}}, _From, _S) ->
    throw(T);
handle_call({boom, bad_return}, _From, _S) ->
    {what, is, this};
handle_call({boom, {stop, R}}, _From, S) ->
    {stop, R, S}.

handle_cast({deposit, Amt}, S = #{balance := B}) when is_integer(Amt) ->
    {noreply, S#{balance := B + Amt}};
handle_cast({deposit, Bad}, S = #{balance := B}) ->
    {noreply, S#{balance := B + Bad}}.

handle_info(Msg, S = #{name := N}) ->
    io:format("vault ~p: stray ~p~n", [N, Msg]),
    {noreply, S}.

terminate(Reason, #{name := N, balance := B}) ->
    io:format("vault ~p closing (~p) with ~p~n", [N, short(Reason), B]),
    ok.

code_change(_Old, S, _Extra) -> {ok, S}.

format_status(_Opt, [_PDict, S]) ->
    [{data, [{"State", S#{secret := redacted}}]}].

positive(N) when is_integer(N), N > 0 -> N.

short({R, [{_, _, _, _} | _]}) -> R;
short(R) -> R.
