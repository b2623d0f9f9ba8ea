#if canImport(Glibc)
import Glibc
#endif
import ErlangRuntime
import Foundation
import ErlangStdlib
import ErlangTerms
import Testing

/// The code server: modules load from `Name.erl` on the code path at
/// their first call, `code` reports what is loaded, `c/1` compiles and
/// replaces. Expected values are erl 25's for the same steps.
@Suite struct CodePathTests {
    /// A fresh directory holding `files` (name to contents).
    static func directory(_ files: [String: String]) -> String? {
        var template = Array("/tmp/swerl-code-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { return nil }
        let dir = String(cString: made)
        for (name, text) in files {
            guard let handle = fopen(dir + "/" + name, "w") else { return nil }
            fputs(text, handle)
            fclose(handle)
        }
        return dir
    }

    /// A harness over a runtime with the stdlib, an empty code path and
    /// output captured.
    static func capturingHarness() -> (ModuleHarness, CapturedOutput) {
        let output = CapturedOutput()
        let runtime = Runtime(clock: ManualClock(), output: output)
        Stdlib.install(in: runtime, codePath: [])
        return (ModuleHarness(runtime: runtime), output)
    }

    /// Removes a directory `directory(_:)` made, with what is in it.
    static func remove(_ dir: String) {
        try? FileManager.default.removeItem(atPath: dir)
    }

    @Test func loadsFromThePathOnFirstCall() async throws {
        let dir = try #require(Self.directory(["hello.erl": "-module(hello).\n-export([hi/1]).\nhi(N) -> {hi, N}.\n"]))
        defer { Self.remove(dir) }
        let harness = ModuleHarness()
        #expect(await harness.call("code", "is_loaded", [.atom("hello")]).text == "false")
        #expect(await harness.call("hello", "hi", [.int(1)]).text == "raised error:undef")
        #expect(await harness.call("code", "add_patha", [.string(dir)]).text == "true")
        #expect(await harness.call("code", "add_pathz", [.string(dir + "/missing")]).text == "{error,bad_directory}")
        #expect(await harness.call("hello", "hi", [.int(1)]).text == "{hi,1}")
        let which = await harness.call("code", "which", [.atom("hello")])
        #expect(which.text == TermWriter.write(.string(dir + "/hello.beam")))
        #expect(await harness.call("code", "delete", [.atom("hello")]).text == "true")
        #expect(await harness.call("code", "is_loaded", [.atom("hello")]).text == "false")
        #expect(await harness.call("code", "ensure_loaded", [.atom("hello")]).text == "{module,hello}")
        #expect(await harness.call("code", "ensure_loaded", [.atom("nope")]).text == "{error,nofile}")
        #expect(await harness.call("code", "which", [.atom("nope")]).text == "non_existing")
    }

    @Test func compileCommandReportsAndLoads() async throws {
        let dir = try #require(Self.directory([
            "good.erl": "-module(good).\n-export([f/0]).\nf() -> 1.\ng() -> 2.\n",
            "bad.erl": "-module(bad).\n-export([f/0]).\nf() -> X.\n",
        ]))
        defer { Self.remove(dir) }
        let (harness, output) = Self.capturingHarness()
        #expect(await harness.call("c", "c", [.string(dir + "/good")]).text == "{ok,good}")
        #expect(output.take() == "\(dir)/good.erl:4:1: Warning: function g/0 is unused\n%    4| g() -> 2.\n%     | ^\n\n")
        #expect(await harness.call("good", "f").text == "1")
        #expect(await harness.call("c", "c", [.string(dir + "/bad.erl")]).text == "error")
        #expect(output.take() == "\(dir)/bad.erl:3:8: variable 'X' is unbound\n%    3| f() -> X.\n%     |        ^\n\n")
        #expect(await harness.call("c", "c", [.atom("missing_module")]).text == "{error,non_existing}")
        #expect(output.take() == "")
    }

    /// erl 25: `c("nosuch.erl")` and `c("nosuch")` print the missing file and return
    /// `error`; `c(nosuch)` and `c(nosuch, [])` return `{error,non_existing}` silently.
    @Test func compilingAMissingFileNamesIt() async {
        let (harness, output) = Self.capturingHarness()
        #expect(await harness.call("c", "c", [.string("nosuch.erl")]).text == "error")
        #expect(output.take() == "nosuch.erl: no such file or directory\n")
        #expect(await harness.call("c", "c", [.string("dir/nosuch")]).text == "error")
        #expect(output.take() == "dir/nosuch.erl: no such file or directory\n")
        #expect(await harness.call("c", "c", [.atom("nosuch"), .nil]).text == "{error,non_existing}")
        #expect(output.take() == "")
    }

    /// erl 25: `c(lists)` and `c(timer)` with no source at hand give
    /// `{error,no_source}` (the stdlib has beams, not sources), `c(erlang)`
    /// `{error,preloaded}`.
    @Test func compilingAStdlibModuleWithoutItsSourceSaysWhy() async {
        let harness = ModuleHarness()
        #expect(await harness.call("c", "c", [.atom("lists")]).text == "{error,no_source}")
        #expect(await harness.call("c", "c", [.atom("timer")]).text == "{error,no_source}")
        #expect(await harness.call("c", "c", [.atom("erlang")]).text == "{error,preloaded}")
        #expect(await harness.call("c", "c", [.atom("nosuch")]).text == "{error,non_existing}")
    }

    /// erl 25: `compile:file/1` reports and returns `{ok, M}` or `error` without
    /// loading; `compile:file(F, [])` reports nothing.
    @Test func compileFileCompilesWithoutLoading() async throws {
        let dir = try #require(Self.directory([
            "good.erl": "-module(good).\n-export([f/0]).\nf() -> 1.\ng() -> 2.\n",
            "bad.erl": "-module(bad).\n-export([f/0]).\nf() -> X.\n",
        ]))
        defer { Self.remove(dir) }
        let (harness, output) = Self.capturingHarness()
        #expect(await harness.call("compile", "file", [.string(dir + "/good")]).text == "{ok,good}")
        #expect(output.take() == "\(dir)/good.erl:4:1: Warning: function g/0 is unused\n%    4| g() -> 2.\n%     | ^\n\n")
        #expect(await harness.call("code", "is_loaded", [.atom("good")]).text == "false")
        #expect(await harness.call("compile", "file", [.string(dir + "/good"), .nil]).text == "{ok,good}")
        #expect(output.take() == "")
        #expect(await harness.call("compile", "file", [.string(dir + "/bad.erl")]).text == "error")
        #expect(output.take() == "\(dir)/bad.erl:3:8: variable 'X' is unbound\n%    3| f() -> X.\n%     |        ^\n\n")
        #expect(await harness.call("compile", "file", [.atom("nosuch")]).text == "error")
        #expect(output.take() == "nosuch.erl: no such file or directory\n")
    }
}
