import ErlangRuntime
import ErlangTerms

/// `spawn/1,3`, `spawn_link/1,3` and `spawn_monitor/1,3`.
///
/// The arguments are checked in the caller (`badarg` for a non-fun or a
/// bad `{M, F, Args}`); everything else fails in the new process, as in
/// erl: a fun of the wrong arity exits with `{badarity, ...}`, a missing
/// function with `undef`.
extension ProcessBIFs {
    static let spawning: FunctionTable = [
        bif("spawn", 1, { p, a in try spawnFun(p, a[0], .plain) }),
        bif("spawn", 3, { p, a in try spawnCall(p, a, .plain) }),
        bif("spawn_link", 1, { p, a in try spawnFun(p, a[0], .link) }),
        bif("spawn_link", 3, { p, a in try spawnCall(p, a, .link) }),
        bif("spawn_monitor", 1, { p, a in try spawnFun(p, a[0], .monitor) }),
        bif("spawn_monitor", 3, { p, a in try spawnCall(p, a, .monitor) }),
    ]

    /// How a new process is tied to its parent.
    enum SpawnMode {
        case plain, link, monitor
    }

    /// `spawn(Fun)`: the new process calls `Fun()`.
    static func spawnFun(_ parent: ErlangProcess, _ fun: Term, _ mode: SpawnMode) throws -> Term {
        guard case .fun(let f) = fun else { throw ErlangException.badarg }
        // A closure of no arguments is called directly, not through
        // `apply`: the new process waits with one frame fewer (memory
        // per idle process is mostly its suspended frames).
        if case .local(_, _, _, let code) = f.kind, f.arity == 0, let body = code as? FunBody {
            return spawn(parent, mode, initialCall: nil, code: .fun(body))
        }
        return spawn(parent, mode, initialCall: nil) { child in
            do {
                _ = try await child.apply(fun, [])
            } catch var exception as ErlangException where exception.stacktrace.isEmpty {
                // erl reports a bad fun call in the new process at erlang:apply/2.
                exception.stacktrace = [ErlangProcess.frame(Atom("erlang"), Atom("apply"), .int(2))]
                throw exception
            }
        }
    }

    /// `spawn(M, F, Args)`: the new process calls `M:F(Args...)`.
    static func spawnCall(_ parent: ErlangProcess, _ a: [Term], _ mode: SpawnMode) throws -> Term {
        let module = try atomArgument(a[0])
        let function = try atomArgument(a[1])
        let args = try listArgument(a[2])
        let initialCall: Term = .tuple([a[0], a[1], .int(args.count)])
        return spawn(parent, mode, initialCall: initialCall) { child in
            _ = try await child.apply(module: module, function: function, args)
        }
    }

    /// Starts `body` in a new process tied to `parent` as `mode` says;
    /// returns the pid, or `{Pid, Ref}` for a monitor.
    static func spawn(_ parent: ErlangProcess, _ mode: SpawnMode, initialCall: Term?,
                      _ body: @escaping @Sendable (ErlangProcess) async throws -> Void) -> Term {
        spawn(parent, mode, initialCall: initialCall, code: .closure(body))
    }

    /// Starts `code` in a new process tied to `parent` as `mode` says.
    static func spawn(_ parent: ErlangProcess, _ mode: SpawnMode, initialCall: Term?, code: ProcessCode) -> Term {
        let runtime = parent.runtime
        switch mode {
        case .plain:
            return .pid(runtime.spawn(initialCall: initialCall, code: code).pid)
        case .link:
            return .pid(runtime.spawn(linkTo: parent, initialCall: initialCall, code: code).pid)
        case .monitor:
            let (child, ref) = runtime.spawnMonitor(by: parent, initialCall: initialCall, code: code)
            return .tuple([.pid(child.pid), .ref(ref)])
        }
    }
}
