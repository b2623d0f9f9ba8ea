import ErlangOTP
import ErlangRuntime
import ErlangTerms

/// `tc`: a counter written with the typed Swift API. Its state is an
/// integer, or `{waiting, From, N}` while a `hold` call waits for `release`.
struct TestCounter: GenServerCallbacks {
    static let moduleName = "tc"

    func initialize(_ args: Term, process: ErlangProcess) async throws -> GenServerInit {
        switch args {
        case atom("ignore"): return .ignore
        case .tuple(let e) where e.count == 2 && e[0] == atom("stop"): return .stop(e[1])
        case .tuple(let e) where e.count == 2 && e[0] == atom("error"): return .error(e[1])
        case .tuple(let e) where e.count == 2 && e[0] == atom("timeout"):
            guard case .int(let ms) = e[1] else { return .stop(atom("bad_timeout")) }
            return .ok(.int(0), .timeout(ms))
        case .tuple(let e) where e.count == 2 && e[0] == atom("continue"): return .ok(.int(0), .continueWith(e[1]))
        case .tuple(let e) where e.count == 2 && e[0] == atom("crash"): throw ErlangException.error(e[1])
        default: return .ok(args)
        }
    }

    func handleCall(_ request: Term, from: Term, state: Term, process: ErlangProcess) async throws -> GenServerCallResult {
        switch request {
        case atom("value"): return .reply(state, state)
        case atom("hold"): return .noreply(tuple(atom("waiting"), from, state))
        case atom("stop"): return .stopWithReply(atom("normal"), tuple(atom("stopped_at"), state), state)
        case atom("divide"): throw ErlangException.badarith
        case .tuple(let e) where e.count == 2 && e[0] == atom("ping"):
            guard case .int(let ms) = e[1] else { return .reply(atom("bad"), state) }
            return .reply(atom("pong"), state, .timeout(ms))
        default: return .reply(tuple(atom("unknown_call"), request), state)
        }
    }

    func handleCast(_ message: Term, state: Term, process: ErlangProcess) async throws -> GenServerResult {
        switch (message, state) {
        case (atom("inc"), .int(let n)): return .noreply(.int(n + 1))
        case (atom("release"), .tuple(let e)) where e.count == 3:
            GenServer.reply(to: e[1], atom("released"), from: process)
            return .noreply(e[2])
        case (.tuple(let e), _) where e.count == 2 && e[0] == atom("expect_ok"):
            guard case .tuple(let ok) = e[1], ok.count == 2, ok[0] == .ok else {
                throw ErlangException.error(tuple(.atom(.badmatch), e[1]))
            }
            return .noreply(state)
        case (.tuple(let e), _) where e.count == 2 && e[0] == atom("quit"): return .stop(e[1], state)
        default: return .noreply(state)
        }
    }

    func handleInfo(_ message: Term, state: Term, process: ErlangProcess) async throws -> GenServerResult {
        process.runtime.output.write("tc got info \(text(message))\n")
        if case .int(let n) = state { return .noreply(.int(n + 1)) }
        return .noreply(state)
    }

    func handleContinue(_ argument: Term, state: Term, process: ErlangProcess) async throws -> GenServerResult {
        process.runtime.output.write("tc continue \(text(argument))\n")
        return .noreply(argument)
    }

    func terminate(reason: Term, state: Term, process: ErlangProcess) async throws {
        process.runtime.output.write("tc terminate(\(text(reason))) at \(text(state))\n")
    }

    func codeChange(oldVersion: Term, state: Term, extra: Term, process: ErlangProcess) async throws -> Term {
        tuple(atom("upgraded"), state, extra)
    }
}

/// `raw`: a module written as a plain function table, whose `init/1`
/// returns its argument as it is (so any bad value can be tried).
enum RawModule {
    static let module = NativeModule("raw", functions: [
        NativeFunction("init", 1, { _, a in a[0] }),
        NativeFunction("handle_call", 3, { _, a in a[0] }),
        NativeFunction("handle_cast", 2, { _, a in a[0] }),
        NativeFunction("handle_info", 2, { _, a in a[0] }),
    ])
}

/// `fs`: a module with `format_status/2`, which reports and
/// `sys:get_status` show instead of the raw state.
enum FormatStatusModule {
    static let module = NativeModule("fs", functions: [
        NativeFunction("init", 1, { _, a in tuple(.ok, a[0]) }),
        NativeFunction("handle_call", 3, { _, a in tuple(atom("reply"), a[2], a[2]) }),
        NativeFunction("handle_cast", 2, { _, a in tuple(atom("stop"), a[0], a[1]) }),
        NativeFunction("format_status", 2, { _, a in
            guard let parts = a[1].listElements, parts.count == 2 else { return a[1] }
            return tuple(atom("hidden"), a[0])
        }),
    ])
}

/// `partial`: only `init/1`, `handle_call/3` and `handle_cast/2` (no
/// `handle_info/2`, `handle_continue/2`, `terminate/2`, `code_change/3`).
/// `init/1` and the callbacks return their first argument, except
/// `{apply, M, F, Args}`, which calls `M:F(Args...)` (to raise `undef`
/// from inside a callback).
enum PartialModule {
    static let module = NativeModule("partial", functions: [
        NativeFunction("init", 1, { _, a in a[0] }),
        NativeFunction("handle_call", 3, { p, a in try await resultOf(a[0], in: p) }),
        NativeFunction("handle_cast", 2, { p, a in try await resultOf(a[0], in: p) }),
    ])

    /// `request` itself, or what `{apply, M, F, Args}` calls.
    static func resultOf(_ request: Term, in process: ErlangProcess) async throws -> Term {
        guard case .tuple(let e) = request, e.count == 4, e[0] == atom("apply"),
              case .atom(let m) = e[1], case .atom(let f) = e[2], let args = e[3].listElements else { return request }
        return try await process.apply(module: m, function: f, args)
    }
}

/// `fs1`: a module with OTP 25's `format_status/1`, which hides the
/// state's `password` and wraps the reason as `{hidden, R}`; a state
/// `not_a_map` makes it return a non-map.
enum FormatStatusMapModule {
    static let module = NativeModule("fs1", functions: [
        NativeFunction("init", 1, { _, a in tuple(.ok, a[0]) }),
        NativeFunction("handle_call", 3, { _, a in tuple(atom("stop"), a[0], atom("bye"), a[2]) }),
        NativeFunction("handle_cast", 2, { _, a in tuple(atom("noreply"), a[1]) }),
        NativeFunction("format_status", 1, { _, a in
            guard case .map(let status) = a[0], let state = status[atom("state")] else { return a[0] }
            if state == atom("not_a_map") { return atom("nope") }
            var shown = status.updating(atom("state"), to: atom("hidden_state")).updating(atom("extra"), to: .int(1))
            if let reason = status[atom("reason")] { shown = shown.updating(atom("reason"), to: tuple(atom("hidden"), reason)) }
            return .map(shown)
        }),
    ])
}
