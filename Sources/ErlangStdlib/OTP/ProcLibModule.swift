import ErlangOTP
import ErlangRuntime
import ErlangTerms

/// The `proc_lib` module: processes that know their ancestors and write a
/// crash report when they die. Mirrors proc_lib.erl's `spawn/1,3`,
/// `spawn_link/1,3`, `start/3,4`, `start_link/3,4`, `init_ack/1,2`,
/// and (`+InitialCall`) `initial_call/1`, `translate_initial_call/1`.
enum ProcLibModule {
    /// The exported functions.
    static let functions: FunctionTable = initialCallFunctions + [
        bif("spawn", 1, { p, a in spawnFun(p, a[0], tie: .none) }),
        bif("spawn_link", 1, { p, a in spawnFun(p, a[0], tie: .link) }),
        bif("spawn", 3, { p, a in try spawnMFA(p, a[0], a[1], a[2], tie: .none) }),
        bif("spawn_link", 3, { p, a in try spawnMFA(p, a[0], a[1], a[2], tie: .link) }),
        bif("start", 3, { p, a in try await start(p, a[0], a[1], a[2], timeout: .infinity, tie: .none) }),
        bif("start", 4, { p, a in try await start(p, a[0], a[1], a[2], timeout: try timeout(a[3]), tie: .none) }),
        bif("start_link", 3, { p, a in try await start(p, a[0], a[1], a[2], timeout: .infinity, tie: .link) }),
        bif("start_link", 4, { p, a in try await start(p, a[0], a[1], a[2], timeout: try timeout(a[3]), tie: .link) }),
        bif("init_ack", 1, { p, a in
            if let parent = parent(of: p) { ProcLib.initAck(p, to: parent, a[0]) }
            return .ok
        }),
        bif("init_ack", 2, { p, a in
            guard case .pid(let parent) = a[0] else { throw ErlangException.badarg }
            ProcLib.initAck(p, to: parent, a[1])
            return .ok
        }),
    ]

    private static func spawnFun(_ p: ErlangProcess, _ fun: Term, tie: ProcLib.Tie) -> Term {
        let (child, _) = ProcLib.spawn(from: p, tie: tie, initialCall: ErlangBIFsInitialCall.of(fun, in: p)) { child in
            _ = try await child.apply(fun, [])
        }
        return .pid(child.pid)
    }

    private static func spawnMFA(_ p: ErlangProcess, _ m: Term, _ f: Term, _ args: Term,
                                 tie: ProcLib.Tie) throws -> Term {
        guard case .atom(let module) = m, case .atom(let function) = f, let list = args.listElements else {
            throw ErlangException.badarg
        }
        let call: Term = .tuple([m, f, .int(list.count)])
        let (child, _) = ProcLib.spawn(from: p, tie: tie, initialCall: call) { child in
            _ = try await child.apply(module: module, function: function, list)
        }
        return .pid(child.pid)
    }

    private static func start(_ p: ErlangProcess, _ m: Term, _ f: Term, _ args: Term,
                              timeout: ErlangProcess.ReceiveTimeout, tie: ProcLib.Tie) async throws -> Term {
        guard case .pid(let child) = try spawnMFA(p, m, f, args, tie: tie) else { throw ErlangException.badarg }
        return try await ProcLib.syncStart(p, child: child, linked: tie == .link, timeout: timeout)
    }

    /// The parent of a proc_lib process: the first of its ancestors.
    private static func parent(of p: ErlangProcess) -> Pid? {
        guard case .cons(let cell)? = p.get(.atom(OTPAtom.ancestorsKey)) else { return nil }
        if case .pid(let pid) = cell.head { return pid }
        if case .atom(let name) = cell.head { return p.runtime.whereis(name) }
        return nil
    }

    private static func timeout(_ term: Term) throws -> ErlangProcess.ReceiveTimeout {
        guard let t = GenServer.timeout(term) else { throw ErlangException.badarg }
        return t
    }
}

/// The `{M, F, Arity}` a fun's process reports as its initial call:
/// what `erlang:fun_info/2` says of the fun's module, name and arity
/// (a shell fun: `{erl_eval, '-expr/6-fun-2-', 0}`, as in erl).
enum ErlangBIFsInitialCall {
    static func of(_ fun: Term, in p: ErlangProcess) -> Term {
        guard case .fun(let f) = fun else { return .tuple([.atom("erlang"), .atom("apply"), .int(2)]) }
        if case .external(let m, let name) = f.kind { return .tuple([.atom(m), .atom(name), .int(f.arity)]) }
        guard case .tuple(let module)? = try? ErlangBIFs.funInfo(f, Atom("module"), p),
              case .tuple(let name)? = try? ErlangBIFs.funInfo(f, Atom("name"), p) else {
            return .tuple([.atom("erlang"), .atom("apply"), .int(2)])
        }
        return .tuple([module[1], name[1], .int(f.arity)])
    }
}
