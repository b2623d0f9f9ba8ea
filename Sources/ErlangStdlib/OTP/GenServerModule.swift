import ErlangOTP
import ErlangRuntime
import ErlangTerms

/// The `gen_server` module: Erlang's entry points into `ErlangOTP`'s
/// native generic server. Mirrors gen_server.erl's exports.
enum GenServerModule {
    /// The exported functions.
    static let functions: FunctionTable = starting + calling + stopping

    static let starting: FunctionTable = [
        // With no name, a server whose init/1 cannot suspend starts at once.
        NativeFunction("start", 3, atOnce: { p, a in try startAtOnce(p, a[0], a[1], a[2], tie: .none) },
                       otherwise: { p, a in try await start(p, name: nil, a[0], a[1], a[2], tie: .none) }),
        bif("start", 4, { p, a in try await start(p, name: a[0], a[1], a[2], a[3], tie: .none) }),
        NativeFunction("start_link", 3, atOnce: { p, a in try startAtOnce(p, a[0], a[1], a[2], tie: .link) },
                       otherwise: { p, a in try await start(p, name: nil, a[0], a[1], a[2], tie: .link) }),
        bif("start_link", 4, { p, a in try await start(p, name: a[0], a[1], a[2], a[3], tie: .link) }),
        NativeFunction("start_monitor", 3, atOnce: { p, a in try startAtOnce(p, a[0], a[1], a[2], tie: .monitor) },
                       otherwise: { p, a in try await start(p, name: nil, a[0], a[1], a[2], tie: .monitor) }),
        bif("start_monitor", 4, { p, a in try await start(p, name: a[0], a[1], a[2], a[3], tie: .monitor) }),
        bif("enter_loop", 3, { p, a in try await enterLoop(p, a[0], a[1], a[2], name: nil, next: nil) }),
        bif("enter_loop", 4, { p, a in
            if ServerName(a[3]) != nil { return try await enterLoop(p, a[0], a[1], a[2], name: a[3], next: nil) }
            return try await enterLoop(p, a[0], a[1], a[2], name: nil, next: a[3])
        }),
        bif("enter_loop", 5, { p, a in try await enterLoop(p, a[0], a[1], a[2], name: a[3], next: a[4]) }),
    ]

    static let calling: FunctionTable = [
        // An idle server whose handle_call cannot suspend answers at once.
        NativeFunction("call", 2, atOnce: { p, a in try GenServer.callAtOnce(a[0], a[1], from: p) },
                       otherwise: { p, a in try await GenServer.call(a[0], a[1], from: p) }),
        NativeFunction("call", 3, atOnce: { p, a in try GenServer.callAtOnce(a[0], a[1], timeout: a[2], from: p) },
                       otherwise: { p, a in try await GenServer.call(a[0], a[1], timeout: a[2], from: p) }),
        // A pid or a local name sends at once; a `via` name may call its module.
        NativeFunction("cast", 2, atOnce: { p, a in GenServer.castAtOnce(a[0], a[1], from: p) ? .ok : nil },
                       otherwise: { p, a in
                           try await GenServer.castResolving(a[0], a[1], from: p)
                           return .ok
                       }),
        bif("reply", 2, { p, a in
            // gen:reply/2 takes any {To, Tag}.
            guard case .tuple(let from) = a[0], from.count == 2 else {
                throw StdlibError.functionClause("gen", "reply", a, line: 532)
            }
            GenServer.reply(to: a[0], a[1], from: p)
            return .ok
        }),
        bif("send_request", 2, { p, a in try await GenServer.sendRequest(a[0], a[1], from: p) }),
        bif("wait_response", 2, { p, a in
            guard let t = GenServer.timeout(a[1]) else { throw ErlangException.badarg }
            return try await GenServer.waitResponse(a[0], timeout: t, dropOnTimeout: false, from: p)
        }),
        bif("receive_response", 2, { p, a in
            guard let t = GenServer.timeout(a[1]) else { throw ErlangException.badarg }
            return try await GenServer.waitResponse(a[0], timeout: t, dropOnTimeout: true, from: p)
        }),
        bif("check_response", 2, { p, a in try GenServer.checkResponse(a[0], a[1], from: p) }),
        // gen_server's clauses take an atom name and a list of nodes only.
        bif("multi_call", 2, { p, a in
            guard case .atom(let name) = a[0] else {
                throw StdlibError.functionClause("gen_server", "multi_call", a, line: 650)
            }
            return try await GenServer.multiCall(name, a[1], from: p)
        }),
        bif("multi_call", 3, { p, a in
            guard case .atom(let name) = a[1], let nodes = a[0].listElements else {
                throw StdlibError.functionClause("gen_server", "multi_call", a, line: 664)
            }
            return try await GenServer.multiCall(name, a[2], nodes: nodes, from: p)
        }),
        bif("multi_call", 4, { p, a in
            guard case .atom(let name) = a[1], let nodes = a[0].listElements, let t = GenServer.timeout(a[3]) else {
                throw StdlibError.functionClause("gen_server", "multi_call", a, line: 679)
            }
            return try await GenServer.multiCall(name, a[2], nodes: nodes, timeout: t, from: p)
        }),
        bif("abcast", 2, { p, a in
            guard case .atom(let name) = a[0] else {
                throw StdlibError.functionClause("gen_server", "abcast", a, line: 612)
            }
            return GenServer.abcast(name, a[1], from: p)
        }),
        bif("abcast", 3, { p, a in
            guard case .atom(let name) = a[1], let nodes = a[0].listElements else {
                throw StdlibError.functionClause("gen_server", "abcast", a, line: 622)
            }
            return nodes.contains(.atom(.nonode)) ? GenServer.abcast(name, a[2], from: p) : .atom(OTPAtom.abcast)
        }),
    ]

