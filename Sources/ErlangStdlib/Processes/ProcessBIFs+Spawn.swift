import ErlangOTP
import ErlangRuntime
import ErlangTerms

/// `spawn/1,2,3,4`, `spawn_link/1,2,3,4`, `spawn_monitor/1,2,3,4` and
/// `spawn_opt/2,3,4,5`.
///
/// The arguments are checked in the caller (`badarg` for a non-fun, a
/// bad `{M, F, Args}`, a node that is not an atom, a bad option);
/// everything else fails in the new process, as in erl: a fun of the
/// wrong arity exits with `{badarity, ...}`, a missing function with
/// `undef`.
///
/// The node is `node()` (`nonode@nohost`): this node is not distributed.
/// Any other node cannot be reached, as in erl without distribution: a
/// warning report `** Can not start M:F,Args on Node **`, and the pid of a
/// process that exits with `noconnection` (linked or monitored as asked).
extension ProcessBIFs {
    static let spawning: FunctionTable = [
        bif("spawn", 1, { p, a in try spawnFun(p, a[0], .plain) }),
        bif("spawn", 2, { p, a in try spawnFun(p, node: a[0], a[1], .plain) }),
        bif("spawn", 3, { p, a in try spawnCall(p, a[0], a[1], a[2], .plain) }),
        bif("spawn", 4, { p, a in try spawnCall(p, node: a[0], a[1], a[2], a[3], .plain) }),
        bif("spawn_link", 1, { p, a in try spawnFun(p, a[0], .link) }),
        bif("spawn_link", 2, { p, a in try spawnFun(p, node: a[0], a[1], .link) }),
        bif("spawn_link", 3, { p, a in try spawnCall(p, a[0], a[1], a[2], .link) }),
        bif("spawn_link", 4, { p, a in try spawnCall(p, node: a[0], a[1], a[2], a[3], .link) }),
        bif("spawn_monitor", 1, { p, a in try spawnFun(p, a[0], .monitor) }),
        bif("spawn_monitor", 2, { p, a in try spawnFun(p, node: a[0], a[1], .monitor) }),
        bif("spawn_monitor", 3, { p, a in try spawnCall(p, a[0], a[1], a[2], .monitor) }),
        bif("spawn_monitor", 4, { p, a in try spawnCall(p, node: a[0], a[1], a[2], a[3], .monitor) }),
        bif("spawn_opt", 2, { p, a in try spawnFun(p, a[0], try spawnOptions(a[1])) }),
        bif("spawn_opt", 3, { p, a in try spawnFun(p, node: a[0], a[1], try spawnOptions(a[2])) }),
        bif("spawn_opt", 4, { p, a in try spawnCall(p, a[0], a[1], a[2], try spawnOptions(a[3])) }),
        bif("spawn_opt", 5, { p, a in try spawnCall(p, node: a[0], a[1], a[2], a[3], try spawnOptions(a[4])) }),
    ]

    /// How a new process is tied to its parent: linked, monitored, both
    /// (`spawn_opt` with `link` and `monitor`) or neither.
    struct SpawnMode {
        var link = false
        var monitor = false
        /// The options as given to `spawn_opt` (for the report of a
        /// spawn on another node); `nil`: `[link]`, `[monitor]` or `[]`.
        var options: Term?

        static let plain = SpawnMode()
        static let link = SpawnMode(link: true)
        static let monitor = SpawnMode(monitor: true)

        /// The options a spawn on another node reports.
        var optionsTerm: Term {
            if let options { return options }
            var list: [Term] = []
            if link { list.append(.atom(Atom("link"))) }
            if monitor { list.append(.atom(Atom("monitor"))) }
            return .list(list)
        }
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

    /// `spawn(Node, Fun)`.
    static func spawnFun(_ parent: ErlangProcess, node: Term, _ fun: Term, _ mode: SpawnMode) throws -> Term {
        guard case .fun = fun else { throw ErlangException.badarg }
        if try isThisNode(node) { return try spawnFun(parent, fun, mode) }
        return unreachable(parent, node, .atom(Atom("erlang")), .atom(Atom("apply")), .list([fun, .nil]), mode)
    }

    /// `spawn(M, F, Args)`: the new process calls `M:F(Args...)`.
    static func spawnCall(_ parent: ErlangProcess, _ m: Term, _ f: Term, _ a: Term, _ mode: SpawnMode) throws -> Term {
        let module = try atomArgument(m)
        let function = try atomArgument(f)
        let args = try listArgument(a)
        let initialCall: Term = .tuple([m, f, .int(args.count)])
        return spawn(parent, mode, initialCall: initialCall) { child in
            _ = try await child.apply(module: module, function: function, args, asProcessBody: true)
        }
    }

    /// `spawn(Node, M, F, Args)`.
    static func spawnCall(_ parent: ErlangProcess, node: Term, _ m: Term, _ f: Term, _ a: Term,
                          _ mode: SpawnMode) throws -> Term {
        let here = try isThisNode(node)
        _ = try atomArgument(m)
        _ = try atomArgument(f)
        _ = try listArgument(a)
        if here { return try spawnCall(parent, m, f, a, mode) }
        return unreachable(parent, node, m, f, a, mode)
    }

