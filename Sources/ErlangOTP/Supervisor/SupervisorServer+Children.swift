import ErlangRuntime
import ErlangTerms

/// Starting and stopping children, inside the supervisor process. Mirrors
/// supervisor.erl's `do_start_child/2`, `shutdown/2` and
/// `terminate_children/2`.
extension SupervisorServer {
    /// Calls the child's start function: `{ok, Pid}` gives the pid,
    /// `{ok, Pid, Info}` the pid and `Info`, `ignore` gives no pid, anything else (an
    /// exception as `{'EXIT', Reason}`, as `catch` gives it) is the error.
    static func startChild(_ spec: ChildSpec,
                           in process: ErlangProcess) async throws -> Result<(pid: Pid?, info: Term?), SupervisorError> {
        guard case .tuple(let mfa) = spec.start, mfa.count == 3, case .atom(let m) = mfa[0], case .atom(let f) = mfa[1],
              let args = mfa[2].listElements else { return .failure(SupervisorError(.tuple([.atom(Atom("invalid_mfa")), spec.start]))) }
        let result: Term
        do {
            result = try await process.apply(module: m, function: f, args)
        } catch let exception as ErlangException {
            switch exception.kind {
            case .throw: result = exception.reason
            case .exit: return .failure(SupervisorError(.tuple([.atom(.EXIT), exception.reason])))
            case .error:
                return .failure(SupervisorError(.tuple([.atom(.EXIT), .tuple([exception.reason, .list(exception.stacktrace)])])))
            }
        }
        if result == .atom(OTPAtom.ignore) { return .success((nil, nil)) }
        if case .tuple(let e) = result, e.count == 2 || e.count == 3, e[0] == .ok, case .pid(let pid) = e[1] {
            return .success((pid, e.count == 3 ? e[2] : nil))
        }
        if case .tuple(let e) = result, e.count == 2, e[0] == .atom(.error) { return .failure(SupervisorError(e[1])) }
        return .failure(SupervisorError(result))
    }

    /// Stops `child` as its shutdown says and waits until it is gone; the
    /// reason to report as `shutdown_error`, or `nil` when it ended as
    /// asked. Mirrors supervisor.erl's `shutdown/2`: monitor, unlink (an
    /// `'EXIT'` already queued is the answer), `exit(Pid, shutdown)`, and
    /// `kill` when the timeout passes.
    static func shutdown(_ child: SupervisedChild, in process: ErlangProcess) async throws -> Term? {
        guard let pid = child.pid else { return nil }
        let monitor = process.monitor(pid)
        process.unlink(from: pid)
        let early = try await process.receive(timeout: .milliseconds(0)) { message -> Term? in
            guard case .tuple(let e) = message, e.count == 3, e[0] == .atom(.EXIT), e[1] == .pid(pid) else { return nil }
            return e[2]
        }
        if let early {
            _ = try await waitDown(monitor, timeout: .infinity, in: process)
            return early
        }
        switch child.spec.shutdown {
        case .brutalKill:
            try process.sendExitSignal(to: pid, reason: .atom(.kill))
            let reason = try await waitDown(monitor, timeout: .infinity, in: process)
            return reason == .atom(.killed) ? nil : reason
        case .timeout(let ms):
            try process.sendExitSignal(to: pid, reason: .atom(OTPAtom.shutdown))
            if let reason = try await waitDown(monitor, timeout: .milliseconds(Int64(ms)), in: process) {
                return reason == .atom(OTPAtom.shutdown) ? nil : reason
            }
            try process.sendExitSignal(to: pid, reason: .atom(.kill))
            return try await waitDown(monitor, timeout: .infinity, in: process)
        case .infinity:
            try process.sendExitSignal(to: pid, reason: .atom(OTPAtom.shutdown))
            let reason = try await waitDown(monitor, timeout: .infinity, in: process)
            return reason == .atom(OTPAtom.shutdown) ? nil : reason
        }
    }

    /// Waits for the `'DOWN'` of `monitor`: its reason, or `nil` on timeout.
    private static func waitDown(_ monitor: Ref, timeout: ErlangProcess.ReceiveTimeout,
                                 in process: ErlangProcess) async throws -> Term? {
        try await process.receive(timeout: timeout) { message -> Term? in
            guard case .tuple(let e) = message, e.count == 5, e[0] == .atom(.DOWN), e[1] == .ref(monitor) else { return nil }
            return e[4]
        }
    }

    /// Stops the child at `index`, reporting a `shutdown_error`, and marks
    /// it not running.
    static func stop(_ index: Int, _ state: inout SupervisorState, in process: ErlangProcess) async throws {
        let child = state.children[index]
        if let reason = try await shutdown(child, in: process) {
            SupervisorReport.write(process, supervisor: state.name, context: "shutdown_error", reason: reason,
                                   offender: child)
        }
        state.children[index].pid = nil
    }

    /// Stops the children at `indices` last first; temporary children are
    /// then forgotten.
    static func stopAll(_ indices: [Int], _ state: inout SupervisorState, in process: ErlangProcess) async throws {
        for index in indices.reversed() { try await stop(index, &state, in: process) }
        let temporary = Set(indices.filter { state.children[$0].spec.restart == .temporary })
        state.children = state.children.enumerated().filter { !temporary.contains($0.offset) }.map(\.element)
    }

    /// Starts the children at `indices` in order. On a failure, reports a
    /// `start_error` and returns the failed child's id and reason.
    static func startAll(_ indices: [Int], _ state: inout SupervisorState,
                         in process: ErlangProcess) async throws -> (id: Term, reason: Term)? {
        for index in indices {
            switch try await startChild(state.children[index].spec, in: process) {
            case .success(let started):
                state.children[index].pid = started.pid
                state.children[index].restarting = nil
            case .failure(let failure):
                SupervisorReport.write(process, supervisor: state.name, context: "start_error", reason: failure.reason,
                                       offender: state.children[index])
                return (state.children[index].spec.id, failure.reason)
            }
        }
        return nil
    }
}
