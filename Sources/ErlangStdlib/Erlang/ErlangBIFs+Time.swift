#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BigInt
import ErlangRuntime
import ErlangTerms

/// Time: `system_time/0,1`, `monotonic_time/0,1`, `time_offset/0,1`,
/// `convert_time_unit/3`, `timestamp/0`, `now/0`, `time/0`, `date/0`,
/// `localtime/0`, `universaltime/0`, `unique_integer/0,1`. Mirrors erts'
/// erl_time_sup.c and erl_bif_unique.c (OTP 25 on Linux).
///
/// - `native` time is nanoseconds, as erl's on Linux
///   (`erlang:convert_time_unit(1, second, native)` is 1000000000).
/// - Erlang monotonic time comes from the runtime's clock
///   (`Runtime.clock`: the system's monotonic clock in the shell, a
///   `ManualClock` in tests), offset so that it starts at -2^59 ns as
///   erl's does; the clock has microsecond resolution.
/// - System time is the wall clock; the time offset is system time less
///   monotonic time, read together.
/// - `now/0` and the unique integers need counters, which live in a
///   `TimeCounters` made for each runtime: the table is built per runtime
///   (`Stdlib.modules()`), so nothing here is global.
extension ErlangBIFs {
    /// The time BIFs, sharing `counters` (one per runtime).
    static func time(_ counters: TimeCounters) -> FunctionTable {
        ErtsErrors.withErrorInfo(clocks + conversion + calendar + unique(counters))
    }

    /// `system_time`, `monotonic_time`, `time_offset` and `timestamp`.
    static let clocks: FunctionTable = [
        bif("system_time", 0, { _, _ in .int(OSClock.nanoseconds()) }),
        bif("system_time", 1, { _, a in
            let unit = try TimeUnit.argument(a[0])
            return TimeUnit.convert(.int(OSClock.nanoseconds()), from: .native, to: unit)
        }),
        bif("monotonic_time", 0, { p, _ in monotonicTime(p) }),
        bif("monotonic_time", 1, { p, a in
            let unit = try TimeUnit.argument(a[0])
            return TimeUnit.convert(monotonicTime(p), from: .native, to: unit)
        }),
        bif("time_offset", 0, { p, _ in timeOffset(p) }),
        bif("time_offset", 1, { p, a in
            let unit = try TimeUnit.argument(a[0])
            return TimeUnit.convert(timeOffset(p), from: .native, to: unit)
        }),
        bif("timestamp", 0, { _, _ in timestampTuple(microseconds: OSClock.nanoseconds() / 1000) }),
    ]

    /// `convert_time_unit/3`.
    static let conversion: FunctionTable = [
        bif("convert_time_unit", 3, { _, a in
            guard a[0].isInteger, let from = TimeUnit(a[1]), let to = TimeUnit(a[2]) else {
                throw ErlangException.badarg
            }
            return TimeUnit.convert(a[0], from: from, to: to)
        }),
    ]

    /// `time/0`, `date/0`, `localtime/0` and `universaltime/0`, from the wall clock.
    static let calendar: FunctionTable = [
        bif("time", 0, { _, _ in CalendarTime.now(local: true).time }),
        bif("date", 0, { _, _ in CalendarTime.now(local: true).date }),
        bif("localtime", 0, { _, _ in CalendarTime.now(local: true).dateTime }),
        bif("universaltime", 0, { _, _ in CalendarTime.now(local: false).dateTime }),
    ]

    /// `now/0` and `unique_integer/0,1`, on the runtime's `counters`.
    static func unique(_ counters: TimeCounters) -> FunctionTable {
        [
            bif("now", 0, { _, _ in
                timestampTuple(microseconds: counters.nextNow(wallMicroseconds: OSClock.nanoseconds() / 1000))
            }),
            bif("unique_integer", 0, { _, _ in counters.nextUnique(positive: false) }),
            bif("unique_integer", 1, { _, a in
                guard let modifiers = a[0].listElements else { throw ErlangException.badarg }
                var positive = false, monotonic = false
                for modifier in modifiers {
                    switch modifier {
                    case .atom(let name) where name == positiveModifier: positive = true
                    case .atom(let name) where name == monotonicModifier: monotonic = true
                    case .int, .bigInt, .float, .atom, .tuple, .nil, .cons, .map, .binary, .pid, .ref, .fun:
                        throw ErlangException.badarg
                    }
                }
                return monotonic ? counters.nextMonotonic(positive: positive) : counters.nextUnique(positive: positive)
            }),
        ]
    }

