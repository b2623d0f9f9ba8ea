-module(stack).
-behaviour(gen_server).
-export([start_link/0, start/0, push/1, pop/0, peek/0, size/0, stop/0]).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2, terminate/2, code_change/3]).

start_link() -> gen_server:start_link({local, stack}, stack, [], []).
start() -> gen_server:start({local, stack}, stack, [], []).
push(X) -> gen_server:cast(stack, {push, X}).
pop() -> gen_server:call(stack, pop).
peek() -> gen_server:call(stack, peek).
size() -> gen_server:call(stack, size).
stop() -> gen_server:cast(stack, stop).

init(Items) -> {ok, Items}.

handle_call(pop, _From, [Top | Rest]) -> {reply, Top, Rest};
handle_call(peek, _From, Stack) ->
    case Stack of
        [] -> {reply, empty, Stack};
        [Top | _] -> {reply, {top, Top}, Stack}
    end;
handle_call(size, _From, Stack) -> {reply, length(Stack), Stack}.

handle_cast({push, X}, Stack) ->
    io:format("push ~w~n", [X]),
    {noreply, [X | Stack]};
handle_cast(stop, Stack) ->
    {stop, normal, Stack}.

handle_info(_Msg, Stack) -> {noreply, Stack}.

terminate(Reason, Stack) ->
    io:format("stack terminating: ~p, ~p items left~n", [summary(Reason), length(Stack)]),
    ok.

summary({Reason, [{_, _, _, _} | _]}) -> Reason;
summary(Reason) -> Reason.

code_change(_OldVsn, Stack, _Extra) -> {ok, Stack}.
