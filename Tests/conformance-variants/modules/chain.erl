%% chain.erl - servers that call one another, crash in handle_continue or
%% terminate, stop with a reply, and use timers.
-module(chain).
-behaviour(gen_server).
-export([start/1, start_link/1, ask/2, tell/2]).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2, handle_continue/2, terminate/2]).

start(Name) -> gen_server:start({local, Name}, ?MODULE, Name, []).
start_link(Name) -> gen_server:start_link({local, Name}, ?MODULE, Name, []).
ask(Name, Req) -> gen_server:call(Name, Req).
tell(Name, Msg) -> gen_server:cast(Name, Msg).

init(Name) -> {ok, #{name => Name, fail_terminate => false, seen => []}}.

handle_call({forward, To, Req}, _From, S) ->
    {reply, {via, maps:get(name, S), gen_server:call(To, Req, 1000)}, S};
handle_call({sleep, Ms}, _From, S) ->
    timer:sleep(Ms),
    {reply, {slept, Ms}, S};
handle_call({stop_with_reply, R}, _From, S) ->
    {stop, R, {bye, R}, S};
handle_call({stop_no_reply, R}, _From, S) ->
    {stop, R, S};
handle_call({crash_in_continue, X}, _From, S) ->
    {reply, continuing, S, {continue, {crash, X}}};
handle_call(fail_terminate, _From, S) ->
    {reply, ok, S#{fail_terminate := true}};
handle_call({timer, Ms, Msg}, _From, S) ->
    Ref = erlang:start_timer(Ms, self(), Msg),
    {reply, is_reference(Ref), S};
handle_call(seen, _From, S = #{seen := Seen}) ->
    {reply, lists:reverse(Seen), S};
handle_call(crash, _From, S) ->
    {reply, element(5, {S}), S}.

handle_cast({raise, badarg}, S) ->
    {noreply, S#{x => list_to_atom(S)}};
handle_cast(_Msg, S) -> {noreply, S}.

handle_continue({crash, X}, S) ->
    {noreply, S#{n => X + 1}}.

handle_info({timeout, _Ref, Msg}, S = #{seen := Seen}) ->
    io:format("~p: timer fired ~p~n", [maps:get(name, S), Msg]),
    {noreply, S#{seen := [Msg | Seen]}};
handle_info(Msg, S = #{seen := Seen}) ->
    {noreply, S#{seen := [Msg | Seen]}}.

terminate(Reason, #{name := N, fail_terminate := F}) ->
    io:format("~p: terminate ~p~n", [N, brief(Reason)]),
    case F of
        true -> erlang:error({terminate_failed, N});
        false -> ok
    end.

brief({R, [{_, _, _, _} | _]}) -> R;
brief(R) -> R.