    /// `unique_integer/1`'s modifier `positive`.
    static let positiveModifier = Atom("positive")
    /// `unique_integer/1`'s modifier `monotonic`.
    static let monotonicModifier = Atom("monotonic")

    /// The smallest small integer of a 64-bit BEAM, -2^59: where erl's
    /// monotonic time (in nanoseconds) and its unique integers start.
    static let minSmall = -(1 << 59)

    /// Erlang monotonic time in `native` units: -2^59 plus the runtime
    /// clock's time since its origin.
    static func monotonicTime(_ process: ErlangProcess) -> Term {
        let micro = Int(process.runtime.clock.nowMicroseconds())
        let (nanos, overflowed) = micro.multipliedReportingOverflow(by: 1000)
        let (time, overflowedAgain) = nanos.addingReportingOverflow(minSmall)
        if overflowed || overflowedAgain { return .integer(BigInt(micro) * 1000 + BigInt(minSmall)) }
        return .int(time)
    }

    /// System time less monotonic time, in `native` units.
    static func timeOffset(_ process: ErlangProcess) -> Term {
        let monotonic = monotonicTime(process)
        let system = OSClock.nanoseconds()
        if case .int(let m) = monotonic {
            let (offset, overflowed) = system.subtractingReportingOverflow(m)
            if !overflowed { return .int(offset) }
        }
        return .integer(BigInt(system) - (monotonic.bigIntValue ?? 0))
    }

    /// `{MegaSecs, Secs, MicroSecs}` for a time in microseconds.
    static func timestampTuple(microseconds: Int) -> Term {
        let seconds = TimeUnit.floorDivide(microseconds, 1_000_000)
        let micro = microseconds - seconds * 1_000_000
        let mega = TimeUnit.floorDivide(seconds, 1_000_000)
        return .tuple([.int(mega), .int(seconds - mega * 1_000_000), .int(micro)])
    }

    /// erl_erts_errors' explanation of a `badarg` from one of these BIFs
    /// (argument position to text); `nil` when `function/arity` is not a
    /// time BIF.
    static func explainTime(_ function: String, _ args: [Term]) -> [Int: String]? {
        let invalidUnit = "invalid time unit"
        switch (function, args.count) {
        case ("system_time", 1), ("monotonic_time", 1), ("time_offset", 1):
            return TimeUnit(args[0]) == nil ? [1: invalidUnit] : [:]
        case ("convert_time_unit", 3):
            var out: [Int: String] = [:]
            if !args[0].isInteger { out[1] = "not an integer" }
            if TimeUnit(args[1]) == nil { out[2] = invalidUnit }
            if TimeUnit(args[2]) == nil { out[3] = invalidUnit }
            return out
        case ("unique_integer", 1):
            switch args[0] {
            case .nil, .cons:
                return [1: args[0].properListLength == nil ? "not a proper list" : "invalid modifier"]
            case .int, .bigInt, .float, .atom, .tuple, .map, .binary, .pid, .ref, .fun:
                return [1: "not a list"]
            }
        default:
            return nil
        }
    }
}

/// Why a time BIF of `erlang` or `os` rejected its arguments, in erl's
/// words (`*** argument 1: invalid time unit`), for whoever explains a
/// `badarg` below `called as` (erl_erts_errors / erl_kernel_errors).
public enum TimeErrors {
    /// The explanations for `badarg` from `module:function(args...)`:
    /// argument position (1-based) to text; `nil` when the function is not
    /// one of the time BIFs.
    public static func explain(_ module: String, _ function: String, _ args: [Term]) -> [Int: String]? {
        switch module {
        case "erlang": return ErlangBIFs.explainTime(function, args)
        case "os": return OSModule.explain(function, args)
        default: return nil
        }
    }
}

