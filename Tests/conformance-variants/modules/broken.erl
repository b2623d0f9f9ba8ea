-module(broken).
-export([f/0]).

f() ->
    Y + 1.
