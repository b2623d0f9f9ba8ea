%% A process for scripts/bench: sends back what it gets, {From, Msg}.
-module(bench_echo).
-export([start/0, loop/0]).

start() -> spawn(?MODULE, loop, []).

loop() ->
    receive
        {From, Msg} -> From ! Msg, loop()
    end.
