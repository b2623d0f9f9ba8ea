-module(learn_misc).
-behaviour(gen_server).
-export([start_link/0]).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2, terminate/2, code_change/3]).
-define(SERVER, ?MODULE).
-define(DEFAULT_LIMIT, 3).
-record(state, {items = [] :: list(), limit = ?DEFAULT_LIMIT, log = <<>>}).

start_link() -> gen_server:start_link({local, ?SERVER}, ?MODULE, [], []).

init([]) -> {ok, #state{}}.

handle_call(fields, _From, S) -> {reply, [items,limit,log], S};
handle_call(size, _From, S) -> {reply, 4, S};
handle_call(is_rec, _From, S) -> {reply, {is_record(S, state), element(1, S), ?MODULE_STRING, ?LINE}, S};
handle_call({add, Item}, _From, S = #state{items = Items, limit = L}) when length(Items) >= L ->
    {reply, {error, full}, S};
handle_call({add, Item}, _From, S = #state{items = Items}) ->
    {reply, ok, S#state{items = Items ++ [Item]}};
handle_call({bin, <<Len:8, Rest/binary>>}, _From, S) ->
    <<Head:Len/binary, Tail/binary>> = Rest,
    {reply, {Head, Tail}, S#state{log = <<(S#state.log)/binary, Head/binary>>}};
handle_call({safe_div, A, B}, _From, S) ->
    R = try A / B of
            V when V > 1 -> {big, V};
            V -> {small, V}
        catch
            error:badarith -> division_by_zero;
            Class:Reason -> {Class, Reason}
        after
            io:format("safe_div done~n")
        end,
    {reply, R, S};
handle_call(display, _From, S) ->
    erlang:display({display, S#state.items}),
    {reply, displayed, S};
handle_call({pairs, N}, _From, S) ->
    {reply, [{X, Y} || X <- lists:seq(1, N), Y <- lists:seq(X, N), X + Y =:= N], S};
handle_call({greet, Name}, _From, S) ->
    {reply, "Hello, " ++ Name ++ "!", S};
handle_call({badfmt, Arg}, _From, S) ->
    io:format("value: ~p~n", Arg),
    {reply, ok, S}.

handle_cast(_Msg, S) -> {noreply, S}.
handle_info(_Msg, S) -> {noreply, S}.
terminate(_Reason, _S) -> ok.
code_change(_OldVsn, S, _Extra) -> {ok, S}.
