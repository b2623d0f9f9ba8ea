import ErlangRuntime
import ErlangStdlib
import ErlangTerms
import Testing

/// The functions whose results are random or depend on the machine:
/// `rand`, `erlang:display/1`, `os:getpid/0`, `os:getenv/0`, `module_info/0`
/// and the calendar clocks. Expected shapes are erl 25's.
@Suite struct UtilityTests {
    /// A runtime whose output the test reads.
    static func runtime() -> (Runtime, CapturedOutput) {
        let output = CapturedOutput()
        let runtime = Runtime(clock: ManualClock(), output: output)
        Stdlib.install(in: runtime)
        return (runtime, output)
    }

    @Test func uniformFloatsAreInTheUnitInterval() async throws {
        let result = await StdlibHarness.inProcess { p in
            var values: [Term] = []
            for _ in 0..<200 { values.append(try await p.apply(module: Atom("rand"), function: Atom("uniform"), [])) }
            return .list(values)
        }
        let values = try #require(try result.get().listElements)
        for value in values {
            guard case .float(let x) = value else { Issue.record("not a float: \(value)"); continue }
            #expect(x >= 0 && x < 1)
        }
        #expect(Set(values).count > 190)
    }

    @Test func uniformIntegersCoverTheirRange() async throws {
        let result = await StdlibHarness.inProcess { p in
            var values: [Term] = []
            for _ in 0..<300 { values.append(try await p.apply(module: Atom("rand"), function: Atom("uniform"), [.int(3)])) }
            return .list(values)
        }
        let values = try #require(try result.get().listElements)
        #expect(Set(values) == [.int(1), .int(2), .int(3)])
        #expect(await StdlibHarness.call("rand", "uniform", [.int(1)]) .value == .int(1))
    }

    @Test func badRangeIsErlsFunctionClause() async {
        let outcome = await StdlibHarness.call("rand", "uniform", [.int(0)])
        guard case .failure(let e) = outcome else { Issue.record("rand:uniform(0) returned"); return }
        #expect(e.reason == .atom(.functionClause))
        #expect(StdlibHarness.reducedFrame(e.stacktrace.first ?? .nil).tupleElements?[1] == .atom("uniform_s"))
    }

    @Test func seedMakesTheSequenceRepeatable() async throws {
        func run(_ seed: Term) async throws -> Term {
            try await StdlibHarness.inProcess { p in
                _ = try await p.apply(module: Atom("rand"), function: Atom("seed"), [.atom("exsss"), seed])
                var values: [Term] = []
                for _ in 0..<5 { values.append(try await p.apply(module: Atom("rand"), function: Atom("uniform"), [.int(1000)])) }
                return .list(values)
            }.get()
        }
        #expect(try await run(.int(42)) == run(.int(42)))
        #expect(try await run(.int(42)) != run(.tuple([.int(1), .int(2), .int(3)])))
        let bad = await StdlibHarness.call("rand", "seed", [.atom("nosuch"), .int(1)])
        guard case .failure(let e) = bad else { Issue.record("rand:seed(nosuch, 1) returned"); return }
        #expect(e.reason == .atom(.functionClause))
    }

    @Test(arguments: [
        (Term.string("abc"), "\"abc\"\r\n"),
        (Term.tuple([.atom("a"), .list([.int(1), .int(2)]), .binary(utf8: "x"), .float(1.5), .atom("A b"),
                     .map([(.atom("a"), .int(1))])]), "{a,[1,2],<<\"x\">>,1.500000e+00,'A b',#{a=>1}}\r\n"),
        (Term.list([.int(1)], tail: .atom("b")), "[1|b]\r\n"),
        (Term.float(-0.001), "-1.000000e-03\r\n"),
    ])
    func displayWritesErlsText(_ term: Term, _ expected: String) async {
        let (runtime, output) = Self.runtime()
        let result = await StdlibHarness.call("erlang", "display", [term], in: runtime)
        #expect(result.value == .true)
        #expect(output.take() == expected)
    }

    @Test func osProcessFacts() async throws {
        let pid = try #require(await StdlibHarness.call("os", "getpid", []).value)
        let digits = try #require(pid.listElements)
        #expect(!digits.isEmpty && digits.allSatisfy { if case .int(let c) = $0 { return (48...57).contains(c) }; return false })
        let environment = try #require(await StdlibHarness.call("os", "getenv", []).value?.listElements)
        #expect(environment.contains { CharCodes.text($0)?.hasPrefix("PATH=") == true })
        #expect(await StdlibHarness.call("os", "putenv", [.string("SWERL_TEST_VAR"), .string("1")]).value == .true)
        #expect(await StdlibHarness.call("os", "getenv", [.string("SWERL_TEST_VAR")]).value == .string("1"))
        #expect(await StdlibHarness.call("os", "unsetenv", [.string("SWERL_TEST_VAR")]).value == .true)
        #expect(await StdlibHarness.call("os", "getenv", [.string("SWERL_TEST_VAR")]).value == .false)
    }

    @Test func nativeModulesHaveModuleInfo() async throws {
        let info = try #require(await StdlibHarness.call("queue", "module_info", []).value?.listElements)
        #expect(info.compactMap { $0.tupleElements?.first } == [.atom("module"), .atom("exports"), .atom("attributes"), .atom("compile")])
        let exports = try #require(await StdlibHarness.call("queue", "module_info", [.atom("exports")]).value?.listElements)
        #expect(exports.contains(.tuple([.atom("in"), .int(2)])))
        #expect(exports.suffix(2) == [.tuple([.atom("module_info"), .int(0)]), .tuple([.atom("module_info"), .int(1)])])
    }

    @Test func calendarClocksGiveDateTimes() async throws {
        for function in ["local_time", "universal_time"] {
            let value = try #require(await StdlibHarness.call("calendar", function, []).value)
            guard case .tuple(let dt) = value, dt.count == 2, case .tuple(let date) = dt[0], case .tuple(let time) = dt[1],
                  date.count == 3, time.count == 3, case .int(let year) = date[0] else {
                Issue.record("calendar:\(function)() gave \(TermWriter.write(value))"); continue
            }
            #expect(year >= 2024)
            let valid = await StdlibHarness.call("calendar", "valid_date", [dt[0]])
            #expect(valid.value == .true)
        }
    }
}

extension Result where Success == Term {
    /// The returned term, or `nil` when the call raised.
    var value: Term? { try? get() }
}

/// Character-list helpers for the tests.
enum CharCodes {
    /// A flat list of character codes as text.
    static func text(_ term: Term) -> String? {
        guard let codes = term.listElements else { return nil }
        var out = String.UnicodeScalarView()
        for code in codes {
            guard case .int(let c) = code, let scalar = Unicode.Scalar(UInt32(clamping: c)) else { return nil }
            out.append(scalar)
        }
        return String(out)
    }
}
