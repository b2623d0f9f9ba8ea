import ErlangRuntime
import ErlangStdlib
import ErlangTerms
import Testing

/// The stdlib's modules are sticky, as erl's kernel and stdlib are: they
/// cannot be replaced, which lets compiled code bind calls to their
/// functions once. Expected values are erl 25's.
@Suite struct StickyModuleTests {
    /// A fresh runtime with the stdlib and `codePath`, and its output.
    static func stdlib(codePath: String) -> (ModuleHarness, CapturedOutput) {
        let output = CapturedOutput()
        let runtime = Runtime(clock: ManualClock(), output: output)
        Stdlib.install(in: runtime, codePath: [codePath])
        return (ModuleHarness(runtime: runtime), output)
    }

    /// erl 25: `c(lists)` with a `lists.erl` at hand, `l(lists)` and
    /// `code:load_file(lists)` each log the refusal and return
    /// `{error,sticky_directory}`; `lists` keeps working.
    @Test func stdlibModulesCannotBeReplaced() async throws {
        let dir = try #require(CodePathTests.directory([
            "lists.erl": "-module(lists).\n-export([seq/2]).\nseq(A, B) -> {A, B}.\n",
        ]))
        defer { CodePathTests.remove(dir) }
        let (harness, output) = Self.stdlib(codePath: dir)
        let refusal = "Can't load module 'lists' that resides in sticky dir\n\n"
        #expect(await harness.call("c", "c", [.string(dir + "/lists")]).text == "{error,sticky_directory}")
        #expect(output.take().hasSuffix(refusal))
        #expect(await harness.call("c", "l", [.atom("lists")]).text == "{error,sticky_directory}")
        #expect(output.take().hasSuffix(refusal))
        #expect(await harness.call("code", "load_file", [.atom("lists")]).text == "{error,sticky_directory}")
        #expect(output.take().hasSuffix(refusal))
        #expect(await harness.call("lists", "seq", [.int(1), .int(3)]).text == "[1,2,3]")
        #expect(await harness.call("code", "is_sticky", [.atom("lists")]).text == "true")
        #expect(await harness.call("code", "is_sticky", [.atom("nosuch")]).text == "false")
        #expect(await harness.call("code", "delete", [.atom("lists")]).text == "false")
    }

    /// The table itself keeps a sticky module: loading over it or
    /// unloading it changes nothing, while other modules come and go.
    @Test func theTableKeepsStickyModules() {
        let table = ModuleTable()
        let original = NativeModule("m", functions: [NativeFunction("f", 0) { _, _ in .int(1) }])
        let other = NativeModule("m", functions: [NativeFunction("f", 0) { _, _ in .int(2) }])
        #expect(table.load(original, stickiness: .sticky))
        #expect(!table.load(other))
        table.unload(Atom("m"))
        #expect(table.isSticky(Atom("m")))
        guard case .native(let function)? = table.stickyFunction(Atom("m"), FunctionKey(Atom("f"), 0)),
              function.syncBody != nil else {
            Issue.record("a sync function of a sticky module is bound as sync")
            return
        }
        #expect(table.load(NativeModule("n", functions: [])))
        #expect(table.stickyFunction(Atom("n"), FunctionKey(Atom("f"), 0)) == nil)
        table.unload(Atom("n"))
        #expect(table.loaded(Atom("n")) == nil)
    }

    /// Calls bound when they compile behave as calls looked up when they
    /// run: a module's own function shadows the auto-imported BIF of its
    /// name, an `-import` wins over a BIF, and a BIF's error has the same
    /// reason and stacktrace.
    @Test(arguments: [true, false]) func boundCallsKeepCallSemantics(binding: Bool) async {
        let harness = ModuleHarness()
        harness.compile("""
            -module(own).
            -export([f/0, g/1, h/0, i/1]).
            -import(helper, [element/2]).
            f() -> max(1, 2).
            max(_, _) -> mine.
            g(T) -> element(1, T).
            h() -> erlang:element(3, {a}).
            i(T) -> {tuple_size(T), self() =:= erlang:self(), gen_server:cast(nobody, x)}.
            """, file: "own.erl", binding: binding)
        harness.compile("-module(helper).\n-export([element/2]).\nelement(_, _) -> imported.\n", file: "helper.erl")
        #expect(await harness.call("own", "f").text == "mine")
        #expect(await harness.call("own", "g", [.tuple([.atom("x")])]).text == "imported")
        #expect(await harness.call("own", "i", [.tuple([.atom("x")])]).text == "{1,true,ok}")
        let raised = await harness.call("own", "h")
        #expect(raised.text == "raised error:badarg")
        #expect(raised.stacktraceText == "[{erlang,element,[3,{a}],[{error_info,#{module => erl_erts_errors}}]},{own,h,0,[{file,[111,119,110,46,101,114,108]},{line,7}]}]")
    }

    /// A bound BIF call counts a reduction: a loop of them that cannot
    /// suspend still stops for `exit(P, kill)` once its slice is spent,
    /// instead of running to its end.
    @Test func boundCallsNoticeAKillInCodeThatCannotSuspend() async {
        let harness = ModuleHarness()
        harness.compile("""
            -module(busy).
            -export([run/0]).
            run() -> [erlang:phash2(X) || X <- lists:seq(1, 5000)], finished.
            """, file: "busy.erl")
        let outcome = await harness.inProcess { process in
            // Killed by another process before the loop starts: the kill
            // waits for the loop's first check.
            process.runtime.sendExitSignal(from: Pid(serial: 1), to: process.pid, reason: .atom("kill"))
            do {
                return try await process.apply(module: Atom("busy"), function: Atom("run"), [])
            } catch let exit as ProcessExit {
                return .tuple([.atom("exited"), exit.reason])
            }
        }
        #expect(outcome.text == "{exited,killed}")
    }

    /// erl 25 loads `math` (like `timer`, `sys`, `dict`) only when it is
    /// first called: `c(math)` of a learner's own math.erl replaces it
    /// before that, and is refused after.
    @Test func modulesErlLoadsOnFirstUseStayReplaceableUntilCalled() async throws {
        let dir = try #require(CodePathTests.directory([
            "math.erl": "-module(math).\n-export([add/2]).\nadd(A, B) -> A + B.\n",
        ]))
        defer { CodePathTests.remove(dir) }
        let (harness, _) = Self.stdlib(codePath: dir)
        #expect(await harness.call("code", "is_sticky", [.atom("math")]).text == "false")
        #expect(await harness.call("c", "c", [.string(dir + "/math")]).text == "{ok,math}")
        #expect(await harness.call("math", "add", [.int(1), .int(2)]).text == "3")

        let (fresh, _) = Self.stdlib(codePath: dir)
        #expect(await fresh.call("math", "sqrt", [.int(4)]).text == "2.0")
        #expect(await fresh.call("code", "is_sticky", [.atom("math")]).text == "true")
        #expect(await fresh.call("c", "c", [.string(dir + "/math")]).text == "{error,sticky_directory}")
    }

    /// erl 25: `code:is_sticky(1)` has no clause, at code.erl line 348.
    @Test func isStickyWantsAnAtom() async {
        let raised = await ModuleHarness().call("code", "is_sticky", [.int(1)])
        #expect(raised.text == "raised error:function_clause")
        #expect(raised.stacktraceText.hasPrefix("[{code,is_sticky,[1],[{file,"))
    }

    /// erl 25: `node/1` is a guard BIF, and a stacktrace given to
    /// erlang:raise/3 is kept as given by the functions it passes.
    @Test func guardNodeAndRaisedStacktraces() async {
        let harness = ModuleHarness()
        harness.compile("""
            -module(g).
            -export([local/1, raised/0]).
            local(P) when node(P) =:= node() -> yes;
            local(_) -> no.
            raised() -> erlang:raise(error, foo, []).
            """, file: "g.erl")
        #expect(await harness.inProcess { try await $0.apply(module: Atom("g"), function: Atom("local"), [.pid($0.pid)]) }.text == "yes")
        #expect(await harness.call("g", "local", [.atom("x")]).text == "no")
        let raised = await harness.call("g", "raised")
        #expect(raised.text == "raised error:foo")
        #expect(raised.stacktraceText == "[]")
    }
}
