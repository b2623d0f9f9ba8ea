%% tally_sup.erl - a learner's supervisor for counter and stack.
-module(tally_sup).
-behaviour(supervisor).
-export([start_link/0, init/1]).

start_link() -> supervisor:start_link({local, tally_sup}, tally_sup, []).

init([]) ->
    SupFlags = #{strategy => one_for_one, intensity => 3, period => 10},
    Children = [#{id => counter, start => {counter, start_link, []}},
                #{id => stack, start => {stack, start_link, []}}],
    {ok, {SupFlags, Children}}.