    /// Whether `node` names this node; `badarg` when it is no atom.
    private static func isThisNode(_ node: Term) throws -> Bool {
        try atomArgument(node) == .nonode
    }

    /// A spawn on a node that cannot be reached, as erl does it without
    /// distribution: the warning report, then a process that exits with
    /// `noconnection` at once, tied to `parent` as `mode` says.
    private static func unreachable(_ parent: ErlangProcess, _ node: Term, _ m: Term, _ f: Term, _ args: Term,
                                    _ mode: SpawnMode) -> Term {
        let options = mode.optionsTerm
        let shown = options == .nil ? "" : "(\(TermWriter.write(options))) "
        OTPLogger.of(parent.runtime).log(.warning, "** Can not start \(TermWriter.write(m)):\(TermWriter.write(f)),"
                                         + "\(TermWriter.write(args)) \(shown)on \(TermWriter.write(node)) **\n")
        return spawn(parent, mode, initialCall: nil) { _ in
            throw ProcessExit(reason: .atom(Atom("noconnection")))
        }
    }

    /// The options of `spawn_opt`: `link`, `monitor`, `{monitor, Opts}`,
    /// and the memory and scheduling options erl accepts (`priority`,
    /// `fullsweep_after`, `min_heap_size`, `min_bin_vheap_size`,
    /// `max_heap_size`, `message_queue_data`), which are checked and
    /// otherwise ignored. `badarg` for anything else, and for a monitor
    /// option `{tag, T}` (Swerl's `'DOWN'` messages have no other tag).
    static func spawnOptions(_ term: Term) throws -> SpawnMode {
        guard let options = term.listElements else { throw ErlangException.badarg }
        var mode = SpawnMode(options: term)
        for option in options {
            switch option {
            case .atom(let a) where a.text == "link":
                mode.link = true
            case .atom(let a) where a.text == "monitor":
                mode.monitor = true
            case .tuple(let e) where e.count == 2:
                guard case .atom(let key) = e[0], isValidOption(key.text, e[1]) else { throw ErlangException.badarg }
                if key.text == "monitor" { mode.monitor = true }
            default:
                throw ErlangException.badarg
            }
        }
        return mode
    }

    /// Whether `{key, value}` is a `spawn_opt` option erl accepts (and
    /// Swerl supports).
    private static func isValidOption(_ key: String, _ value: Term) -> Bool {
        func isSize(_ term: Term) -> Bool {
            if case .int(let n) = term { return n >= 0 }
            return false
        }
        switch key {
        case "monitor":
            guard let options = value.listElements else { return false }
            return options.allSatisfy { option in
                guard case .tuple(let e) = option, e.count == 2, e[0] == .atom(Atom("alias")),
                      case .atom(let how) = e[1] else { return false }
                return ["explicit_unalias", "demonitor", "reply_demonitor"].contains(how.text)
            }
        case "priority":
            guard case .atom(let level) = value else { return false }
            return ["low", "normal", "high", "max"].contains(level.text)
        case "fullsweep_after", "min_heap_size", "min_bin_vheap_size":
            return isSize(value)
        case "max_heap_size":
            return isMaxHeapSize(value)
        case "message_queue_data":
            return value == .atom(Atom("off_heap")) || value == .atom(Atom("on_heap"))
        default:
            return false
        }
    }

    /// `max_heap_size`: 0 (no limit) or at least erl's smallest heap (233
    /// words), or a map with `size` and optionally `kill`,
    /// `error_logger` and `include_shared_binaries`.
    private static func isMaxHeapSize(_ value: Term) -> Bool {
        switch value {
        case .int(let n):
            return n == 0 || n >= 233
        case .map(let m):
            guard case .int(let size)? = m[.atom(Atom("size"))], size == 0 || size >= 233 else { return false }
            for (key, flag) in m.sortedPairs where key != .atom(Atom("size")) {
                guard case .atom(let name) = key, ["kill", "error_logger", "include_shared_binaries"].contains(name.text),
                      flag.boolValue != nil else { return false }
            }
            return true
        default:
            return false
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
        switch (mode.link, mode.monitor) {
        case (false, false):
            return .pid(runtime.spawn(initialCall: initialCall, code: code).pid)
        case (true, false):
            return .pid(runtime.spawn(linkTo: parent, initialCall: initialCall, code: code).pid)
        case (false, true):
            let (child, ref) = runtime.spawnMonitor(by: parent, initialCall: initialCall, code: code)
            return .tuple([.pid(child.pid), .ref(ref)])
        case (true, true):
            let (child, ref) = runtime.spawn(linkTo: parent, monitoredBy: parent, initialCall: initialCall, code: code)
            return .tuple([.pid(child.pid), .ref(ref)])
        }
    }
}