/// A time unit, as the time BIFs take it: `second`, `millisecond`,
/// `microsecond`, `nanosecond`, `native`, `perf_counter`, a positive
/// integer (parts per second), or the deprecated `seconds`,
/// `milli_seconds`, `micro_seconds`, `nano_seconds`. Mirrors erlang.erl's
/// `convert_time_unit/3` and erts' `erts_get_time_unit`.
enum TimeUnit: Equatable, Sendable {
    /// A unit of `n` parts per second, `n` a machine integer.
    case perSecond(Int)
    /// A unit of `n` parts per second, `n` too large for a machine integer.
    case perSecondBig(BigInt)

    /// `native`: nanoseconds, as erl on Linux.
    static let native = TimeUnit.perSecond(1_000_000_000)
    /// `perf_counter`: nanoseconds (`clock_gettime(CLOCK_MONOTONIC)`), as erl on Linux.
    static let perfCounter = TimeUnit.perSecond(1_000_000_000)

    /// The units erl names with an atom, the deprecated plural ones included.
    private static let named: [Atom: TimeUnit] = [
        Atom("native"): .native, Atom("perf_counter"): .perfCounter,
        Atom("second"): .perSecond(1), Atom("seconds"): .perSecond(1),
        Atom("millisecond"): .perSecond(1000), Atom("milli_seconds"): .perSecond(1000),
        Atom("microsecond"): .perSecond(1_000_000), Atom("micro_seconds"): .perSecond(1_000_000),
        Atom("nanosecond"): .perSecond(1_000_000_000), Atom("nano_seconds"): .perSecond(1_000_000_000),
    ]

    /// The unit `term` names; `nil` for anything that is not a time unit.
    init?(_ term: Term) {
        switch term {
        case .atom(let name):
            guard let unit = Self.named[name] else { return nil }
            self = unit
        case .int(let n) where n > 0: self = .perSecond(n)
        case .bigInt(let n) where n.value.signum() > 0: self = .perSecondBig(n.value)
        case .int, .bigInt, .float, .tuple, .nil, .cons, .map, .binary, .pid, .ref, .fun:
            return nil
        }
    }

    /// The unit `term` names, or `badarg` (the table adds erl's frame).
    static func argument(_ term: Term) throws -> TimeUnit {
        guard let unit = TimeUnit(term) else { throw ErlangException.badarg }
        return unit
    }

    /// The parts per second, as a big integer.
    var big: BigInt {
        switch self {
        case .perSecond(let n): return BigInt(n)
        case .perSecondBig(let n): return n
        }
    }

    /// `time` (an integer term) in unit `from` converted to unit `to`,
    /// rounded down (`floor(Time * To / From)`), as `erlang:convert_time_unit/3`
    /// rounds: -1 native is -1 second. A non-integer `time` gives 0
    /// (callers check it first).
    static func convert(_ time: Term, from: TimeUnit, to: TimeUnit) -> Term {
        if from == to { return time }
        if case .int(let t) = time, case .perSecond(let f) = from, case .perSecond(let u) = to {
            let (scaled, overflowed) = t.multipliedReportingOverflow(by: u)
            if !overflowed { return .int(floorDivide(scaled, f)) }
        }
        guard let t = time.bigIntValue else { return .int(0) }
        let (quotient, remainder) = (t * to.big).quotientAndRemainder(dividingBy: from.big)
        return .integer(remainder.signum() < 0 ? quotient - 1 : quotient)
    }

    /// `a` divided by a positive `b`, rounded toward negative infinity.
    static func floorDivide(_ a: Int, _ b: Int) -> Int {
        let (quotient, remainder) = a.quotientAndRemainder(dividingBy: b)
        return remainder < 0 ? quotient - 1 : quotient
    }
}

/// The operating system's clocks, read directly: the wall clock
/// (`CLOCK_REALTIME`, erl's OS system time) and the monotonic clock
/// (`CLOCK_MONOTONIC`, erl's performance counter on Linux).
enum OSClock {
    /// Nanoseconds since the Unix epoch on the wall clock (`CLOCK_REALTIME`).
    static func nanoseconds() -> Int { read(CLOCK_REALTIME) }

