import ErlangRuntime
import ErlangStdlib
import ErlangTerms
import Testing

/// `c/2`'s options (`CompileOptions`): macros, `export_all`, `nowarn_*`,
/// `warnings_as_errors` and `binary`. Outputs and values are erl 25's for
/// the same file and calls.
@Suite struct CompileOptionsTests {
    static let source = """
    -module(warny).
    -export([f/1]).
    -ifdef(DEBUG).
    dbg() -> debug_on.
    -else.
    dbg() -> debug_off.
    -endif.
    f(X) -> Y = 1, {X, dbg(), ?LEVEL}.
    g() -> hidden.

    """

    /// The report of the unused `Y` and `g/0` (`prefix`: `Warning: ` or, as errors, none).
    static func unusedY(_ dir: String, _ prefix: String = "Warning: ") -> String {
        "\(dir)/warny.erl:8:9: \(prefix)variable 'Y' is unused\n%    8| f(X) -> Y = 1, {X, dbg(), ?LEVEL}.\n%     |         ^\n\n"
    }

    static func unusedG(_ dir: String, _ prefix: String = "Warning: ") -> String {
        "\(dir)/warny.erl:9:1: \(prefix)function g/0 is unused\n%    9| g() -> hidden.\n%     | ^\n\n"
    }

    static func level(_ n: Int) -> Term { .tuple([.atom("d"), .atom("LEVEL"), .int(n)]) }

    @Test func optionsChangeWhatIsCompiledAndReported() async throws {
        let dir = try #require(CodePathTests.directory(["warny.erl": Self.source]))
        defer { CodePathTests.remove(dir) }
        let (harness, output) = CodePathTests.capturingHarness()
        let file = Term.string(dir + "/warny")

        #expect(await harness.call("c", "c", [file, .list([Self.level(3)])]).text == "{ok,warny}")
        #expect(output.take() == Self.unusedY(dir) + Self.unusedG(dir))
        #expect(await harness.call("warny", "f", [.int(1)]).text == "{1,debug_off,3}")

        let debug = Term.tuple([.atom("d"), .atom("DEBUG")])
        #expect(await harness.call("c", "c", [file, .list([Self.level(4), debug, .atom("nowarn_unused_vars")])]).text
            == "{ok,warny}")
        #expect(output.take() == Self.unusedG(dir))
        #expect(await harness.call("warny", "f", [.int(1)]).text == "{1,debug_on,4}")

        // export_all as an option: g/0 is exported, and no export_all warning.
        #expect(await harness.call("c", "c", [file, .list([.atom("export_all"), Self.level(5)])]).text == "{ok,warny}")
        #expect(output.take() == Self.unusedY(dir))
        #expect(await harness.call("warny", "g").text == "hidden")

        #expect(await harness.call("c", "c", [file, .list([.atom("warnings_as_errors"), Self.level(6)])]).text
            == "error")
        #expect(output.take() == "compile: warnings being treated as errors\n" + Self.unusedY(dir, "") + Self.unusedG(dir, ""))

        // binary: compiled and reported, not loaded.
        #expect(await harness.call("c", "c", [file, .list([.atom("binary"), Self.level(7)])]).text == "ok")
        #expect(output.take() == Self.unusedY(dir) + Self.unusedG(dir)
            + "** Warning: No object file created - nothing loaded **\n")
        #expect(await harness.call("warny", "f", [.int(0)]).text == "{0,debug_off,5}")

        // A lone option is a list of one; unknown options change nothing.
        #expect(await harness.call("c", "c", [file, Self.level(8)]).text == "{ok,warny}")
        _ = output.take()
        #expect(await harness.call("c", "c", [file, .list([.atom("debug_info"), .atom("report"), Self.level(9),
                                                             .atom("nowarn_unused_function")])]).text == "{ok,warny}")
        #expect(output.take() == Self.unusedY(dir))
        #expect(await harness.call("warny", "f", [.int(0)]).text == "{0,debug_off,9}")
    }

    @Test func compileAttributesAddTheirOptions() async throws {
        let dir = try #require(CodePathTests.directory([
            "attr.erl": "-module(attr).\n-compile([nowarn_unused_function, export_all]).\n-compile(nowarn_export_all).\n"
                + "-export([f/1]).\nf(X) -> Y = 1, X.\ng() -> hidden.\n",
            "attr2.erl": "-module(attr2).\n-compile(warnings_as_errors).\n-export([f/1]).\nf(X) -> Y = 1, X.\n",
        ]))
        defer { CodePathTests.remove(dir) }
        let (harness, output) = CodePathTests.capturingHarness()
        #expect(await harness.call("c", "c", [.string(dir + "/attr")]).text == "{ok,attr}")
        #expect(output.take() == "\(dir)/attr.erl:5:9: Warning: variable 'Y' is unused\n%    5| f(X) -> Y = 1, X.\n%     |         ^\n\n")
        #expect(await harness.call("attr", "g").text == "hidden")
        #expect(await harness.call("c", "c", [.string(dir + "/attr2")]).text == "error")
        #expect(output.take() == "compile: warnings being treated as errors\n"
            + "\(dir)/attr2.erl:4:9: variable 'Y' is unused\n%    4| f(X) -> Y = 1, X.\n%     |         ^\n\n")
        #expect(await harness.call("c", "c", [.string(dir + "/attr2"), .list([.atom("nowarn_unused_vars")])]).text
            == "{ok,attr2}")
        #expect(output.take() == "")
    }
}
