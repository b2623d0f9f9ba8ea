import BigInt
@testable import ErlangEval
import ErlangRuntime
@testable import ErlangStdlib
import ErlangSyntax
import ErlangTerms
import Testing

/// A runtime of its own, with the stdlib installed and a `ManualClock` the
/// test moves: the time BIFs' monotonic time comes from that clock, and
/// their counters (`now/0`, `unique_integer/0,1`) are fresh, as in a new node.
struct TimeHarness {
    /// The runtime's clock; nothing moves it but the test.
    let clock = ManualClock()
    /// The runtime.
    let runtime: Runtime

    /// A fresh runtime with the stdlib installed.
    init() {
        runtime = Runtime(clock: clock, output: CapturedOutput())
        Stdlib.install(in: runtime)
    }

    /// Calls `module:function(args...)` in a new process.
    func call(_ module: String, _ function: String, _ args: [Term] = []) async -> Result<Term, ErlangException> {
        await StdlibHarness.call(module, function, args, in: runtime)
    }

    /// The value of `module:function(args...)`; records an issue (and gives
    /// `undefined`) when it raised.
    func value(_ module: String, _ function: String, _ args: [Term] = [],
               sourceLocation: Testing.SourceLocation = #_sourceLocation) async -> Term {
        switch await call(module, function, args) {
        case .success(let value): return value
        case .failure(let e):
            Issue.record("\(module):\(function) raised \(e.kind):\(TermWriter.write(e.reason))", sourceLocation: sourceLocation)
            return .atom(.undefined)
        }
    }

    /// An integer result as an `Int` (records an issue otherwise).
    func int(_ module: String, _ function: String, _ args: [Term] = [],
             sourceLocation: Testing.SourceLocation = #_sourceLocation) async -> Int {
        let v = await value(module, function, args, sourceLocation: sourceLocation)
        guard case .int(let n) = v else {
            Issue.record("\(module):\(function) gave \(TermWriter.write(v)), not a small integer", sourceLocation: sourceLocation)
            return 0
        }
        return n
    }
}

/// The integers of a tuple of small integers, or `nil` for another term.
func timeTupleInts(_ term: Term) -> [Int]? {
    guard case .tuple(let items) = term else { return nil }
    var out: [Int] = []
    for item in items {
        guard case .int(let n) = item else { return nil }
        out.append(n)
    }
    return out
}

/// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's
/// `days_from_civil`), to check `universaltime/0` against system time.
func timeDaysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
}

/// `erlang:convert_time_unit/3` and the units every time BIF takes.
@Suite struct TimeUnitTests {
    /// `{Time, FromUnit, ToUnit}` and erl's result, recorded from OTP 25
    /// on Linux (`[erlang:convert_time_unit(T, F, U) || ...]`).
    static let conversions: [(Term, Term, Term, Term)] = [
        (I(1), A("second"), A("native"), I(1_000_000_000)),
        (I(-1), A("native"), A("second"), I(-1)),
        (I(-1500), A("millisecond"), A("second"), I(-2)),
        (I(-1000), A("millisecond"), A("second"), I(-1)),
        (I(-1001), A("millisecond"), A("second"), I(-2)),
        (I(7), I(3), I(2), I(4)),
        (I(-7), I(3), I(2), I(-5)),
        (I(1), A("native"), A("nanosecond"), I(1)),
        (I(1), A("perf_counter"), A("nanosecond"), I(1)),
        (I(1), A("perf_counter"), A("native"), I(1)),
        (I(1), A("native"), A("perf_counter"), I(1)),
        (I(5), A("seconds"), A("milli_seconds"), I(5000)),
        (I(5), A("milli_seconds"), A("micro_seconds"), I(5000)),
        (I(5), A("micro_seconds"), A("nano_seconds"), I(5000)),
        (I(5), A("nano_seconds"), A("seconds"), I(0)),
        (I(123_456_789), A("nanosecond"), A("microsecond"), I(123_456)),
        (I(-123_456_789), A("nanosecond"), A("microsecond"), I(-123_457)),
        (I(1), N("1000000000000000000000"), A("second"), I(0)),
        (I(-1), N("1000000000000000000000"), A("second"), I(-1)),
        (I(1), A("second"), N("1000000000000000000000"), N("1000000000000000000000")),
        (N("100000000000000000000000"), A("second"), A("nanosecond"), N("100000000000000000000000000000000")),
        (N("10000000000000000000000"), A("nanosecond"), A("second"), I(10_000_000_000_000)),
        (N("-10000000000000000000001"), A("nanosecond"), A("second"), I(-10_000_000_000_001)),
        (I(0), A("second"), A("native"), I(0)),
        (I(3), A("second"), I(7), I(21)),
        (I(Int.max), A("second"), A("millisecond"), N("9223372036854775807000")),
        (I(-576_460_752_303_423_488), A("native"), A("second"), I(-576_460_753)),
        (I(-576_460_752_303_423_488), A("native"), A("millisecond"), I(-576_460_752_304)),
        (I(-576_460_752_303_423_488), A("native"), I(7), I(-4_035_225_267)),
    ]

