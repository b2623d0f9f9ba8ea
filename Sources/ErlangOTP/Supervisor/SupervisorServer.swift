import ErlangRuntime
import ErlangTerms

/// The gen_server callback module every supervisor runs: `supervisor`.
/// Mirrors supervisor.erl's callbacks: `init({SupName, Mod, Args})` calls
/// `Mod:init(Args)`, checks the flags and specs and starts the children
/// in order; `handle_call` serves the `supervisor:*_child*` API;
/// `handle_info({'EXIT', Pid, Reason})` restarts as the strategy says;
/// `terminate/2` stops the children, last started first.
///
/// The state is `SupervisorState`'s record tuple, so `sys:get_state/1`
/// shows erl's `#state{}`.
///
/// Split: this file is the callbacks; `+Children` starts and stops
/// children; `+Restart` reacts to a child's exit; `+Calls` answers the API.
struct SupervisorServer: GenServerCallbacks {
    /// The callback module's name.
    static let moduleName = "supervisor"

    /// `init/1`: `{ok, State}`, `ignore`, or `{stop, Reason}` with erl's
    /// reasons (`{bad_return, {Mod, init, R}}`, `{supervisor_data, E}`,
    /// `{start_spec, E}`, `{shutdown, {failed_to_start_child, Id, R}}`).
    func initialize(_ args: Term, process: ErlangProcess) async throws -> GenServerInit {
        guard case .tuple(let e) = args, e.count == 3, case .atom(let module) = e[1] else {
            return .stop(.tuple([.atom(Atom("bad_start_spec")), args]))
        }
        process.trapExit = true
        let name: Term = e[0] == .atom(Atom("self")) ? .tuple([.pid(process.pid), .atom(module)]) : e[0]
        let result = try await process.apply(module: module, function: OTPAtom.initialize, [e[2]])
        if result == .atom(OTPAtom.ignore) { return .ignore }
        guard case .tuple(let r) = result, r.count == 2, r[0] == .ok, case .tuple(let spec) = r[1], spec.count == 2 else {
            return .stop(.tuple([.atom(Atom("bad_return")), .tuple([.atom(module), .atom(OTPAtom.initialize), result])]))
        }
        let flags: SupervisorFlags
        switch SupervisorFlags.parse(spec[0]) {
        case .success(let f): flags = f
        case .failure(let error): return .stop(.tuple([.atom(Atom("supervisor_data")), error.reason]))
        }
        if flags.strategy == .simpleOneForOne, spec[1].listElements?.count != 1 {
            return .stop(.tuple([.atom(Atom("bad_start_spec")), spec[1]]))
        }
        let specs: [ChildSpec]
        switch ChildSpec.parseAll(spec[1]) {
        case .success(let s): specs = s
        case .failure(let error): return .stop(.tuple([.atom(Atom("start_spec")), error.reason]))
        }
        var state = SupervisorState(name: name, flags: flags, children: specs.map { SupervisedChild(spec: $0) },
                                    restarts: [], module: module, args: e[2])
        if flags.strategy == .simpleOneForOne { return .ok(state.term) }
        if let failure = try await Self.startAll(Array(state.children.indices), &state, in: process) {
            try await Self.stopAll(Array(state.children.indices), &state, in: process)
            return .stop(.tuple([.atom(OTPAtom.shutdown),
                                 .tuple([.atom(Atom("failed_to_start_child")), failure.id, failure.reason])]))
        }
        state.children.removeAll { $0.pid == nil && $0.spec.restart == .temporary }
        return .ok(state.term)
    }

    /// `handle_call/3`: the `supervisor:*` API.
    func handleCall(_ request: Term, from: Term, state: Term, process: ErlangProcess) async throws -> GenServerCallResult {
        guard var sup = SupervisorState(state) else { return .reply(.tuple([.atom(.error), .atom(.badarg)]), state) }
        let reply = sup.flags.strategy == .simpleOneForOne
            ? try await Self.answerSimple(request, &sup, in: process)
            : try await Self.answer(request, &sup, in: process)
        return .reply(reply, sup.term)
    }

    /// `handle_cast/2`: supervisors take no casts.
    func handleCast(_ message: Term, state: Term, process: ErlangProcess) async throws -> GenServerResult {
        .noreply(state)
    }

    /// `handle_info/2`: a child's `'EXIT'` restarts it as the strategy
    /// says; anything else is ignored.
    func handleInfo(_ message: Term, state: Term, process: ErlangProcess) async throws -> GenServerResult {
        guard case .tuple(let e) = message, e.count == 3, e[0] == .atom(.EXIT), case .pid(let pid) = e[1],
              var sup = SupervisorState(state) else { return .noreply(state) }
        if try await Self.childExited(pid, reason: e[2], &sup, in: process) { return .noreply(sup.term) }
        return .stop(.atom(OTPAtom.shutdown), sup.term)
    }

    /// `terminate/2`: stops every child, last started first.
    func terminate(reason: Term, state: Term, process: ErlangProcess) async throws {
        guard var sup = SupervisorState(state) else { return }
        if let template = sup.children.first?.spec, sup.flags.strategy == .simpleOneForOne {
            while !sup.dynamics.isEmpty {
                try await Self.stopDynamic(sup.dynamics.count - 1, &sup, template, in: process)
            }
        }
        try await Self.stopAll(Array(sup.children.indices), &sup, in: process)
    }
}
