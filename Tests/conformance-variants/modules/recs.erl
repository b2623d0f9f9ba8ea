-module(recs).
-export([new/1, name/1]).
-record(person, {name, age = 0, tags = []}).

new(Name) -> #person{name = Name}.
name(#person{name = N}) -> N.
