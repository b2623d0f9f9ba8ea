import ErlangEval
import ErlangRuntime
import ErlangTerms
import Testing

/// A call to an idle gen_server whose callbacks cannot wait runs the server
/// on the caller's task (`ErlangProcess.runBorrowed`); one whose callbacks
/// may wait gets a task of its own, so the caller's timeout still works.
/// `WaitAnalysis` tells the two apart from the module's source.
@Suite struct BorrowedCallTests {
    static let kinds = """
    -module(kinds).
    -compile(export_all).
    quick(X) -> {ok, X + 1}.
    sleeps() -> timer:sleep(10).
    receives() -> receive X -> X end.
    calls_quick() -> quick(1).
    calls_sleeper() -> sleeps().
    indirect() -> calls_sleeper().
    fun_written(L) -> lists:map(fun(X) -> X * 2 end, L).
    fun_given(F, L) -> lists:map(F, L).
    fun_named(L) -> lists:map(fun quick/1, L).
    fun_named_napper(L) -> lists:foreach(fun napper/1, L).
    napper(_) -> timer:sleep(1).
    fun_called(F) -> F().
    calls_server(S) -> gen_server:call(S, x).
    casts(S) -> gen_server:cast(S, x), io:format("~p~n", [S]), S ! done.
    maps_update(M) -> maps:update(a, 1, M).
    dict_update(D, F) -> dict:update(a, F, D).
    sorted(L) -> lists:sort(L).
    sorted_by(F, L) -> lists:sort(F, L).
    self_remote() -> ?MODULE:sleeps().
    other_module() -> other:f().
    applies(M) -> apply(M, f, []).
    waits_in_fun() -> fun() -> receive _ -> ok end end.
    """

    static let verdicts: [(String, Int, Bool)] = [
        ("quick", 1, false), ("sleeps", 0, true), ("receives", 0, true), ("calls_quick", 0, false),
        ("calls_sleeper", 0, true), ("indirect", 0, true), ("fun_written", 1, false), ("fun_given", 2, true),
        ("fun_named", 1, false), ("fun_named_napper", 1, true), ("fun_called", 1, true), ("calls_server", 1, true),
        ("casts", 1, false), ("maps_update", 1, false), ("dict_update", 2, true), ("sorted", 1, false),
        ("sorted_by", 2, true), ("self_remote", 0, true), ("other_module", 0, true), ("applies", 1, true),
        ("waits_in_fun", 0, true), ("not_defined", 3, false),
    ]

    @Test(arguments: verdicts)
    func waitAnalysis(_ function: String, _ arity: Int, _ mayWait: Bool) throws {
        let harness = ModuleHarness()
        let module = try #require(harness.compile(Self.kinds, file: "kinds.erl").module)
        #expect(module.mayWait(FunctionKey(Atom(function), arity)) == mayWait)
    }

    /// A server whose calls cannot wait; `crash` raises inside the call.
    static let quickServer = """
    -module(quick_srv).
    -behaviour(gen_server).
    -export([init/1, handle_call/3, handle_cast/2]).
    init(N) -> {ok, N}.
    handle_call(get, _From, N) -> {reply, N, N};
    handle_call({add, K}, _From, N) -> {reply, ok, N + K};
    handle_call(crash, _From, _N) -> error(boom).
    handle_cast(_, N) -> {noreply, N}.
    """

    /// A server whose calls cannot wait but may end without a reply: `hold`
    /// keeps the caller for a later cast to answer; `quit` stops the server.
    static let deferringServer = """
    -module(defer_srv).
    -behaviour(gen_server).
    -export([init/1, handle_call/3, handle_cast/2]).
    init(_) -> {ok, none}.
    handle_call(hold, From, _) -> {noreply, From};
    handle_call(quit, _From, S) -> {stop, {shutdown, quit}, S}.
    handle_cast({answer, X}, From) -> gen_server:reply(From, X), {noreply, none}.
    """

    /// A server whose `dup` call replies twice.
    static let doubleReplyServer = """
    -module(dup_srv).
    -behaviour(gen_server).
    -export([init/1, handle_call/3, handle_cast/2]).
    init(_) -> {ok, none}.
    handle_call(dup, From, S) -> gen_server:reply(From, one), {reply, two, S}.
    handle_cast(_, S) -> {noreply, S}.
    """

    /// A server whose calls may wait (`nap` sleeps).
    static let nappingServer = """
    -module(nap_srv).
    -behaviour(gen_server).
    -export([init/1, handle_call/3, handle_cast/2]).
    init(Nap) -> timer:sleep(Nap), {ok, 0}.
    handle_call(nap, _From, N) -> timer:sleep(1000), {reply, woke, N}.
    handle_cast(_, N) -> {noreply, N}.
    """

    func start(_ h: ModuleHarness, _ module: String, _ arg: Term, options: Term = .nil) async throws -> ErlangProcess {
        let started = try await h.call("gen_server", "start", [.atom(Atom(module)), arg, options]).get()
        guard case .tuple(let e) = started, case .pid(let pid) = e[1], let server = h.runtime.process(pid) else {
            throw ErlangException.error(started)
        }
        return server
    }