    /// Nanoseconds on the system's monotonic clock (since boot on Linux).
    static func monotonicNanoseconds() -> Int { read(CLOCK_MONOTONIC) }

    /// The clock `id` in nanoseconds.
    private static func read(_ id: clockid_t) -> Int {
        var spec = timespec()
        clock_gettime(id, &spec)
        return Int(spec.tv_sec) &* 1_000_000_000 &+ Int(spec.tv_nsec)
    }
}

/// A calendar date and time of day from the wall clock: erl's
/// `{Year, Month, Day}` and `{Hour, Minute, Second}`.
struct CalendarTime {
    /// `{Year, Month, Day}`.
    let date: Term
    /// `{Hour, Minute, Second}`.
    let time: Term

    /// `{Date, Time}`.
    var dateTime: Term { .tuple([date, time]) }

    /// Now, in the local time zone (`localtime_r`) or in UTC (`gmtime_r`).
    static func now(local: Bool) -> CalendarTime {
        var seconds = time_t(TimeUnit.floorDivide(OSClock.nanoseconds(), 1_000_000_000))
        var parts = tm()
        if local {
            if localtime_r(&seconds, &parts) == nil { _ = gmtime_r(&seconds, &parts) }
        } else {
            _ = gmtime_r(&seconds, &parts)
        }
        return CalendarTime(
            date: .tuple([.int(Int(parts.tm_year) + 1900), .int(Int(parts.tm_mon) + 1), .int(Int(parts.tm_mday))]),
            time: .tuple([.int(Int(parts.tm_hour)), .int(Int(parts.tm_min)), .int(Int(parts.tm_sec))]))
    }
}

/// One runtime's counters for `erlang:now/0` and `erlang:unique_integer/0,1`.
///
/// Unique integers follow erts' layout as erl shows it on this machine's
/// first scheduler: a plain one is `-2^59 + (N bsl 4 bor 1)` (`N` counting
/// calls; the low 4 bits are erl's scheduler number), `N bsl 4 bor 1 + 1`
/// when `positive`; a monotonic one is `-2^59 + M`, or `M + 1` when
/// `positive`, `M` counting monotonic calls. So the first
/// `erlang:unique_integer()` of a fresh node is -576460752303423487, and the
/// first `[monotonic]` one -576460752303423488, as in erl. As erl
/// documents, integers from different modifier sets may overlap.
final class TimeCounters: Sendable {
    /// The counters, under one lock.
    private struct State {
        /// Plain (non-monotonic) unique integers handed out.
        var unique = 0
        /// Monotonic unique integers handed out.
        var monotonic = 0
        /// The last `now/0` value, in microseconds (none yet: `Int.min`).
        var lastNow = Int.min
    }

    /// The counters' state; its lock is the only synchronization needed.
    private let state = Lock(State())

    /// Fresh counters (for a new runtime).
    init() {}

    /// The next `now/0` time in microseconds: the wall clock's, or one
    /// more than the previous value when the clock has not moved past it,
    /// so that successive calls are strictly increasing.
    func nextNow(wallMicroseconds: Int) -> Int {
        state.withLock { s in
            let next = max(wallMicroseconds, s.lastNow &+ 1)
            s.lastNow = next
            return next
        }
    }

    /// The next plain unique integer (`unique_integer/0`, `[positive]`).
    func nextUnique(positive: Bool) -> Term {
        let n = state.withLock { s in
            defer { s.unique += 1 }
            return s.unique
        }
        guard n < 1 << 58 else {
            let raw = BigInt(n) << 4 | 1
            return .integer(positive ? raw + 1 : raw + BigInt(ErlangBIFs.minSmall))
        }
        let raw = n << 4 | 1
        return .int(positive ? raw + 1 : raw + ErlangBIFs.minSmall)
    }

    /// The next monotonic unique integer (`[monotonic]`, `[monotonic, positive]`).
    func nextMonotonic(positive: Bool) -> Term {
        let m = state.withLock { s in
            defer { s.monotonic += 1 }
            return s.monotonic
        }
        return .int(positive ? m + 1 : m + ErlangBIFs.minSmall)
    }
}
