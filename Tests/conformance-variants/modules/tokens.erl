%% tokens.erl - issues deterministic tokens: base64 of a hash of the name.
-module(tokens).
-behaviour(gen_server).
-export([start_link/0, issue/1, check/2]).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2, terminate/2, code_change/3]).

start_link() -> gen_server:start_link({local, tokens}, tokens, [], []).
issue(Name) -> gen_server:call(tokens, {issue, Name}).
check(Name, Token) -> gen_server:call(tokens, {check, Name, Token}).

init([]) -> {ok, #{}}.

handle_call({issue, Name}, _From, M) ->
    Token = base64:encode(erlang:md5(Name)),
    {reply, Token, M#{Name => Token}};
handle_call({check, Name, Token}, _From, M) ->
    {reply, maps:get(Name, M, none) =:= Token, M}.

handle_cast(_Msg, M) -> {noreply, M}.
handle_info(_Msg, M) -> {noreply, M}.
terminate(_Reason, _M) -> ok.
code_change(_OldVsn, M, _Extra) -> {ok, M}.
