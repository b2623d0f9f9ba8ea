%% reg.erl - a custom {via, reg, Name} registry that prints every call it gets.
-module(reg).
-export([register_name/2, unregister_name/1, whereis_name/1, send/2]).

key(Name) -> list_to_atom("reg_" ++ atom_to_list(Name)).

register_name(Name, Pid) ->
    io:format("reg: register_name(~p)~n", [Name]),
    try register(key(Name), Pid) of
        true -> yes
    catch
        error:badarg -> no
    end.

unregister_name(Name) ->
    io:format("reg: unregister_name(~p)~n", [Name]),
    catch unregister(key(Name)),
    ok.

whereis_name(Name) ->
    io:format("reg: whereis_name(~p)~n", [Name]),
    case whereis(key(Name)) of
        undefined -> undefined;
        Pid -> Pid
    end.

send(Name, Msg) ->
    io:format("reg: send(~p, ~p)~n", [Name, Msg]),
    case whereis(key(Name)) of
        undefined -> exit({badarg, {Name, Msg}});
        Pid -> Pid ! Msg, Pid
    end.
