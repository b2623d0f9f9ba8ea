-module(learn_rec).
-behaviour(gen_server).
-export([start_link/0, fields/0, get/1, set/2]).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2, terminate/2, code_change/3]).
-record(profile, {name = "anon", age = 0, tags = []}).

start_link() -> gen_server:start_link({local, ?MODULE}, ?MODULE, [], []).
fields() -> gen_server:call(?MODULE, fields).
get(Field) -> gen_server:call(?MODULE, {get, Field}).
set(Field, Value) -> gen_server:call(?MODULE, {set, Field, Value}).

init([]) -> {ok, #profile{}}.

handle_call(fields, _From, P) ->
    {reply, {record_info(fields, profile), record_info(size, profile)}, P};
handle_call({get, Field}, _From, P) ->
    Index = index_of(Field, record_info(fields, profile), 2),
    {reply, element(Index, P), P};
handle_call({set, Field, Value}, _From, P) ->
    Index = index_of(Field, record_info(fields, profile), 2),
    {reply, ok, setelement(Index, P, Value)}.

index_of(F, [F | _], N) -> N;
index_of(F, [_ | T], N) -> index_of(F, T, N + 1).

handle_cast(_Msg, P) -> {noreply, P}.
handle_info(_Msg, P) -> {noreply, P}.
terminate(_Reason, _P) -> ok.
code_change(_OldVsn, P, _Extra) -> {ok, P}.
