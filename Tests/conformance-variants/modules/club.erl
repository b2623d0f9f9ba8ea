%% club.erl - membership server with sets.
-module(club).
-behaviour(gen_server).
-export([start_link/0, join/1, leave/1, members/0, is_member/1]).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2, terminate/2, code_change/3]).

start_link() -> gen_server:start_link({local, club}, club, [], []).
join(Who) -> gen_server:call(club, {join, Who}).
leave(Who) -> gen_server:cast(club, {leave, Who}).
members() -> gen_server:call(club, members).
is_member(Who) -> gen_server:call(club, {is_member, Who}).

init([]) -> {ok, sets:new()}.

handle_call({join, Who}, _From, S) ->
    case sets:is_element(Who, S) of
        true -> {reply, already_member, S};
        false -> {reply, welcome, sets:add_element(Who, S)}
    end;
handle_call(members, _From, S) -> {reply, lists:sort(sets:to_list(S)), S};
handle_call({is_member, Who}, _From, S) -> {reply, sets:is_element(Who, S), S}.

handle_cast({leave, Who}, S) -> {noreply, sets:del_element(Who, S)}.
handle_info(_Msg, S) -> {noreply, S}.
terminate(_Reason, _S) -> ok.
code_change(_OldVsn, S, _Extra) -> {ok, S}.
