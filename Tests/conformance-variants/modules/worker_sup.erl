%% worker_sup.erl - simple_one_for_one supervisor of kv servers.
-module(worker_sup).
-behaviour(supervisor).
-export([start_link/0, add/1, init/1]).

start_link() -> supervisor:start_link({local, ?MODULE}, ?MODULE, []).
add(Pairs) -> supervisor:start_child(?MODULE, [Pairs]).

init([]) ->
    {ok, {#{strategy => simple_one_for_one, intensity => 5, period => 10},
          [#{id => kv, start => {kv, new, []}, restart => temporary}]}}.
