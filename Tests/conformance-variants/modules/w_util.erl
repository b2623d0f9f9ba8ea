-module(w_util).
-export([classify/1, fact/1, rec/0, recs/1, pairs/1, deep/1, safe_div/2, tagged/1, warn/1]).
-record(item, {id, name = "unnamed", qty = 0, tags = []}).
-record(box, {label, items = [] :: list()}).

classify(N) when is_integer(N), N < 0 -> negative;
classify(0) -> zero;
classify(N) when is_integer(N) -> positive;
classify(F) when is_float(F) -> float.

fact(0) -> 1;
fact(N) when N > 0 -> N * fact(N - 1).

rec() -> #item{id = 1, name = "widget", qty = 5, tags = [blue, small]}.

recs(N) -> #box{label = "crate", items = [#item{id = I} || I <- lists:seq(1, N)]}.

pairs(L) -> [{X, Y} || X <- L, Y <- L, X < Y].

deep(0) -> leaf;
deep(N) -> {node, N, deep(N - 1), deep(N - 1)}.

safe_div(_, 0) -> {error, div_by_zero};
safe_div(A, B) -> {ok, A / B}.

tagged(X) ->
    case X of
        {ok, V} -> V;
        {error, R} -> erlang:error({tagged_error, R})
    end.

warn(X) ->
    Unused = 1,
    X.
