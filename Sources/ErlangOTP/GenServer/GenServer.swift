import ErlangRuntime
import ErlangTerms

/// OTP's generic server, native in Swift. Mirrors `gen_server`: the
/// callback module (an interpreted `.erl` or a Swift `GenServerCallbacks`
/// type) is reached through the runtime's module table, so the loop never
/// knows which kind it runs.
///
/// The callback contract, as in gen_server.erl:
/// - `init(Args)` → `{ok, S}` | `{ok, S, Timeout | hibernate | {continue, C}}`
///   | `ignore` | `{stop, Reason}` (OTP 25 has no `{error, Reason}`: a bad return value)
/// - `handle_call(Request, From, S)` → `{reply, R, S}` | `{reply, R, S, Next}`
///   | `{noreply, S}` | `{noreply, S, Next}` | `{stop, Reason, R, S}` | `{stop, Reason, S}`
/// - `handle_cast(Msg, S)`, `handle_info(Msg, S)`, `handle_continue(C, S)`
///   → `{noreply, S}` | `{noreply, S, Next}` | `{stop, Reason, S}`
/// - `terminate(Reason, S)` (optional), `code_change(OldVsn, S, Extra)` → `{ok, S}`
///
/// Split: `+Start` starts servers; `+Call` is the client side of calls
/// (`call`, `send_request`, `multi_call`); `GenServerLoop` is the server
/// side; `GenServerCallbacks` is the typed Swift API.
public enum GenServer {
    /// Sends `reply` to the client `from` (`{Pid, Tag}` as handed to
    /// `handle_call/3`). Mirrors `gen_server:reply/2`. A client that gave
    /// up waiting (a call's tag `[alias | Ref]` whose monitor is gone)
    /// never sees the reply.
    public static func reply(to from: Term, _ reply: Term, from process: ErlangProcess) {
        guard case .tuple(let e) = from, e.count == 2, case .pid(let client) = e[0] else { return }
        if case .cons(let cell) = e[1], cell.head == .atom(OTPAtom.alias), case .ref(let ref) = cell.tail {
            process.runtime.process(client)?.deliverReply(reply, taggedWith: e[1], whileMonitoring: ref)
        } else {
            process.runtime.send(.tuple([e[1], reply]), to: client)
        }
    }

    /// Sends `{'$gen_cast', Request}` to `dest`. Mirrors
    /// `gen_server:cast/2`: `function_clause` when `dest` is not a server
    /// reference.
    public static func cast(_ dest: Term, _ request: Term, from process: ErlangProcess) async throws {
        if castAtOnce(dest, request, from: process) { return }
        try await castResolving(dest, request, from: process)
    }

    /// `cast` without suspending, for a pid or a locally registered name
    /// that is taken: sends and returns `true`. `false` (nothing sent)
    /// when the reference needs `cast` (`{global, N}`, `{via, M, N}`, a
    /// name nobody has). The `gen_server:cast/2` BIF tries this first, so
    /// the usual cast costs no async frame.
    public static func castAtOnce(_ dest: Term, _ request: Term, from process: ErlangProcess) -> Bool {
        guard let pid = ServerRef.resolveAtOnce(dest, in: process) else { return false }
        process.runtime.send(.cast(request: request), to: pid)
        return true
    }

    /// The rest of `cast` when `castAtOnce` could not send: resolves
    /// `dest` (which may call a `via` module) and sends, or drops the
    /// message when nothing has the name, as `gen_server:cast/2` does.
    /// Throws `function_clause` when `dest` is not a server reference.
    public static func castResolving(_ dest: Term, _ request: Term, from process: ErlangProcess) async throws {
        guard ServerRef.isCastDestination(dest) else {
            throw ErlangException(.error, .atom(.functionClause), stacktrace: [StackFrames.badCast(dest, request)])
        }
        if case .tuple(let e) = dest, e.count == 3, case .atom(let module) = e[1] {
            // `{via, M, N}`: the registry sends (`catch M:send(N, Msg)`, as
            // gen_server does: its errors are dropped, an exit signal is not).
            let message = MailboxMessage.cast(request: request).term
            do {
                _ = try await process.apply(module: module, function: Atom("send"), [e[2], message])
            } catch is ErlangException {}
            return
        }
        guard let pid = await ServerRef.resolve(dest, in: process) else { return }
        process.runtime.send(.cast(request: request), to: pid)
    }

    /// Casts `request` to the server registered locally as `name`.
    /// Mirrors `gen_server:abcast/2` on a node that is not distributed:
    /// returns `abcast`.
    public static func abcast(_ name: Atom, _ request: Term, from process: ErlangProcess) -> Term {
        if let pid = process.runtime.whereis(name) {
            process.runtime.send(.cast(request: request), to: pid)
        }
        return .atom(OTPAtom.abcast)
    }

    /// Parses a call timeout: a non-negative integer or `infinity`.
    public static func timeout(_ term: Term) -> ErlangProcess.ReceiveTimeout? {
        switch term {
        case .int(let ms) where ms >= 0: return .milliseconds(Int64(ms))
        case .atom(let a) where a == .infinity: return .infinity
        case .int, .bigInt, .float, .atom, .tuple, .nil, .cons, .map, .binary, .pid, .ref, .fun:
            return nil
        }
    }

    /// A timeout as Erlang writes it: milliseconds or `infinity`.
    public static func term(of timeout: ErlangProcess.ReceiveTimeout) -> Term {
        switch timeout {
        case .infinity: return .atom(.infinity)
        case .milliseconds(let ms): return .int(Int(ms))
        }
    }

    /// `gen_server:call/2`'s default timeout: 5000 ms.
    public static let defaultTimeout = ErlangProcess.ReceiveTimeout.milliseconds(5000)
}
