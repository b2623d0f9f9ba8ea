%% phonebook.erl - proplist/dict based store with guards and string handling.
-module(phonebook).
-behaviour(gen_server).
-export([start_link/0, add/2, lookup/1, remove/1, all/0, count/0, dump/0]).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2, terminate/2, code_change/3]).

start_link() -> gen_server:start_link({local, ?MODULE}, ?MODULE, [], []).
add(Name, Number) -> gen_server:call(?MODULE, {add, Name, Number}).
lookup(Name) -> gen_server:call(?MODULE, {lookup, Name}).
remove(Name) -> gen_server:cast(?MODULE, {remove, Name}).
all() -> gen_server:call(?MODULE, all).
count() -> gen_server:call(?MODULE, count).
dump() -> gen_server:cast(?MODULE, dump).

init([]) -> {ok, []}.

handle_call({add, Name, Number}, _From, Book) when is_list(Name), is_list(Number) ->
    case lists:keyfind(Name, 1, Book) of
        false -> {reply, added, lists:keysort(1, [{Name, Number} | Book])};
        {Name, Old} -> {reply, {replaced, Old}, lists:keystore(Name, 1, Book, {Name, Number})}
    end;
handle_call({add, _, _}, _From, Book) ->
    {reply, {error, strings_only}, Book};
handle_call({lookup, Name}, _From, Book) ->
    Reply = case proplists:get_value(Name, Book) of
                undefined -> {not_found, Name};
                Number -> {found, Number}
            end,
    {reply, Reply, Book};
handle_call(all, _From, Book) -> {reply, Book, Book};
handle_call(count, _From, Book) -> {reply, length(Book), Book}.

handle_cast({remove, Name}, Book) -> {noreply, lists:keydelete(Name, 1, Book)};
handle_cast(dump, Book) ->
    lists:foreach(fun({N, P}) -> io:format("~-10s ~s~n", [N, P]) end, Book),
    io:format("~b entries~n", [length(Book)]),
    {noreply, Book}.

handle_info(_Msg, Book) -> {noreply, Book}.
terminate(_Reason, _Book) -> ok.
code_change(_OldVsn, Book, _Extra) -> {ok, Book}.