    static let stopping: FunctionTable = [
        bif("stop", 1, { p, a in try await GenServer.stop(a[0], from: p) }),
        bif("stop", 3, { p, a in
            guard let t = GenServer.timeout(a[2]) else { throw ErlangException.badarg }
            return try await GenServer.stop(a[0], reason: a[1], timeout: t, from: p)
        }),
    ]

    private static func start(_ p: ErlangProcess, name: Term?, _ module: Term, _ args: Term, _ options: Term,
                              tie: ProcLib.Tie) async throws -> Term {
        guard case .atom(let m) = module, let opts = GenServer.StartOptions(options) else { throw ErlangException.badarg }
        var serverName: ServerName?
        if let name {
            guard let parsed = ServerName(name) else { throw badName(name) }
            serverName = parsed
        }
        return try await GenServer.start(m, args, name: serverName, options: opts, tie: tie, from: p)
    }

    /// `start` with no name, at once (`GenServer.startAtOnce`); `nil`,
    /// having done nothing, when it must be made in full (bad arguments
    /// among them: the full start raises their errors).
    private static func startAtOnce(_ p: ErlangProcess, _ module: Term, _ args: Term, _ options: Term,
                                    tie: ProcLib.Tie) throws -> Term? {
        guard case .atom(let m) = module, let opts = GenServer.StartOptions(options) else { return nil }
        return try GenServer.startAtOnce(m, args, options: opts, tie: tie, from: p)
    }

    /// Why `gen:start/6` rejects `name`: `badarg` for `{local, N}` or
    /// `{via, M, N}` with a bad part, `function_clause` in `gen:where/1`
    /// for a term that is no name at all.
    private static func badName(_ name: Term) -> ErlangException {
        if case .tuple(let e) = name, (e.count == 2 && e[0] == .atom(OTPAtom.local)) || (e.count == 3 && e[0] == .atom(OTPAtom.via)) {
            return ErlangException.badarg
        }
        let whereFrame: Term = .tuple([.atom(OTPAtom.gen), .atom(Atom("where")), .list([name]),
                                       .list([.tuple([.atom(OTPAtom.file), .string("gen.erl")]),
                                              .tuple([.atom(OTPAtom.line), .int(601)])])])
        return ErlangException(.error, .atom(.functionClause),
                               stacktrace: [whereFrame, StackFrames.frame(OTPAtom.gen, "start", 6, line: 105)])
    }

    private static func enterLoop(_ p: ErlangProcess, _ module: Term, _ options: Term, _ state: Term, name: Term?,
                                  next: Term?) async throws -> Term {
        guard case .atom(let m) = module, let opts = GenServer.StartOptions(options) else { throw ErlangException.badarg }
        let serverName = name.flatMap(ServerName.init)
        try await GenServer.enterLoop(p, module: m, state: state, name: serverName, next: next, options: opts)
    }
}
