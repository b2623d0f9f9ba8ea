%% secretive.erl - OTP 25 format_status/1, start_monitor, enter_loop.
-module(secretive).
-behaviour(gen_server).
-export([start/1, start_monitor/1, loop_start/1, hide/1, die/1]).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2, terminate/2, format_status/1]).

start(Pin) -> gen_server:start({local, secretive}, ?MODULE, Pin, []).
start_monitor(Pin) -> gen_server:start_monitor({local, secretive}, ?MODULE, Pin, []).
loop_start(Pin) ->
    proc_lib:start(fun() ->
        register(secretive, self()),
        proc_lib:init_ack({ok, self()}),
        gen_server:enter_loop(?MODULE, [], #{pin => Pin, notes => []}, {local, secretive})
    end).
hide(Note) -> gen_server:call(secretive, {hide, Note}).
die(How) -> gen_server:cast(secretive, {die, How}).

init(Pin) -> {ok, #{pin => Pin, notes => []}}.

handle_call({hide, Note}, _From, S = #{notes := N}) ->
    {reply, length(N) + 1, S#{notes := [Note | N]}}.

handle_cast({die, How}, S) -> {stop, How, S}.

handle_info(M, S) ->
    io:format("secretive got ~p~n", [M]),
    {noreply, S}.

terminate(R, #{pin := P}) ->
    io:format("secretive terminate ~p (pin ~p)~n", [R, P]),
    ok.

format_status(Status) ->
    maps:map(fun(state, S) -> S#{pin := "****"};
                (message, {'$gen_cast', {die, _}}) -> {'$gen_cast', hidden};
                (reason, R) -> {masked, R};
                (_, V) -> V
             end, Status).
