import ErlangRuntime
import ErlangTerms

/// OTP's supervisor, native in Swift. Mirrors `supervisor`: a supervisor
/// is a gen_server whose callback module is `supervisor` itself
/// (`SupervisorServer`); the user's module only answers `init/1` with
/// `{ok, {SupFlags, [ChildSpec]}}` or `ignore`.
///
/// Split: `SupervisorFlags` and `ChildSpec` parse the specs;
/// `SupervisorState` is the server's state (erl's `#state{}` record);
/// `SupervisorServer` (+`Children`, +`Restart`, +`Calls`) is the callback
/// module; `SupervisorReport` writes the `SUPERVISOR REPORT`.
public enum Supervisor {
    /// Starts a supervisor linked to `caller`, running `module:init(args)`,
    /// registered as `name` if given. Mirrors `supervisor:start_link/2,3`:
    /// `{ok, Pid}`, `ignore` or `{error, Reason}`.
    public static func startLink(_ module: Atom, _ args: Term, name: ServerName?,
                                 from caller: ErlangProcess) async throws -> Term {
        let nameTerm: Term
        switch name {
        case .local(let n)?: nameTerm = .tuple([.atom(OTPAtom.local), .atom(n)])
        case .global(let n)?: nameTerm = .tuple([.atom(OTPAtom.global), n])
        case .via(let m, let n)?: nameTerm = .tuple([.atom(OTPAtom.via), .atom(m), n])
        case nil: nameTerm = .atom(Atom("self"))
        }
        return try await GenServer.start(SupAtom.supervisor, .tuple([nameTerm, .atom(module), args]), name: name,
                                         tie: .link, initialCall: .tuple([.atom(SupAtom.supervisor), .atom(module), .int(1)]),
                                         from: caller)
    }

    /// Sends the API request `request` to supervisor `ref` and waits
    /// without a timeout, as supervisor.erl's `call/2` does.
    public static func call(_ ref: Term, _ request: Term, from process: ErlangProcess) async throws -> Term {
        try await GenServer.call(ref, request, timeout: .atom(.infinity), from: process)
    }

    /// Checks a list of child specs. Mirrors `supervisor:check_childspecs/1`:
    /// `ok` or `{error, Reason}`.
    public static func checkChildSpecs(_ specs: Term) -> Term {
        guard specs.listElements != nil else { return .tuple([.atom(.error), .tuple([.atom(.badarg), specs])]) }
        switch ChildSpec.parseAll(specs) {
        case .success: return .ok
        case .failure(let error): return .tuple([.atom(.error), error.reason])
        }
    }

    /// The `supervisor` module's gen_server callbacks (`init/1`,
    /// `handle_call/3`, ...), to load with the API functions.
    public static var callbackFunctions: [NativeFunction] {
        let server = SupervisorServer()
        return [
            NativeFunction("init", 1, { p, a in try await server.initialize(a[0], process: p).term }),
            NativeFunction("handle_call", 3, { p, a in
                try await server.handleCall(a[0], from: a[1], state: a[2], process: p).term
            }),
            NativeFunction("handle_cast", 2, { p, a in try await server.handleCast(a[0], state: a[1], process: p).term }),
            NativeFunction("handle_info", 2, { p, a in try await server.handleInfo(a[0], state: a[1], process: p).term }),
            NativeFunction("terminate", 2, { p, a in
                try await server.terminate(reason: a[0], state: a[1], process: p)
                return .ok
            }),
            NativeFunction("code_change", 3, { _, a in .tuple([.ok, a[1]]) }),
            NativeFunction("format_status", 2, { _, a in formatStatus(a[0], a[1]) }),
        ]
    }

    /// `format_status/2`: the state as it is for `terminate`; for
    /// `sys:get_status/1`, the state and the callback module, as erl's
    /// `[{data, [{"State", S}]}, {supervisor, [{"Callback", Mod}]}]`.
    static func formatStatus(_ option: Term, _ arguments: Term) -> Term {
        guard let parts = arguments.listElements, parts.count == 2 else { return arguments }
        let state = parts[1]
        if option == .atom(OTPAtom.terminate) { return state }
        let module: Term
        if case .tuple(let e) = state, e.count == 12 { module = e[10] } else { module = .atom(.undefined) }
        return .list([
            .tuple([.atom(Atom("data")), .list([.tuple([.string("State"), state])])]),
            .tuple([.atom(SupAtom.supervisor), .list([.tuple([.string("Callback"), module])])]),
        ])
    }
}