    @Test("convert_time_unit/3 gives erl's values, rounding down", arguments: conversions)
    func converts(_ time: Term, _ from: Term, _ to: Term, _ expected: Term) async {
        let result = await StdlibHarness.call("erlang", "convert_time_unit", [time, from, to])
        #expect((try? result.get()) == expected,
                "convert_time_unit(\(TermWriter.write(time)), \(TermWriter.write(from)), \(TermWriter.write(to)))")
    }

    /// Every unit erl accepts, for the one-argument clocks.
    static let units: [Term] = [
        A("second"), A("millisecond"), A("microsecond"), A("nanosecond"), A("native"), A("perf_counter"),
        A("seconds"), A("milli_seconds"), A("micro_seconds"), A("nano_seconds"), I(1), I(7), I(1000),
        N("1000000000000000000000"),
    ]

    @Test("system_time/1, monotonic_time/1, time_offset/1 and os:system_time/1 take every unit", arguments: units)
    func acceptsUnit(_ unit: Term) async {
        for (module, function) in [("erlang", "system_time"), ("erlang", "monotonic_time"), ("erlang", "time_offset"),
                                   ("os", "system_time"), ("os", "perf_counter")] {
            let result = await StdlibHarness.call(module, function, [unit])
            #expect((try? result.get())?.isInteger == true, "\(module):\(function)(\(TermWriter.write(unit)))")
        }
    }

    @Test func nativeIsNanoseconds() {
        #expect(TimeUnit(A("native")) == TimeUnit(A("nanosecond")))
        #expect(TimeUnit(A("perf_counter")) == TimeUnit(A("nanosecond")))
        #expect(TimeUnit(I(0)) == nil)
        #expect(TimeUnit(A("minute")) == nil)
    }
}

