import ErlangRuntime
import ErlangTerms

/// The `timer` module: `sleep/1`, `tc/1,2,3`, `send_after/2,3`,
/// `apply_after/4`, `cancel/1`, `seconds/1`, `minutes/1`, `hours/1`;
/// intervals, `exit_after`, `kill_after` and `hms/3` are in `TimerModule+Intervals`.
/// Mirrors stdlib's timer.erl (OTP 25), including its references
/// `{instant | send_local | once, Ref}` and its errors, which carry
/// timer.erl's line numbers as erl prints them.
///
/// There is no timer server process: `once` and `interval` timers run on
/// the runtime's timer service, and `apply_after` spawns `M:F(A)` when it fires.
enum TimerModule {
    /// The exported functions.
    static let functions: FunctionTable = waiting + timing + sending + units + intervals

    static let waiting: FunctionTable = [
        bif("sleep", 1, { p, a in
            let timeout: ErlangProcess.ReceiveTimeout
            switch a[0] {
            case .int(let ms) where ms >= 0: timeout = .milliseconds(Int64(ms))
            case .bigInt(let big) where big.value.signum() > 0: timeout = .infinity
            case .atom(let name) where name == .infinity: timeout = .infinity
            default:
                throw StdlibError.raised(.atom("timeout_value"), in: "timer", "sleep", arity: 1, line: 219)
            }
            _ = try await p.receive(timeout: timeout) { (_: Term) -> Bool? in nil }
            return .ok
        }),
    ]

    static let timing: FunctionTable = [
        bif("tc", 1, { p, a in
            let frame = tcFrame(arity: 1, line: 235)
            try checkFun(a[0], args: [], frame: frame)
            return try await measure(p) { try await called(from: frame) { try await p.apply(a[0], []) } }
        }),
        bif("tc", 2, { p, a in
            let frame = tcFrame(arity: 2, line: 250)
            guard let args = a[1].listElements else {
                throw ErlangException(.error, .atom(.badarg),
                                      stacktrace: [ErlangProcess.frame(Atom("erlang"), Atom("apply"), .list(a)), frame])
            }
            try checkFun(a[0], args: args, frame: frame)
            return try await measure(p) { try await called(from: frame) { try await p.apply(a[0], args) } }
        }),
        bif("tc", 3, { p, a in
            let frame = tcFrame(arity: 3, line: 266)
            guard case .atom(let module) = a[0], case .atom(let function) = a[1], let args = a[2].listElements else {
                throw ErlangException(.error, .atom(.badarg),
                                      stacktrace: [ErlangProcess.frame(Atom("erlang"), Atom("apply"), .list(a)), frame])
            }
            return try await measure(p) {
                try await called(from: frame) { try await p.apply(module: module, function: function, args) }
            }
        }),
    ]

    static let sending: FunctionTable = [
        bif("send_after", 2, { p, a in sendAfter(p, a[0], .pid(p.pid), a[1]) }),
        bif("send_after", 3, { p, a in sendAfter(p, a[0], a[1], a[2]) }),
        bif("apply_after", 4, { p, a in
            guard let time = validTime(a[0]), case .atom(let module) = a[1], case .atom(let function) = a[2],
                  let args = a[3].listElements else { return badargResult }
            return onceTimer(p, after: time) { runtime in
                runtime.spawn(initialCall: .tuple([a[1], a[2], .int(args.count)])) { child in
                    _ = try await child.apply(module: module, function: function, args)
                }
            }
        }),
        bif("cancel", 1, { p, a in
            guard case .tuple(let e) = a[0], e.count == 2, case .atom(let kind) = e[0], case .ref(let ref) = e[1],
                  ["instant", "send_local", "once", "interval"].contains(kind.text) else { return badargResult }
            _ = p.runtime.cancelTimer(ref)
            return .tuple([.ok, .atom("cancel")])
        }),
    ]

    static let units: FunctionTable = [
        bif("seconds", 1, { _, a in try scaled(a[0], by: 1000, "seconds", line: 289) }),
        bif("minutes", 1, { _, a in try scaled(a[0], by: 60_000, "minutes", line: 295) }),
        bif("hours", 1, { _, a in try scaled(a[0], by: 3_600_000, "hours", line: 301) }),
    ]

