-module(warny).
-export([f/1, g/0]).

f(X) ->
    Unused = 1,
    X + 1.

g() -> ok.

h() -> never_called.
