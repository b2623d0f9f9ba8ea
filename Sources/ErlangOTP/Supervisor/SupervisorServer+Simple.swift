import ErlangRuntime
import ErlangTerms

/// `simple_one_for_one`: one template spec, children started on demand
/// with extra arguments appended to its start arguments, known by pid.
/// Mirrors supervisor.erl's handling of `dynamics`.
extension SupervisorServer {
    /// The template with `args` appended to its start arguments (`undefined`
    /// arguments when they are not kept), as reports show a dynamic child.
    static func dynamicChild(_ template: ChildSpec, pid: Pid, args: [Term]?) -> SupervisedChild {
        var spec = template
        if case .tuple(let mfa) = template.start, mfa.count == 3 {
            let all: Term = args.map { .list((mfa[2].listElements ?? []) + $0) } ?? .atom(.undefined)
            spec.start = .tuple([mfa[0], mfa[1], all])
        }
        return SupervisedChild(spec: spec, pid: pid)
    }

    /// The reply to an API request of a `simple_one_for_one` supervisor.
    static func answerSimple(_ request: Term, _ state: inout SupervisorState,
                             in process: ErlangProcess) async throws -> Term {
        guard let template = state.children.first?.spec else { return .tuple([.atom(.error), .atom(.badarg)]) }
        let simpleError: Term = .tuple([.atom(.error), .atom(SupAtom.simpleOneForOne)])
        if request == .atom(Atom("which_children")) {
            return .list(state.dynamics.map {
                .tuple([.atom(.undefined), .pid($0.pid), .atom(template.typeAtom), template.modules])
            })
        }
        if request == .atom(Atom("count_children")) {
            let active = state.dynamics.filter { process.runtime.process($0.pid)?.isAlive == true }.count
            let n = state.dynamics.count
            return .list([
                .tuple([.atom(Atom("specs")), .int(1)]),
                .tuple([.atom(Atom("active")), .int(active)]),
                .tuple([.atom(Atom("supervisors")), .int(template.isSupervisor ? n : 0)]),
                .tuple([.atom(Atom("workers")), .int(template.isSupervisor ? 0 : n)]),
            ])
        }
        guard case .tuple(let e) = request, e.count == 2, case .atom(let tag) = e[0] else { return simpleError }
        switch tag.text {
        case "start_child":
            guard let extra = e[1].listElements else { return .tuple([.atom(.error), .atom(.badarg)]) }
            switch try await startDynamic(template, extra, in: process) {
            case .success(let started):
                guard let pid = started.pid else { return .tuple([.ok, .atom(.undefined)]) }
                insert(pid, template.restart == .temporary ? nil : extra, into: &state)
                return started.info.map { .tuple([.ok, .pid(pid), $0]) } ?? .tuple([.ok, .pid(pid)])
            case .failure(let failure):
                return .tuple([.atom(.error), failure.reason])
            }
        case "terminate_child":
            guard case .pid(let pid) = e[1] else { return simpleError }
            guard let index = state.dynamics.firstIndex(where: { $0.pid == pid }) else {
                // erl: a pid that is not a child is `not_found` only while it lives.
                if process.runtime.process(pid)?.isAlive == true { return .tuple([.atom(.error), .atom(Atom("not_found"))]) }
                return .ok
            }
            try await stopDynamic(index, &state, template, in: process)
            return .ok
        case "get_childspec":
            if e[1] == template.id || state.dynamics.contains(where: { .pid($0.pid) == e[1] }) {
                return .tuple([.ok, template.mapTerm])
            }
            return .tuple([.atom(.error), .atom(Atom("not_found"))])
        default:
            return simpleError
        }
    }

    /// Starts a dynamic child: the template's start with `extra` appended.
    static func startDynamic(_ template: ChildSpec, _ extra: [Term],
                             in process: ErlangProcess) async throws -> Result<(pid: Pid?, info: Term?), SupervisorError> {
        var spec = template
        if case .tuple(let mfa) = template.start, mfa.count == 3 {
            spec.start = .tuple([mfa[0], mfa[1], .list((mfa[2].listElements ?? []) + extra)])
        }
        return try await startChild(spec, in: process)
    }

    /// Adds a dynamic child, keeping pid order.
    static func insert(_ pid: Pid, _ args: [Term]?, into state: inout SupervisorState) {
        let at = state.dynamics.firstIndex { pid < $0.pid } ?? state.dynamics.endIndex
        state.dynamics.insert((pid, args), at: at)
    }

    /// Stops the dynamic child at `index`, reporting a `shutdown_error`, and forgets it.
    static func stopDynamic(_ index: Int, _ state: inout SupervisorState, _ template: ChildSpec,
                            in process: ErlangProcess) async throws {
        let d = state.dynamics[index]
        let child = dynamicChild(template, pid: d.pid, args: d.args)
        if let reason = try await shutdown(child, in: process) {
            SupervisorReport.write(process, supervisor: state.name, context: "shutdown_error", reason: reason,
                                   offender: child)
        }
        state.dynamics.removeAll { $0.pid == d.pid }
    }

    /// A dynamic child ended: report and restart it with the same
    /// arguments as its restart type says. `false` when the intensity is
    /// exceeded.
    static func dynamicExited(_ index: Int, reason: Term, _ state: inout SupervisorState,
                              in process: ErlangProcess) async throws -> Bool {
        guard let template = state.children.first?.spec else { return true }
        let d = state.dynamics.remove(at: index)
        let child = dynamicChild(template, pid: d.pid, args: d.args)
        let clean = isCleanExit(reason)
        if !(clean && template.restart != .permanent) {
            SupervisorReport.write(process, supervisor: state.name, context: "child_terminated", reason: reason,
                                   offender: child)
        }
        if template.restart == .temporary || (clean && template.restart == .transient) { return true }
        let extra = d.args ?? []
        while true {
            if !addRestart(&state, in: process) {
                SupervisorReport.write(process, supervisor: state.name, context: "shutdown",
                                       reason: .atom(Atom("reached_max_restart_intensity")), offender: child)
                return false
            }
            switch try await startDynamic(template, extra, in: process) {
            case .success(let started):
                if let pid = started.pid { insert(pid, extra, into: &state) }
                return true
            case .failure(let failure):
                SupervisorReport.write(process, supervisor: state.name, context: "start_error", reason: failure.reason,
                                       offender: child)
            }
        }
    }
}
