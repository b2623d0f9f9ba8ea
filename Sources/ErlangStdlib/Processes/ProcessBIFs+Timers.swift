import ErlangRuntime
import ErlangTerms

/// `erlang:send_after/3,4`, `start_timer/3,4`, `cancel_timer/1,2` and
/// `read_timer/1,2`, on the runtime's timer service (`Runtime.startTimer`).
///
/// A destination that is a name is looked up when the timer fires (nothing
/// is sent if it is not registered then); a pid destination's timer ends
/// with that process. `start_timer` sends `{timeout, TRef, Msg}`.
extension ProcessBIFs {
    static let timers: FunctionTable = [
        bif("send_after", 3, { p, a in try startTimer(p, a[0], a[1], a[2], options: .nil, wrap: false) }),
        bif("send_after", 4, { p, a in try startTimer(p, a[0], a[1], a[2], options: a[3], wrap: false) }),
        bif("start_timer", 3, { p, a in try startTimer(p, a[0], a[1], a[2], options: .nil, wrap: true) }),
        bif("start_timer", 4, { p, a in try startTimer(p, a[0], a[1], a[2], options: a[3], wrap: true) }),
        bif("cancel_timer", 1, { p, a in remainingTerm(p.runtime.cancelTimer(try refArgument(a[0]))) }),
        bif("cancel_timer", 2, { p, a in
            let ref = try refArgument(a[0])
            let options = try booleanOptions(a[1], allowed: ["async", "info"])
            let result = remainingTerm(p.runtime.cancelTimer(ref))
            return reply(p, "cancel_timer", ref, result, async: options["async"] ?? false, info: options["info"] ?? true)
        }),
        bif("read_timer", 1, { p, a in remainingTerm(p.runtime.readTimer(try refArgument(a[0]))) }),
        bif("read_timer", 2, { p, a in
            let ref = try refArgument(a[0])
            let options = try booleanOptions(a[1], allowed: ["async"])
            let result = remainingTerm(p.runtime.readTimer(ref))
            return reply(p, "read_timer", ref, result, async: options["async"] ?? false, info: true)
        }),
    ]

    /// Starts a timer sending `message` (or `{timeout, TRef, Msg}` when
    /// `wrap`) to `dest` after `time` milliseconds; `{abs, true}` in
    /// `options` makes `time` a point on the runtime's monotonic clock.
    static func startTimer(_ p: ErlangProcess, _ time: Term, _ dest: Term, _ message: Term,
                           options: Term, wrap: Bool) throws -> Term {
        let absolute = try booleanOptions(options, allowed: ["abs"])["abs"] ?? false
        guard case .int(let value) = time, absolute || value >= 0 else { throw ErlangException.badarg }
        let delay = absolute ? Int64(value) &- p.runtime.clock.nowMilliseconds() : Int64(value)
        let runtime = p.runtime
        let target: Pid?
        switch dest {
        case .pid(let pid): target = pid
        case .atom: target = nil
        case .int, .bigInt, .float, .tuple, .nil, .cons, .map, .binary, .ref, .fun:
            throw ErlangException.badarg
        }
        let ref = runtime.startTimer(after: delay, for: target) { ref in
            let payload: Term = wrap ? .tuple([.atom(.timeout), .ref(ref), message]) : message
            switch dest {
            case .pid(let pid): runtime.send(payload, to: pid)
            case .atom(let name): if let pid = runtime.whereis(name) { runtime.send(payload, to: pid) }
            case .int, .bigInt, .float, .tuple, .nil, .cons, .map, .binary, .ref, .fun: break
            }
        }
        return .ref(ref)
    }

    /// The milliseconds a timer had left, or `false`.
    static func remainingTerm(_ milliseconds: Int64?) -> Term {
        milliseconds.map { .int(Int($0)) } ?? .false
    }

    /// The answer of `cancel_timer/2` and `read_timer/2`: `result`, or `ok`
    /// and (with `info`) the message `{Tag, TRef, Result}` when `async`.
    static func reply(_ p: ErlangProcess, _ tag: String, _ ref: Ref, _ result: Term,
                      async: Bool, info: Bool) -> Term {
        guard async else { return info ? result : .ok }
        if info { p.runtime.send(.tuple([.atom(Atom(tag)), .ref(ref), result]), to: p.pid) }
        return .ok
    }
}