    @Test func aQuickCallLeavesTheServerWithoutATask() async throws {
        let h = ModuleHarness()
        h.compile(Self.quickServer, file: "quick_srv.erl")
        let server = try await start(h, "quick_srv", .int(1))
        for step in 1...3 {
            #expect(await h.call("gen_server", "call", [.pid(server.pid), .tuple([.atom("add"), .int(step)])]).text == "ok")
            await h.settle()
            // Without borrowing, the server would keep the task its first message woke.
            #expect(server.isWaitingWithoutTask)
        }
        #expect(await h.call("gen_server", "call", [.pid(server.pid), .atom("get")]).text == "7")
        #expect(await h.call("sys", "get_state", [.pid(server.pid)]).text == "7")
    }

    @Test func aCrashInABorrowedCallEndsTheServerOnce() async throws {
        let h = ModuleHarness()
        h.compile(Self.quickServer, file: "quick_srv.erl")
        let server = try await start(h, "quick_srv", .int(1))
        let answer = await h.call("gen_server", "call", [.pid(server.pid), .atom("crash")])
        #expect(answer.text.hasPrefix("raised exit:{{boom,[{quick_srv,handle_call,3,"), "\(answer.text)")
        #expect(await server.waitForExit().tupleElements?.first == .atom("boom"))
        await h.settle()
        let output = (h.runtime.output as? CapturedOutput)?.text ?? ""
        #expect(output.components(separatedBy: "=ERROR REPORT====").count == 2, "\(output)")
        #expect(output.components(separatedBy: "=CRASH REPORT====").count == 2, "\(output)")
    }

    /// A borrowed call takes its reply without a monitor; one whose
    /// borrowed run ends without a reply monitors the server from then on,
    /// and gets the reply given later through the mailbox.
    @Test func aReplyGivenAfterTheBorrowedRunStillArrives() async throws {
        let h = ModuleHarness()
        h.compile(Self.deferringServer, file: "defer_srv.erl")
        let server = try await start(h, "defer_srv", .nil)
        async let answer = h.call("gen_server", "call", [.pid(server.pid), .atom("hold")])
        // The caller monitors the server once the borrowed run is over.
        while server.monitoringPids.isEmpty { await Task.yield() }
        #expect(server.isWaitingWithoutTask)
        let cast = await h.call("gen_server", "cast", [.pid(server.pid), .tuple([.atom("answer"), .atom("later")])])
        #expect(cast.text == "ok")
        #expect(await answer.text == "later")
        await h.settle()
        #expect(server.monitoringPids.isEmpty)
    }

    /// A server that stops in a borrowed call without replying: the caller
    /// exits with the reason the server stopped with, as it would had it
    /// monitored the server all along (not `noproc`).
    @Test func aServerStoppingInABorrowedCallGivesItsReason() async throws {
        let h = ModuleHarness()
        h.compile(Self.deferringServer, file: "defer_srv.erl")
        let server = try await start(h, "defer_srv", .nil)
        let answer = await h.call("gen_server", "call", [.pid(server.pid), .atom("quit")])
        #expect(answer.text == "raised exit:{{shutdown,quit},{gen_server,call,[\(TermWriter.write(.pid(server.pid))),quit]}}")
    }

    /// A server that answers one call twice: the caller gets the first
    /// reply, and the second stays in its mailbox as `{[alias | Ref],
    /// Reply}`, as in erl, where it arrives before the caller demonitors.
    @Test func aSecondReplyToABorrowedCallStaysInTheMailbox() async throws {
        let h = ModuleHarness()
        h.compile(Self.doubleReplyServer, file: "dup_srv.erl")
        let server = try await start(h, "dup_srv", .nil)
        let seen = await h.inProcess { process -> Term in
            let reply = try await process.apply(module: Atom("gen_server"), function: Atom("call"),
                                                [.pid(server.pid), .atom("dup")])
            return .tuple([reply, .list(process.queuedMessages)])
        }
        guard case .tuple(let e)? = try? seen.get(), e.count == 2, let stray = e[1].listElements, stray.count == 1,
              case .tuple(let message) = stray[0], message.count == 2, case .cons(let tag) = message[0] else {
            Issue.record("unexpected: \(seen.text)")
            return
        }
        #expect(e[0] == .atom("one"))
        #expect(tag.head == .atom("alias"))
        #expect(message[1] == .atom("two"))
    }

    @Test func aCallThatMayWaitStillTimesOut() async throws {
        let h = ModuleHarness()
        let clock = try #require(h.runtime.clock as? ManualClock)
        h.compile(Self.nappingServer, file: "nap_srv.erl")
        let server = try await start(h, "nap_srv", .int(0))
        async let answer = h.call("gen_server", "call", [.pid(server.pid), .atom("nap"), .int(100)])
        while clock.pendingCount < 2 { await Task.yield() }   // the caller's timeout and the server's nap
        clock.advance(by: 100)
        // Were the server borrowed, the caller would wait for the nap.
        #expect(await answer.text == "raised exit:{timeout,{gen_server,call,[\(TermWriter.write(.pid(server.pid))),nap,100]}}")
        clock.advance(by: 900)
    }

    @Test func aStartTimeoutStillStopsAnInitThatWaits() async throws {
        let h = ModuleHarness()
        let clock = try #require(h.runtime.clock as? ManualClock)
        h.compile(Self.nappingServer, file: "nap_srv.erl")
        async let answer = h.call("gen_server", "start", [.atom("nap_srv"), .int(1000),
                                                         .list([.tuple([.atom("timeout"), .int(100)])])])
        while clock.pendingCount < 2 { await Task.yield() }   // the starter's timeout and init's nap
        clock.advance(by: 100)
        #expect(await answer.text == "{error,timeout}")
    }
}
