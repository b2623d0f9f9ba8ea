import ErlangRuntime
import ErlangTerms

/// The `erlang` module's process BIFs: spawning, messages, exit signals,
/// links, monitors, the registry, `process_info`, the process dictionary,
/// timers and pids. Mirrors the process BIFs of erts.
///
/// Errors are thrown as `ErlangException` without a stacktrace (erl's
/// `badarg`, `noproc`, ...); `ErlangProcess.apply` adds the call's frame
/// `{erlang, F, Args, []}`. `exit/1`, `is_pid/1` and `is_reference/1` live
/// with the other control and type-test BIFs in `ErlangBIFs`.
///
/// Split: `+Spawn`, `+Signals` (exit/2, links, monitors, process_flag),
/// `+Registry`, `+Info` (process_info, is_process_alive), `+Dictionary`,
/// `+Timers` (send_after, start_timer, cancel_timer, read_timer),
/// `+Pids` (self, node, list_to_pid, ...). This file assembles the table
/// and holds `send`, which the evaluator's `!` uses too.
public enum ProcessBIFs {
    /// The exported functions.
    static let functions: FunctionTable =
        spawning + signals + registry + info + dictionary + timers + pids + messaging

    static let messaging: FunctionTable = [
        bif("send", 2, { p, a in try send(process: p, dest: a[0], message: a[1]) }),
        // Lets the processes runnable now go first, as BEAM's yield does.
        bif("yield", 0, { p, _ in
            await p.letRunnableProcessesGoFirst()
            return .atom(Atom("true"))
        }),
        // On one node, noconnect and nosuspend change nothing; send/3 answers ok.
        bif("send", 3, { p, a in
            guard let options = a[2].listElements, options.allSatisfy(sendOptions.contains) else {
                throw ErlangException.badarg
            }
            _ = try send(process: p, dest: a[0], message: a[1])
            return .ok
        }),
    ]

    /// Sends `message` to `dest` and returns `message`: `erlang:send/2`, and
    /// `Dest ! Msg` (see `ErlangProcess.send(_:to:)`, which the evaluator
    /// calls directly). Throws `badarg` without a stacktrace.
    public static func send(process: ErlangProcess, dest: Term, message: Term) throws -> Term {
        try process.send(message, to: dest)
    }

    /// The options `erlang:send/3` takes.
    public static let sendOptions: [Term] = [.atom(Atom("noconnect")), .atom(Atom("nosuspend"))]

    /// The pid in `term`, or `badarg`.
    static func pidArgument(_ term: Term) throws -> Pid {
        guard case .pid(let pid) = term else { throw ErlangException.badarg }
        return pid
    }

    /// The atom in `term`, or `badarg`.
    static func atomArgument(_ term: Term) throws -> Atom {
        guard case .atom(let atom) = term else { throw ErlangException.badarg }
        return atom
    }

    /// The reference in `term`, or `badarg`.
    static func refArgument(_ term: Term) throws -> Ref {
        guard case .ref(let ref) = term else { throw ErlangException.badarg }
        return ref
    }

    /// The elements of the proper list `term`, or `badarg`.
    static func listArgument(_ term: Term) throws -> [Term] {
        guard let elements = term.listElements else { throw ErlangException.badarg }
        return elements
    }

    /// `{Key, Bool}` options from a proper list, each key among `allowed`;
    /// `badarg` for anything else.
    static func booleanOptions(_ term: Term, allowed: [String]) throws -> [String: Bool] {
        var options: [String: Bool] = [:]
        for option in try listArgument(term) {
            guard case .tuple(let e) = option, e.count == 2, case .atom(let key) = e[0],
                  allowed.contains(key.text), let value = e[1].boolValue else { throw ErlangException.badarg }
            options[key.text] = value
        }
        return options
    }
}