/// Bad arguments raise `badarg` in erl's frame, and are explained in erl's
/// words (recorded from the OTP 25 shell's `*** argument N:` lines).
@Suite struct TimeErrorTests {
    static let erlangErrors: [(String, [Term], [Int: String])] = [
        ("system_time", [A("foo")], [1: "invalid time unit"]),
        ("system_time", [I(0)], [1: "invalid time unit"]),
        ("system_time", [I(-5)], [1: "invalid time unit"]),
        ("system_time", [D(1.5)], [1: "invalid time unit"]),
        ("monotonic_time", [A("foo")], [1: "invalid time unit"]),
        ("monotonic_time", [D(1.0)], [1: "invalid time unit"]),
        ("time_offset", [A("foo")], [1: "invalid time unit"]),
        ("convert_time_unit", [A("foo"), A("native"), A("second")], [1: "not an integer"]),
        ("convert_time_unit", [I(1), A("foo"), A("second")], [2: "invalid time unit"]),
        ("convert_time_unit", [I(1), A("second"), A("foo")], [3: "invalid time unit"]),
        ("convert_time_unit", [D(1.0), A("second"), A("native")], [1: "not an integer"]),
        ("convert_time_unit", [I(1), A("second"), I(0)], [3: "invalid time unit"]),
        ("convert_time_unit", [I(1), A("second"), I(-1)], [3: "invalid time unit"]),
        ("convert_time_unit", [I(1), I(0), A("second")], [2: "invalid time unit"]),
        ("convert_time_unit", [I(1), D(1.5), A("second")], [2: "invalid time unit"]),
        ("convert_time_unit", [I(1), A("a"), A("b")], [2: "invalid time unit", 3: "invalid time unit"]),
        ("convert_time_unit", [A("a"), A("b"), A("c")], [1: "not an integer", 2: "invalid time unit", 3: "invalid time unit"]),
        ("convert_time_unit", [A("a"), A("second"), A("c")], [1: "not an integer", 3: "invalid time unit"]),
        ("convert_time_unit", [D(1.5), A("second"), D(1.5)], [1: "not an integer", 3: "invalid time unit"]),
        ("unique_integer", [L(A("foo"))], [1: "invalid modifier"]),
        ("unique_integer", [L(A("positive"), A("foo"))], [1: "invalid modifier"]),
        ("unique_integer", [A("foo")], [1: "not a list"]),
        ("unique_integer", [B()], [1: "not a list"]),
        ("unique_integer", [LT([A("positive")], A("foo"))], [1: "not a proper list"]),
        ("unique_integer", [LT([A("foo")], A("bar"))], [1: "not a proper list"]),
        ("unique_integer", [LT([A("monotonic"), A("positive")], A("bar"))], [1: "not a proper list"]),
    ]

    @Test("erlang time BIFs raise badarg with erl's frame and explanation", arguments: erlangErrors)
    func erlangBadarg(_ function: String, _ args: [Term], _ explained: [Int: String]) async {
        let result = await StdlibHarness.call("erlang", function, args)
        guard case .failure(let e) = result else {
            Issue.record("erlang:\(function) did not raise")
            return
        }
        #expect(e.kind == .error && e.reason == .atom(.badarg))
        #expect(e.stacktrace.first == .tuple([A("erlang"), A(function), .list(args), ErtsErrors.errorInfoLocation]))
        #expect(TimeErrors.explain("erlang", function, args) == explained)
    }

    /// erl's top frames for the `os` errors (`try ... catch C:R:S -> S end`).
    static let osErrors: [(String, Term, Term)] = [
        ("system_time", A("foo"), L(T(A("error_info"), M((A("module"), A("erl_kernel_errors")))))),
        ("system_time", D(1.5), L(T(A("error_info"), M((A("module"), A("erl_kernel_errors")))))),
        ("perf_counter", A("foo"), L(T(A("file"), S("os.erl")), T(A("line"), I(446)),
                                     T(A("error_info"), M((A("module"), A("erl_kernel_errors")))))),
    ]

    @Test("os time functions raise badarg with erl's frame and explanation", arguments: osErrors)
    func osBadarg(_ function: String, _ unit: Term, _ location: Term) async {
        let result = await StdlibHarness.call("os", function, [unit])
        guard case .failure(let e) = result else {
            Issue.record("os:\(function) did not raise")
            return
        }
        #expect(e.kind == .error && e.reason == .atom(.badarg))
        #expect(e.stacktrace.first == .tuple([A("os"), A(function), L(unit), location]))
        #expect(TimeErrors.explain("os", function, [unit]) == [1: "invalid time unit"])
        let formatted = await StdlibHarness.call("erl_kernel_errors", "format_error", [e.reason, .list(e.stacktrace)])
        #expect((try? formatted.get()) == M((I(1), BU("invalid time unit"))))
    }

    @Test func goodArgumentsAreNotExplained() {
        #expect(TimeErrors.explain("erlang", "system_time", [A("second")]) == [:])
        #expect(TimeErrors.explain("erlang", "hd", [A("a")]) == nil)
        #expect(TimeErrors.explain("lists", "seq", [I(1), I(2)]) == nil)
    }

