-module(syntaxerr).
-export([f/0]).

f() ->
    {ok, 1
