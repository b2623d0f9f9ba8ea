import ErlangRuntime
import ErlangTerms

/// The supervisor's answers to the `supervisor:*` API, served from
/// `handle_call/3`. Mirrors supervisor.erl's `handle_call/3` clauses, with
/// OTP 25's replies.
extension SupervisorServer {
    /// The reply to `request`, updating `state`.
    static func answer(_ request: Term, _ state: inout SupervisorState, in process: ErlangProcess) async throws -> Term {
        if request == .atom(Atom("which_children")) { return whichChildren(state) }
        if request == .atom(Atom("count_children")) { return countChildren(state, in: process) }
        guard case .tuple(let e) = request, e.count == 2, case .atom(let tag) = e[0] else { return error(.atom(.badarg)) }
        switch tag.text {
        case "start_child": return try await startNew(e[1], &state, in: process)
        case "terminate_child":
            guard let index = state.index(of: e[1]) ?? pidIndex(e[1], state) else { return error(.atom(notFound)) }
            try await stop(index, &state, in: process)
            if state.children[index].spec.restart == .temporary { state.children.remove(at: index) }
            return .ok
        case "restart_child":
            guard let index = state.index(of: e[1]) else { return error(.atom(notFound)) }
            if state.children[index].pid != nil { return error(.atom(Atom("running"))) }
            switch try await startChild(state.children[index].spec, in: process) {
            case .success(let started):
                state.children[index].pid = started.pid
                return started.info.map { .tuple([.ok, state.children[index].pidTerm, $0]) }
                    ?? .tuple([.ok, state.children[index].pidTerm])
            case .failure(let failure):
                return error(failure.reason)
            }
        case "delete_child":
            guard let index = state.index(of: e[1]) else { return error(.atom(notFound)) }
            if state.children[index].pid != nil { return error(.atom(Atom("running"))) }
            state.children.remove(at: index)
            return .ok
        case "get_childspec":
            guard let index = state.index(of: e[1]) ?? pidIndex(e[1], state) else { return error(.atom(notFound)) }
            return .tuple([.ok, state.children[index].spec.mapTerm])
        default:
            return error(.atom(.badarg))
        }
    }

    private static let notFound = Atom("not_found")

    private static func error(_ reason: Term) -> Term { .tuple([.atom(.error), reason]) }

    private static func pidIndex(_ term: Term, _ state: SupervisorState) -> Int? {
        guard case .pid(let pid) = term else { return nil }
        return state.index(of: pid)
    }

    /// `[{Id, Child, Type, Modules}]`, last started first.
    static func whichChildren(_ state: SupervisorState) -> Term {
        .list(state.children.reversed().map {
            .tuple([$0.spec.id, $0.pidTerm, .atom($0.spec.typeAtom), $0.spec.modules])
        })
    }

    /// `[{specs, N}, {active, N}, {supervisors, N}, {workers, N}]`.
    static func countChildren(_ state: SupervisorState, in process: ErlangProcess) -> Term {
        let active = state.children.filter { child in child.pid.map { process.runtime.process($0)?.isAlive == true } ?? false }
        let supervisors = state.children.filter(\.spec.isSupervisor).count
        return .list([
            .tuple([.atom(Atom("specs")), .int(state.children.count)]),
            .tuple([.atom(Atom("active")), .int(active.count)]),
            .tuple([.atom(Atom("supervisors")), .int(supervisors)]),
            .tuple([.atom(Atom("workers")), .int(state.children.count - supervisors)]),
        ])
    }

    /// `start_child/2` with a spec: `{ok, Pid}`, `{ok, undefined}` for
    /// `ignore`, or `{error, R}` (a bad spec's error,
    /// `{already_started, Pid}`, `already_present`, `{Reason, ChildRecord}`).
    private static func startNew(_ specTerm: Term, _ state: inout SupervisorState,
                                 in process: ErlangProcess) async throws -> Term {
        let spec: ChildSpec
        switch ChildSpec.parse(specTerm) {
        case .success(let s): spec = s
        case .failure(let failure): return error(failure.reason)
        }
        if let index = state.index(of: spec.id) {
            if let pid = state.children[index].pid { return error(.tuple([.atom(OTPAtom.alreadyStarted), .pid(pid)])) }
            return error(.atom(Atom("already_present")))
        }
        let child = SupervisedChild(spec: spec)
        switch try await startChild(spec, in: process) {
        case .success(let started):
            let pid = started.pid
            if pid != nil || spec.restart != .temporary { state.children.append(SupervisedChild(spec: spec, pid: pid)) }
            let pidTerm = pid.map(Term.pid) ?? .atom(.undefined)
            return started.info.map { .tuple([.ok, pidTerm, $0]) } ?? .tuple([.ok, pidTerm])
        case .failure(let failure):
            return error(.tuple([failure.reason, child.term]))
        }
    }
}