    @Test func timestampTakesNoArgument() async {
        let result = await StdlibHarness.call("erlang", "timestamp", [I(1)])
        guard case .failure(let e) = result else {
            Issue.record("erlang:timestamp(1) did not raise")
            return
        }
        #expect(e.reason == .atom(.undef))
    }
}

/// Monotonic time and the time offset come from the runtime's clock.
@Suite struct MonotonicTimeTests {
    /// erl's monotonic time starts at -2^59 ns.
    static let start = -576_460_752_303_423_488

    @Test func startsWhereErlsDoesAndMovesOnlyWithTheClock() async {
        let h = TimeHarness()
        #expect(await h.int("erlang", "monotonic_time") == Self.start)
        #expect(await h.int("erlang", "monotonic_time") == Self.start)
        // Values recorded from erl: convert_time_unit(-2^59, native, Unit).
        #expect(await h.int("erlang", "monotonic_time", [A("second")]) == -576_460_753)
        #expect(await h.int("erlang", "monotonic_time", [A("millisecond")]) == -576_460_752_304)
        #expect(await h.int("erlang", "monotonic_time", [A("microsecond")]) == -576_460_752_303_424)
        #expect(await h.int("erlang", "monotonic_time", [I(7)]) == -4_035_225_267)

        h.clock.advance(by: 1500)
        #expect(await h.int("erlang", "monotonic_time") == Self.start + 1_500_000_000)
        // convert_time_unit(-2^59 + 1500000000, native, Unit) in erl.
        #expect(await h.int("erlang", "monotonic_time", [A("second")]) == -576_460_751)
        #expect(await h.int("erlang", "monotonic_time", [A("millisecond")]) == -576_460_750_804)
        #expect(await h.int("erlang", "monotonic_time", [A("nanosecond")]) == -576_460_750_803_423_488)
        #expect(await h.int("erlang", "monotonic_time", [I(7)]) == -4_035_225_256)
    }

    @Test func timeOffsetIsSystemTimeLessMonotonicTime() async {
        let h = TimeHarness()
        h.clock.advance(by: 2000)
        let monotonic = await h.int("erlang", "monotonic_time")
        let before = await h.int("erlang", "system_time")
        let offset = await h.int("erlang", "time_offset")
        let after = await h.int("erlang", "system_time")
        #expect(before - monotonic <= offset && offset <= after - monotonic)
        // The wall clock moves on between the calls: bound the offset in
        // seconds by system times read on either side of it.
        let beforeSeconds = await h.int("erlang", "system_time")
        let offsetSeconds = await h.int("erlang", "time_offset", [A("second")])
        let afterSeconds = await h.int("erlang", "system_time")
        #expect((beforeSeconds - monotonic) / 1_000_000_000 - 1 <= offsetSeconds)
        #expect(offsetSeconds <= (afterSeconds - monotonic) / 1_000_000_000)
    }
}

/// System time, timestamps and the calendar come from the wall clock.
@Suite struct WallClockTests {
    @Test func systemTimeInUnitsAgree() async {
        let h = TimeHarness()
        let before = await h.int("erlang", "system_time")
        let seconds = await h.int("erlang", "system_time", [A("second")])
        let millis = await h.int("erlang", "system_time", [A("millisecond")])
        let osNanos = await h.int("os", "system_time")
        let osSeconds = await h.int("os", "system_time", [A("seconds")])
        let after = await h.int("erlang", "system_time")
        #expect(before / 1_000_000_000 <= seconds && seconds <= after / 1_000_000_000)
        #expect(before / 1_000_000 <= millis && millis <= after / 1_000_000)
        #expect(before <= osNanos && osNanos <= after)
        #expect(before / 1_000_000_000 <= osSeconds && osSeconds <= after / 1_000_000_000)
        // The wall clock, in nanoseconds: after 2020 and before 2100.
        #expect(before > 1_577_836_800 * 1_000_000_000 && before < 4_102_444_800 * 1_000_000_000)
    }

