import ErlangRuntime
import ErlangTerms

/// A supervised child: its spec and its process. Mirrors supervisor.erl's
/// `#child{}` record, `{child, Pid, Id, MFArgs, Restart, Significant,
/// Shutdown, Type, Modules}`.
struct SupervisedChild: Sendable, Equatable {
    /// The spec.
    var spec: ChildSpec
    /// The running process; `nil` when the child is not running.
    var pid: Pid?
    /// The old process while a restart is being retried (erl's
    /// `{restarting, OldPid}`); `nil` otherwise.
    var restarting: Pid?

    /// `Pid`, `{restarting, OldPid}` or `undefined`, as `which_children/1`
    /// and reports show it.
    var pidTerm: Term {
        if let pid { return .pid(pid) }
        if let restarting { return .tuple([.atom(SupAtom.restarting), .pid(restarting)]) }
        return .atom(.undefined)
    }

    /// The record tuple.
    var term: Term {
        .tuple([.atom(SupAtom.child), pidTerm, spec.id, spec.start, .atom(spec.restart.atom), .atom(.false),
                spec.shutdown.term, .atom(spec.typeAtom), spec.modules])
    }

    /// Reads the record tuple back.
    init?(_ term: Term) {
        guard case .tuple(let e) = term, e.count == 9, e[0] == .atom(SupAtom.child) else { return nil }
        let map: Term = .map(ErlangMap()
            .updating(.atom(SupAtom.id), to: e[2]).updating(.atom(SupAtom.start), to: e[3])
            .updating(.atom(SupAtom.restart), to: e[4]).updating(.atom(SupAtom.shutdown), to: e[6])
            .updating(.atom(SupAtom.type), to: e[7]).updating(.atom(SupAtom.modules), to: e[8]))
        guard case .success(let spec) = ChildSpec.parse(map) else { return nil }
        self.spec = spec
        if case .pid(let p) = e[1] { pid = p } else { pid = nil }
        if case .tuple(let r) = e[1], r.count == 2, case .pid(let p) = r[1] { restarting = p }
    }

    /// A child of `spec`, not running.
    init(spec: ChildSpec, pid: Pid? = nil) {
        self.spec = spec
        self.pid = pid
    }

    /// The `offender` of a supervisor report, as erl lists it.
    var offender: Term {
        .list([
            .tuple([.atom(Atom("pid")), pidTerm]),
            .tuple([.atom(SupAtom.id), spec.id]),
            .tuple([.atom(Atom("mfargs")), spec.start]),
            .tuple([.atom(Atom("restart_type")), .atom(spec.restart.atom)]),
            .tuple([.atom(SupAtom.significant), .atom(.false)]),
            .tuple([.atom(SupAtom.shutdown), spec.shutdown.term]),
            .tuple([.atom(Atom("child_type")), .atom(spec.typeAtom)]),
        ])
    }
}

/// A supervisor's state. Mirrors supervisor.erl's `#state{}` record, so
/// `sys:get_state/1` shows what erl shows:
/// `{state, Name, Strategy, {Ids, #{Id => Child}}, Dynamics, Intensity,
/// Period, Restarts, DynamicRestarts, AutoShutdown, Module, Args}`.
/// Restart times are the runtime clock's milliseconds (erl: seconds).
struct SupervisorState: Sendable {
    /// The name reports use: `{local, N}`, `{global, N}` or `{Pid, Module}`.
    var name: Term
    /// The flags.
    var flags: SupervisorFlags
    /// The children, in start order.
    var children: [SupervisedChild]
    /// When recent restarts happened (runtime clock, ms), newest first.
    var restarts: [Int]
    /// A `simple_one_for_one` supervisor's children: each pid with the
    /// extra arguments it was started with (`nil` for a temporary
    /// template, whose arguments erl does not keep), in pid order.
    var dynamics: [(pid: Pid, args: [Term]?)] = []
    /// The callback module.
    var module: Atom
    /// Its `init/1` argument.
    var args: Term

    /// The record tuple.
    var term: Term {
        var byId = ErlangMap()
        for child in children { byId = byId.updating(child.spec.id, to: child.term) }
        let ids: Term = .list(children.reversed().map(\.spec.id))
        return .tuple([.atom(SupAtom.state), name, .atom(flags.strategy.atom), .tuple([ids, .map(byId)]),
                       dynamicsTerm, .int(flags.intensity), .int(flags.period), .list(restarts.map(Term.int)),
                       .int(0), .atom(SupAtom.never), .atom(module), args])
    }

    /// erl's `dynamics` field: `undefined`, `{maps, #{Pid => Args}}`, or
    /// `{mapsets, #{Pid => []}}` for a temporary template.
    private var dynamicsTerm: Term {
        guard flags.strategy == .simpleOneForOne else { return .atom(.undefined) }
        var map = ErlangMap()
        let temporary = children.first?.spec.restart == .temporary
        for d in dynamics { map = map.updating(.pid(d.pid), to: temporary ? .nil : .list(d.args ?? [])) }
        return .tuple([.atom(Atom(temporary ? "mapsets" : "maps")), .map(map)])
    }

    /// Reads the record tuple back; `nil` when it is not one (a state
    /// replaced through `sys:replace_state/2` with something else).
    init?(_ term: Term) {
        guard case .tuple(let e) = term, e.count == 12, e[0] == .atom(SupAtom.state),
              let strategy = SupervisorFlags.Strategy(e[2]), case .tuple(let kids) = e[3], kids.count == 2,
              let ids = kids[0].listElements, case .map(let byId) = kids[1],
              case .int(let intensity) = e[5], case .int(let period) = e[6], let restartList = e[7].listElements,
              case .atom(let module) = e[10] else { return nil }
        var children: [SupervisedChild] = []
        for id in ids.reversed() {
            guard let record = byId[id], let child = SupervisedChild(record) else { return nil }
            children.append(child)
        }
        var restarts: [Int] = []
        for r in restartList {
            guard case .int(let t) = r else { return nil }
            restarts.append(t)
        }
        self.init(name: e[1], flags: SupervisorFlags(strategy: strategy, intensity: intensity, period: period),
                  children: children, restarts: restarts, module: module, args: e[11])
        if case .tuple(let d) = e[4], d.count == 2, case .map(let map) = d[1] {
            let temporary = d[0] == .atom(Atom("mapsets"))
            for (key, value) in MapKeyOrder.sortedPairs(map) {
                guard case .pid(let pid) = key else { return nil }
                dynamics.append((pid, temporary ? nil : value.listElements))
            }
        }
    }

    /// A state from its parts.
    init(name: Term, flags: SupervisorFlags, children: [SupervisedChild], restarts: [Int], module: Atom, args: Term) {
        self.name = name
        self.flags = flags
        self.children = children
        self.restarts = restarts
        self.module = module
        self.args = args
    }

    /// The index of the child with `id`.
    func index(of id: Term) -> Int? { children.firstIndex { $0.spec.id == id } }

    /// The index of the child running as `pid`.
    func index(of pid: Pid) -> Int? { children.firstIndex { $0.pid == pid } }
}
