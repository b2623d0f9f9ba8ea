%% phases.erl - the many things init/1 may do, and start options.
-module(phases).
-behaviour(gen_server).
-export([start/1, start/2, start_link/1, look/0]).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2, handle_continue/2, terminate/2]).

start(How) -> gen_server:start({local, phases}, ?MODULE, How, []).
start(How, Opts) -> gen_server:start({local, phases}, ?MODULE, How, Opts).
start_link(How) -> gen_server:start_link({local, phases}, ?MODULE, How, []).
look() -> gen_server:call(phases, look).

init(How) ->
    io:format("phases: init ~p~n", [How]),
    case How of
        {timeout, T} -> {ok, [t], T};
        hibernate -> {ok, [h], hibernate};
        {continue, C} -> {ok, [c], {continue, C}};
        {sleep, Ms} -> timer:sleep(Ms), {ok, [slept]};
        {throw, T} -> throw(T);
        {exit, R} -> exit(R);
        {error, R} -> erlang:error(R);
        badarith -> {ok, 1 + length(atom_to_list(How)) div 0};
        ignore -> ignore;
        {stop, R} -> {stop, R};
        Other -> Other
    end.

handle_continue(more, S) ->
    io:format("phases: continue more~n"),
    {noreply, [more | S], {continue, last}};
handle_continue(last, S) ->
    io:format("phases: continue last~n"),
    {noreply, [last | S]};
handle_continue(stop, S) ->
    {stop, {shutdown, from_continue}, S};
handle_continue(C, S) ->
    io:format("phases: continue ~p~n", [C]),
    {noreply, [C | S]}.

handle_call(look, _From, S) -> {reply, lists:reverse(S), S}.
handle_cast(_Msg, S) -> {noreply, S}.
handle_info(timeout, S) ->
    io:format("phases: timeout~n"),
    {noreply, [timeout | S]};
handle_info(M, S) ->
    {noreply, [M | S]}.

terminate(R, S) ->
    io:format("phases: terminate ~p ~p~n", [R, S]),
    ok.