    @Test("timestamp/0 and os:timestamp/0 are {MegaSecs, Secs, MicroSecs} of system time",
          arguments: [("erlang", "timestamp"), ("os", "timestamp"), ("erlang", "now")])
    func timestampShape(_ module: String, _ function: String) async {
        let h = TimeHarness()
        let before = await h.int("erlang", "system_time", [A("microsecond")])
        let stamp = await h.value(module, function)
        let after = await h.int("erlang", "system_time", [A("microsecond")])
        guard let parts = timeTupleInts(stamp), parts.count == 3 else {
            Issue.record("\(module):\(function)() gave \(TermWriter.write(stamp))")
            return
        }
        #expect(parts[0] > 0 && (0..<1_000_000).contains(parts[1]) && (0..<1_000_000).contains(parts[2]))
        let micro = (parts[0] * 1_000_000 + parts[1]) * 1_000_000 + parts[2]
        #expect(before <= micro && micro <= after + 1)
    }

    @Test func timestampTupleSplitsMicroseconds() {
        // erl: erlang:timestamp() gave {1796,355321,650279} for this time.
        #expect(ErlangBIFs.timestampTuple(microseconds: 1_796_355_321_650_279) == T(I(1796), I(355_321), I(650_279)))
        #expect(ErlangBIFs.timestampTuple(microseconds: 0) == T(I(0), I(0), I(0)))
    }

    @Test func universaltimeIsSystemTimeInUTC() async {
        let h = TimeHarness()
        let before = await h.int("erlang", "system_time", [A("second")])
        let now = await h.value("erlang", "universaltime")
        let after = await h.int("erlang", "system_time", [A("second")])
        guard case .tuple(let halves) = now, halves.count == 2,
              let date = timeTupleInts(halves[0]), date.count == 3,
              let time = timeTupleInts(halves[1]), time.count == 3 else {
            Issue.record("universaltime() gave \(TermWriter.write(now))")
            return
        }
        let seconds = timeDaysFromCivil(date[0], date[1], date[2]) * 86_400 + time[0] * 3600 + time[1] * 60 + time[2]
        #expect(before <= seconds && seconds <= after)
    }

    @Test func localtimeDateAndTimeHaveErlsShape() async {
        let h = TimeHarness()
        let local = await h.value("erlang", "localtime")
        let date = await h.value("erlang", "date")
        let time = await h.value("erlang", "time")
        guard case .tuple(let halves) = local, halves.count == 2,
              let d = timeTupleInts(halves[0]), d.count == 3, let t = timeTupleInts(halves[1]), t.count == 3,
              let d2 = timeTupleInts(date), d2.count == 3, let t2 = timeTupleInts(time), t2.count == 3 else {
            Issue.record("localtime() \(TermWriter.write(local)), date() \(TermWriter.write(date)), time() \(TermWriter.write(time))")
            return
        }
        for (year, month, day) in [(d[0], d[1], d[2]), (d2[0], d2[1], d2[2])] {
            #expect(year >= 2020 && (1...12).contains(month) && (1...31).contains(day))
        }
        for (hour, minute, second) in [(t[0], t[1], t[2]), (t2[0], t2[1], t2[2])] {
            #expect((0..<24).contains(hour) && (0..<60).contains(minute) && (0..<60).contains(second))
        }
    }

    @Test func perfCounterIsTheOSMonotonicClockInNanoseconds() async {
        let h = TimeHarness()
        let first = await h.int("os", "perf_counter")
        let millis = await h.int("os", "perf_counter", [A("millisecond")])
        let second = await h.int("os", "perf_counter", [A("perf_counter")])
        #expect(first > 0 && first <= second)
        #expect(first / 1_000_000 <= millis && millis <= second / 1_000_000)
    }

    /// `time()` and `date()` are auto-imported: shell expressions call them
    /// without a module, as in erl.
    @Test("time() and date() work as local calls in shell expressions",
          arguments: ["{H, M, S} = time(), is_integer(H + M + S)", "{Y, Mo, D} = date(), is_integer(Y + Mo + D)"])
    func autoImported(_ source: String) async {
        #expect(await EvaluatorHarness.run(source) == "true", "\(source)")
    }
}

