import Swerl

/// The tutorial's counter as a gen_server written in Swift: `inc` and
/// `{add, N}` casts, a `value` call, and a `reset` after `idle` ms without
/// messages (a gen_server timeout: `handle_info(timeout, State)`).
/// Erlang code calls it like any callback module:
/// `gen_server:start_link({local, swift_counter}, swift_counter, 0, [])`.
public struct Counter: GenServerCallbacks {
    public static let moduleName = "swift_counter"
    /// Milliseconds without messages before the count resets.
    public let idle: Int

    public init(idle: Int = 60_000) { self.idle = idle }

    public func initialize(_ args: Term, process: ErlangProcess) async throws -> GenServerInit {
        guard case .int = args else { return .stop(.tuple([.atom("bad_start"), args])) }
        return .ok(args, .timeout(idle))
    }

    public func handleCall(_ request: Term, from: Term, state: Term,
                           process: ErlangProcess) async throws -> GenServerCallResult {
        if request == .atom("value") { return .reply(state, state, .timeout(idle)) }
        return .reply(.tuple([.atom("unknown_call"), request]), state, .timeout(idle))
    }

    public func handleCast(_ message: Term, state: Term, process: ErlangProcess) async throws -> GenServerResult {
        guard case .int(let n) = state else { return .stop(.atom("bad_state"), state) }
        if message == .atom("inc") { return .noreply(.int(n + 1), .timeout(idle)) }
        if case .tuple(let e) = message, e.count == 2, e[0] == .atom("add"), case .int(let k) = e[1] {
            return .noreply(.int(n + k), .timeout(idle))
        }
        return .noreply(state, .timeout(idle))
    }

    public func handleInfo(_ message: Term, state: Term, process: ErlangProcess) async throws -> GenServerResult {
        message == .atom("timeout") ? .noreply(.int(0)) : .noreply(state, .timeout(idle))
    }
}