    /// `{error, badarg}`.
    static let badargResult: Term = .tuple([.atom(.error), .atom(.badarg)])

    /// `timer:send_after(Time, Dest, Msg)`: a local pid gets an
    /// `erlang:send_after/3` timer (`send_local`); a name or `{Name, Node}`
    /// is resolved when the timer fires (`once`); time 0 sends at once.
    static func sendAfter(_ p: ErlangProcess, _ time: Term, _ dest: Term, _ message: Term) -> Term {
        switch dest {
        case .pid, .atom:
            break
        case .tuple(let e) where e.count == 2 && e[0].atomValue != nil && e[1].atomValue != nil:
            break
        case .int, .bigInt, .float, .tuple, .nil, .cons, .map, .binary, .ref, .fun:
            return badargResult
        }
        guard let ms = validTime(time) else { return badargResult }
        let runtime = p.runtime
        if ms == 0 {
            _ = try? ProcessBIFs.send(process: p, dest: dest, message: message)
            return .tuple([.ok, .tuple([.atom("instant"), .ref(runtime.makeRef())])])
        }
        if case .pid(let pid) = dest {
            let ref = runtime.startTimer(after: ms, for: pid) { _ in runtime.send(message, to: pid) }
            return .tuple([.ok, .tuple([.atom("send_local"), .ref(ref)])])
        }
        return onceTimer(p, after: ms) { runtime in
            _ = try? ProcessBIFs.send(process: p, dest: dest, message: message)
        }
    }

    /// A `once` timer running `action` after `ms` (at once for 0, giving an
    /// `instant` reference, as timer.erl does).
    static func onceTimer(_ p: ErlangProcess, after ms: Int64,
                          _ action: @escaping @Sendable (Runtime) -> Void) -> Term {
        let runtime = p.runtime
        if ms == 0 {
            action(runtime)
            return .tuple([.ok, .tuple([.atom("instant"), .ref(runtime.makeRef())])])
        }
        let ref = runtime.startTimer(after: ms) { _ in action(runtime) }
        return .tuple([.ok, .tuple([.atom("once"), .ref(ref)])])
    }

    /// timer.erl's `valid_time`: a non-negative integer (milliseconds).
    static func validTime(_ time: Term) -> Int64? {
        guard case .int(let ms) = time, ms >= 0 else { return nil }
        return Int64(ms)
    }

    /// `{timer, tc, Arity, [{file, "timer.erl"}, {line, Line}]}`.
    static func tcFrame(arity: Int, line: Int) -> Term {
        StdlibError.sourceFrame("timer", "tc", .int(arity), line: line)
    }

    /// erl's `{badfun, F}` / `{badarity, {F, Args}}` for `timer:tc`, raised
    /// in tc's frame twice (the call and its caller, as erl shows it).
    static func checkFun(_ fun: Term, args: [Term], frame: Term) throws {
        guard case .fun(let f) = fun else {
            throw ErlangException(.error, .tuple([.atom(.badfun), fun]), stacktrace: [frame, frame])
        }
        guard f.arity == args.count else {
            throw ErlangException(.error, .tuple([.atom(.badarity), .tuple([fun, .list(args)])]),
                                  stacktrace: [frame, frame])
        }
    }

    /// `{Microseconds, Value}` for `body`, timed on the runtime's clock.
    static func measure(_ p: ErlangProcess, _ body: () async throws -> Term) async throws -> Term {
        let start = p.runtime.clock.nowMicroseconds()
        let value = try await body()
        let elapsed = p.runtime.clock.nowMicroseconds() - start
        return .tuple([.int(Int(elapsed)), value])
    }

    /// `1000 * N` and friends, with erl's `badarith` frames.
    static func scaled(_ n: Term, by factor: Int, _ name: String, line: Int) throws -> Term {
        do {
            return try Arithmetic.multiply(n, .int(factor))
        } catch let exception as ErlangException {
            throw exception.calledFrom(StdlibError.sourceFrame("timer", name, .int(1), line: line))
        }
    }
}