/// `now/0` and `unique_integer/0,1`.
@Suite struct UniqueTimeTests {
    @Test func nowIsStrictlyIncreasing() async {
        let h = TimeHarness()
        let result = await h.runtime.spawnAndCall { process in
            var last = Int.min
            for _ in 0..<2000 {
                let stamp = try await process.apply(module: Atom("erlang"), function: Atom("now"), [])
                guard let p = timeTupleInts(stamp), p.count == 3 else { return .atom("bad_shape") }
                let micro = (p[0] * 1_000_000 + p[1]) * 1_000_000 + p[2]
                guard micro > last else { return .atom("not_increasing") }
                last = micro
            }
            return .ok
        }
        #expect(result == .ok)
    }

    @Test func nowStepsPastAClockThatDoesNotMove() {
        let counters = TimeCounters()
        #expect(counters.nextNow(wallMicroseconds: 100) == 100)
        #expect(counters.nextNow(wallMicroseconds: 100) == 101)
        #expect(counters.nextNow(wallMicroseconds: 50) == 102)
        #expect(counters.nextNow(wallMicroseconds: 200) == 200)
    }

    /// A fresh node's sequence, recorded from erl (its shell runs on
    /// scheduler 1): `unique_integer()` twice, `[positive]` twice,
    /// `[monotonic]` twice, `[monotonic, positive]`, `[positive, monotonic,
    /// positive]`, `[]`.
    @Test func freshNodeGivesErlsSequence() async {
        let h = TimeHarness()
        let calls: [(Term?, Int)] = [
            (nil, -576_460_752_303_423_487), (nil, -576_460_752_303_423_471),
            (L(A("positive")), 34), (L(A("positive")), 50),
            (L(A("monotonic")), -576_460_752_303_423_488), (L(A("monotonic")), -576_460_752_303_423_487),
            (L(A("monotonic"), A("positive")), 3), (L(A("positive"), A("monotonic"), A("positive")), 4),
            (L(), -576_460_752_303_423_423),
        ]
        for (modifiers, expected) in calls {
            let got = await h.int("erlang", "unique_integer", modifiers.map { [$0] } ?? [])
            #expect(got == expected, "unique_integer(\(modifiers.map { TermWriter.write($0) } ?? ""))")
        }
    }

    @Test("unique integers are unique, positive when asked, increasing when monotonic",
          arguments: [[], ["positive"], ["monotonic"], ["positive", "monotonic"]])
    func uniqueIntegers(_ modifiers: [String]) async {
        let h = TimeHarness()
        let args: [Term] = [.list(modifiers.map { A($0) })]
        var seen = Set<Int>()
        var last = Int.min
        for _ in 0..<500 {
            let n = await h.int("erlang", "unique_integer", args)
            #expect(seen.insert(n).inserted, "\(n) came twice")
            if modifiers.contains("positive") { #expect(n > 0) }
            if modifiers.contains("monotonic") { #expect(n > last) }
            last = n
        }
    }

    @Test func uniqueIntegersFromManyProcessesDoNotCollide() async {
        let h = TimeHarness()
        let values = await withTaskGroup(of: [Int].self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var out: [Int] = []
                    for _ in 0..<100 { out.append(await h.int("erlang", "unique_integer", [L(A("positive"))])) }
                    return out
                }
            }
            var all: [Int] = []
            for await part in group { all += part }
            return all
        }
        #expect(values.count == 800 && Set(values).count == 800)
    }
}

extension Runtime {
    /// Runs `body` in a new process and gives its result (`error` on an exception).
    fileprivate func spawnAndCall(_ body: @escaping @Sendable (ErlangProcess) async throws -> Term) async -> Term {
        await withTSanAwareCheckedContinuation { continuation in
            spawn { process in
                do {
                    continuation.resume(returning: try await body(process))
                } catch {
                    continuation.resume(returning: .atom("error"))
                }
            }
        }
    }
}
