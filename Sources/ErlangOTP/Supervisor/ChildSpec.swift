import ErlangRuntime
import ErlangTerms

/// One child specification. Mirrors supervisor.erl's `child_spec()`: a map
/// `#{id, start, restart, shutdown, type, modules}` or the old 6-tuple
/// `{Id, {M, F, A}, Restart, Shutdown, Type, Modules}`, checked the way
/// `supervisor:check_childspecs/1` checks them.
public struct ChildSpec: Sendable, Equatable {
    /// When a child that ended is started again.
    public enum Restart: Sendable, Equatable {
        /// Always.
        case permanent
        /// Only after an abnormal exit (not `normal`, `shutdown`, `{shutdown, _}`).
        case transient
        /// Never; the child is forgotten when it ends.
        case temporary

        var atom: Atom {
            switch self {
            case .permanent: return SupAtom.permanent
            case .transient: return SupAtom.transient
            case .temporary: return SupAtom.temporary
            }
        }
    }

    /// How a child is stopped.
    public enum Shutdown: Sendable, Equatable {
        /// `exit(Child, kill)`.
        case brutalKill
        /// `exit(Child, shutdown)`, then `kill` after this many milliseconds.
        case timeout(Int)
        /// `exit(Child, shutdown)`, and wait for ever.
        case infinity

        var term: Term {
            switch self {
            case .brutalKill: return .atom(SupAtom.brutalKill)
            case .timeout(let ms): return .int(ms)
            case .infinity: return .atom(.infinity)
            }
        }
    }

    /// The child's id (any term).
    public var id: Term
    /// The start function `{M, F, A}`.
    public var start: Term
    /// The restart type.
    public var restart: Restart
    /// The shutdown.
    public var shutdown: Shutdown
    /// `true` for a supervisor child, `false` for a worker.
    public var isSupervisor: Bool
    /// The modules list, or the atom `dynamic`.
    public var modules: Term

    /// The child type as an atom (`worker` | `supervisor`).
    var typeAtom: Atom { isSupervisor ? SupAtom.supervisorType : SupAtom.worker }

    /// The spec as `supervisor:get_childspec/2` gives it: a map.
    public var mapTerm: Term {
        var map = ErlangMap()
        map = map.updating(.atom(SupAtom.id), to: id)
        map = map.updating(.atom(SupAtom.start), to: start)
        map = map.updating(.atom(SupAtom.restart), to: .atom(restart.atom))
        map = map.updating(.atom(SupAtom.significant), to: .atom(.false))
        map = map.updating(.atom(SupAtom.shutdown), to: shutdown.term)
        map = map.updating(.atom(SupAtom.type), to: .atom(typeAtom))
        map = map.updating(.atom(SupAtom.modules), to: modules)
        return .map(map)
    }

    /// Parses one spec; the error term erl gives for a bad one.
    public static func parse(_ term: Term) -> Result<ChildSpec, SupervisorError> {
        switch term {
        case .map(let map):
            guard let id = map[.atom(SupAtom.id)] else { return .failure(SupervisorError(.atom(Atom("missing_id")))) }
            guard let start = map[.atom(SupAtom.start)] else { return .failure(SupervisorError(.atom(Atom("missing_start")))) }
            return build(id: id, start: start, restart: map[.atom(SupAtom.restart)],
                         shutdown: map[.atom(SupAtom.shutdown)], type: map[.atom(SupAtom.type)],
                         modules: map[.atom(SupAtom.modules)])
        case .tuple(let e) where e.count == 6:
            return build(id: e[0], start: e[1], restart: e[2], shutdown: e[3], type: e[4], modules: e[5])
        case .int, .bigInt, .float, .atom, .tuple, .nil, .cons, .binary, .pid, .ref, .fun:
            return .failure(SupervisorError(.tuple([.atom(Atom("invalid_child_spec")), term])))
        }
    }

    /// Parses a list of specs, rejecting a repeated id.
    public static func parseAll(_ term: Term) -> Result<[ChildSpec], SupervisorError> {
        guard let list = term.listElements else {
            return .failure(SupervisorError(.tuple([.atom(Atom("invalid_child_spec")), term])))
        }
        var specs: [ChildSpec] = []
        for element in list {
            switch parse(element) {
            case .success(let spec):
                if specs.contains(where: { $0.id == spec.id }) {
                    return .failure(SupervisorError(.tuple([.atom(Atom("duplicate_child_name")), spec.id])))
                }
                specs.append(spec)
            case .failure(let error):
                return .failure(error)
            }
        }
        return .success(specs)
    }

    private static func invalid(_ what: String, _ value: Term) -> Result<ChildSpec, SupervisorError> {
        .failure(SupervisorError(.tuple([.atom(Atom("invalid_" + what)), value])))
    }

    private static func build(id: Term, start: Term, restart: Term?, shutdown: Term?, type: Term?,
                              modules: Term?) -> Result<ChildSpec, SupervisorError> {
        guard case .tuple(let mfa) = start, mfa.count == 3, case .atom(let m) = mfa[0], case .atom = mfa[1],
              mfa[2].listElements != nil else { return invalid("mfa", start) }
        var spec = ChildSpec(id: id, start: start, restart: .permanent, shutdown: .timeout(5000), isSupervisor: false,
                             modules: .list([.atom(m)]))
        switch restart {
        case nil: break
        case .atom(SupAtom.permanent)?: spec.restart = .permanent
        case .atom(SupAtom.transient)?: spec.restart = .transient
        case .atom(SupAtom.temporary)?: spec.restart = .temporary
        case let other?: return invalid("restart_type", other)
        }
        switch type {
        case nil, .atom(SupAtom.worker)?: break
        case .atom(SupAtom.supervisorType)?:
            spec.isSupervisor = true
            spec.shutdown = .infinity
        case let other?: return invalid("child_type", other)
        }
        switch shutdown {
        case nil: break
        case .atom(SupAtom.brutalKill)?: spec.shutdown = .brutalKill
        case .atom(.infinity)?: spec.shutdown = .infinity
        case .int(let ms)? where ms >= 0: spec.shutdown = .timeout(ms)
        case let other?: return invalid("shutdown", other)
        }
        switch modules {
        case nil: break
        case .atom(SupAtom.dynamic)?: spec.modules = .atom(SupAtom.dynamic)
        case let list? where list.listElements?.allSatisfy({ $0.atomValue != nil }) == true: spec.modules = list
        case let other?: return invalid("modules", other)
        }
        return .success(spec)
    }
}
