import ErlangRuntime
import ErlangTerms

/// What a supervisor does when a child ends. Mirrors supervisor.erl's
/// `restart_child/3`, `do_restart/4`, `restart/2` and `add_restart/1`.
extension SupervisorServer {
    /// Whether `reason` is a clean end for a transient child.
    static func isCleanExit(_ reason: Term) -> Bool {
        if reason == .atom(.normal) || reason == .atom(OTPAtom.shutdown) { return true }
        if case .tuple(let e) = reason, e.count == 2, e[0] == .atom(OTPAtom.shutdown) { return true }
        return false
    }

    /// Handles the exit of `pid` with `reason`. Returns `false` when the
    /// restart intensity is exceeded and the supervisor must stop.
    static func childExited(_ pid: Pid, reason: Term, _ state: inout SupervisorState,
                            in process: ErlangProcess) async throws -> Bool {
        if state.flags.strategy == .simpleOneForOne {
            guard let index = state.dynamics.firstIndex(where: { $0.pid == pid }) else { return true }
            return try await dynamicExited(index, reason: reason, &state, in: process)
        }
        guard let index = state.index(of: pid) else { return true }
        let child = state.children[index]
        switch child.spec.restart {
        case .temporary:
            if !isCleanExit(reason) { report(child, reason, state, in: process) }
            state.children.remove(at: index)
            return true
        case .transient where isCleanExit(reason):
            state.children[index].pid = nil
            return true
        case .transient, .permanent:
            report(child, reason, state, in: process)
            return try await restart(index, &state, in: process)
        }
    }

    private static func report(_ child: SupervisedChild, _ reason: Term, _ state: SupervisorState,
                               in process: ErlangProcess) {
        SupervisorReport.write(process, supervisor: state.name, context: "child_terminated", reason: reason,
                               offender: child)
    }

    /// Now, in erl's `erlang:monotonic_time(second)` (the runtime clock
    /// from erl's origin, -2^59 ns), as supervisor.erl stamps restarts.
    static func monotonicSeconds(_ process: ErlangProcess) -> Int {
        let nanos = Int(process.runtime.clock.nowMicroseconds()) &* 1000 &+ -(1 << 59)
        let (quotient, remainder) = nanos.quotientAndRemainder(dividingBy: 1_000_000_000)
        return remainder < 0 ? quotient - 1 : quotient
    }

    /// Counts a restart now; `false` when that exceeds the intensity.
    /// Mirrors supervisor.erl's `add_restart/1`: restarts older than
    /// `period` seconds are forgotten.
    static func addRestart(_ state: inout SupervisorState, in process: ErlangProcess) -> Bool {
        let now = monotonicSeconds(process)
        state.restarts = [now] + state.restarts.prefix { $0 >= now - state.flags.period }
        return state.restarts.count <= state.flags.intensity
    }

    /// Restarts the child at `index` (whose process is gone) and those the
    /// strategy says, counting the restart against the intensity; a child
    /// that fails to start is restarted again, and counted again.
    static func restart(_ index: Int, _ state: inout SupervisorState, in process: ErlangProcess) async throws -> Bool {
        var failedId = state.children[index].spec.id
        while let current = state.index(of: failedId) {
            if !addRestart(&state, in: process) {
                SupervisorReport.write(process, supervisor: state.name, context: "shutdown",
                                       reason: .atom(Atom("reached_max_restart_intensity")),
                                       offender: state.children[current])
                state.children[current].pid = nil
                return false
            }
            let ids: [Term]
            switch state.flags.strategy {
            case .oneForOne, .simpleOneForOne:
                ids = [failedId]
            case .oneForAll:
                let others = state.children.indices.filter { $0 != current }
                try await stopAll(others, &state, in: process)
                ids = state.children.map(\.spec.id)
            case .restForOne:
                try await stopAll(Array(state.children.indices.dropFirst(current + 1)), &state, in: process)
                ids = state.children.dropFirst(current).map(\.spec.id)
            }
            guard let failure = try await startAll(ids.compactMap { state.index(of: $0) }, &state, in: process) else {
                return true
            }
            failedId = failure.id
            // While erl retries a restart, the child is `{restarting, OldPid}`.
            if let failed = state.index(of: failedId), let old = state.children[failed].pid {
                state.children[failed].restarting = old
                state.children[failed].pid = nil
            }
        }
        return true
    }
}
