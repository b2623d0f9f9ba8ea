@testable import ErlangEval
import ErlangRuntime
import ErlangTerms
import Testing

/// An interpreted receive loop started with `spawn(M, F, Args)` idles
/// without a task, and `Pid ! Msg` followed at once by a `receive` runs its
/// next turn on the sender's task (`ModuleFunction+ReceiveLoop`). These
/// tests check that the answers, the order of messages, exit signals and
/// the code after a loop that is not the whole process are what they are
/// without that shortcut.
@Suite struct ReceiveLoopTests {
    static let source = """
    -module(loops).
    -compile(export_all).
    echo() -> receive {From, Msg} -> From ! Msg, echo(); stop -> stopped end.
    ask(P, Msg) -> P ! {self(), Msg}, receive Answer -> Answer end.
    tell(P, Msg) -> P ! {self(), Msg}, told.
    napper() -> receive {From, Msg} -> timer:sleep(1), From ! Msg, napper() end.
    picky() -> receive {only, From, Msg} -> From ! Msg, picky() end.
    poke(P, Msg) -> P ! Msg, receive after 0 -> poked end.
    ask_picky(P, Msg) -> P ! {only, self(), Msg}, receive Answer -> Answer end.
    outer(Parent) -> R = echo(), Parent ! {outer_done, R}.
    counter(N) -> receive {From, get} -> From ! N, counter(N); {_, inc} -> next(N) end.
    next(N) -> io:format("~p~n", [N + 1]), counter(N + 1).
    timed() -> receive {From, Msg} -> From ! Msg, timed() after 1000 -> timed() end.
    deep(Parent) -> receive {From, Msg} -> From ! Msg, helper(), deep(Parent) end.
    trapper() -> process_flag(trap_exit, true), echo().
    linked_crash(P) -> link(P), exit(boom).
    helper() -> receive only_for_helper -> ok end.
    ask_by_fun(P, Msg) -> F = fun() -> P ! {self(), Msg}, receive A -> {by_fun, A} end end, F().
    send_to_nothing() -> F = fun() -> nowhere ! hi, receive A -> A end end, F().
    later() -> Self = self(), Self ! junk, spawn(fun() -> Self ! later end),
               F = fun() -> receive later -> got_later end end, {F(), receive junk -> junk_kept end}.
    hop(N) -> hop2(N).
    hop2(N) -> 10 div N.
    """

    func harness() -> ModuleHarness {
        let h = ModuleHarness()
        let outcome = h.compile(Self.source, file: "loops.erl")
        precondition(outcome.module != nil, "loops.erl did not compile")
        return h
    }

    func spawn(_ h: ModuleHarness, _ function: String, _ args: [Term] = []) async throws -> ErlangProcess {
        let spawned = try await h.call("erlang", "spawn", [.atom("loops"), .atom(Atom(function)), .list(args)]).get()
        guard case .pid(let pid) = spawned, let process = h.runtime.process(pid) else { throw ErlangException.error(spawned) }
        await h.settle()
        return process
    }

    @Test func anEchoLoopAnswersOnTheAskersTaskAndStaysWithoutATask() async throws {
        let h = harness()
        let echo = try await spawn(h, "echo")
        #expect(echo.isWaitingWithoutTask)
        for n in 1...5 {
            #expect(await h.call("loops", "ask", [.pid(echo.pid), .int(n)]).text == "\(n)")
            await h.settle()
            #expect(echo.isWaitingWithoutTask)
        }
    }

    @Test func plainSendsWakeTheLoopInATaskThatItKeeps() async throws {
        let h = harness()
        let counter = try await spawn(h, "counter", [.int(0)])
        #expect(counter.isWaitingWithoutTask)
        for _ in 1...3 { #expect(await h.call("loops", "tell", [.pid(counter.pid), .atom("inc")]).text == "told") }
        await h.settle()
        #expect(!counter.isWaitingWithoutTask)
        #expect(await h.call("loops", "ask", [.pid(counter.pid), .atom("get")]).text == "3")
        let output = (h.runtime.output as? CapturedOutput)?.text ?? ""
        #expect(output == "1\n2\n3\n")
    }

    @Test func aMessageTheLoopDoesNotMatchStaysQueuedInOrder() async throws {
        let h = harness()
        let picky = try await spawn(h, "picky")
        #expect(await h.call("loops", "poke", [.pid(picky.pid), .atom("junk1")]).text == "poked")
        #expect(await h.call("loops", "ask_picky", [.pid(picky.pid), .atom("hello")]).text == "hello")
        #expect(await h.call("loops", "poke", [.pid(picky.pid), .atom("junk2")]).text == "poked")
        await h.settle()
        #expect(picky.queuedMessages == [.atom("junk1"), .atom("junk2")])
        #expect(await h.call("loops", "ask_picky", [.pid(picky.pid), .atom("again")]).text == "again")
    }

    @Test func anIdleLoopDiesOfAnExitSignal() async throws {
        let h = harness()
        let echo = try await spawn(h, "echo")
        #expect(echo.isWaitingWithoutTask)
        _ = await h.call("erlang", "exit", [.pid(echo.pid), .atom("kill")])
        #expect(await echo.waitForExit() == .atom("killed"))
    }

    @Test func anIdleLoopDiesWithALinkedProcess() async throws {
        let h = harness()
        let echo = try await spawn(h, "echo")
        #expect(echo.isWaitingWithoutTask)
        _ = await h.call("erlang", "spawn", [.atom("loops"), .atom("linked_crash"), .list([.pid(echo.pid)])])
        #expect(await echo.waitForExit() == .atom("boom"))
    }

    @Test func anIdleLoopTrappingExitsGetsTheExitMessage() async throws {
        let h = harness()
        let trapper = try await spawn(h, "trapper")
        #expect(trapper.isWaitingWithoutTask)
        _ = await h.call("erlang", "spawn", [.atom("loops"), .atom("linked_crash"), .list([.pid(trapper.pid)])])
        await h.settle()
        // The loop has no clause for {'EXIT', Pid, boom}: it stays queued, and the loop answers on.
        #expect(trapper.queuedMessages.first?.tupleElements?.first == .atom("EXIT"))
        #expect(await h.call("loops", "ask", [.pid(trapper.pid), .atom("still_here")]).text == "still_here")
        #expect(trapper.isAlive)
    }

    @Test func theLoopEndsNormallyWhenAClauseReturns() async throws {
        let h = harness()
        let echo = try await spawn(h, "echo")
        #expect(await h.call("loops", "ask", [.pid(echo.pid), .atom("x")]).text == "x")
        _ = await h.call("erlang", "send", [.pid(echo.pid), .atom("stop")])
        #expect(await echo.waitForExit() == .atom("normal"))
    }

    @Test func aLoopThatIsNotTheWholeProcessReturnsToItsCaller() async throws {
        let h = harness()
        let answer = await h.inProcess { me in
            let outer = try await me.apply(module: Atom("erlang"), function: Atom("spawn"),
                                           [.atom("loops"), .atom("outer"), .list([.pid(me.pid)])])
            let echoed = try await me.apply(module: Atom("loops"), function: Atom("ask"), [outer, .atom("ping")])
            try me.send(.atom("stop"), to: outer)
            let done = try await me.receive { message -> Term? in
                if case .tuple(let e) = message, e.first == .atom("outer_done") { return message }
                return nil
            }
            return .tuple([echoed, done ?? .nil])
        }
        #expect(answer.text == "{ping,{outer_done,stopped}}")
    }

    @Test func aFunBodySendsAwaitingTheAnswerAndReceivesIt() async throws {
        // The send and the receive are steps of the fun's clause body.
        let h = harness()
        let echo = try await spawn(h, "echo")
        for n in 1...3 {
            #expect(await h.call("loops", "ask_by_fun", [.pid(echo.pid), .int(n)]).text == "{by_fun,\(n)}")
        }
        #expect(echo.isWaitingWithoutTask)
    }

    @Test func aFunBodysSendToNoProcessRaisesBadargFromTheSend() async throws {
        let result = await harness().call("loops", "send_to_nothing", [])
        #expect(result.text == "raised error:badarg")
        #expect(result.stacktraceText.hasPrefix("[{erlang,'!',[nowhere,hi],[]}"))
    }

    @Test func aFunsReceiveSkipsWhatItScannedAndWaitsForAMatch() async {
        // The receive step scans `junk` at once, then waits for `later`; `junk` stays queued.
        #expect(await harness().call("loops", "later", []).text == "{got_later,junk_kept}")
    }

    @Test func aTailCalledFunctionsErrorNamesThatFunction() async {
        // hop/1 tail-calls hop2/1 in the same loop: the frame is hop2's, and hop leaves none.
        let result = await harness().call("loops", "hop", [.int(0)])
        #expect(result.text == "raised error:badarith")
        #expect(result.stacktraceText.contains("{loops,hop2,1,"))
        #expect(!result.stacktraceText.contains("{loops,hop,1,"))
    }

    @Test func loopsThatMayWaitAreAnsweredInTheirOwnTask() async throws {
        let h = harness()
        let clock = try #require(h.runtime.clock as? ManualClock)
        let napper = try await spawn(h, "napper")
        async let answer = h.call("loops", "ask", [.pid(napper.pid), .atom("yawn")])
        while clock.pendingCount < 1 { await Task.yield() }   // the napper's sleep, in its own task
        clock.advance(by: 1)
        #expect(await answer.text == "yawn")
    }

    @Test(arguments: [("echo", 0, true), ("counter", 1, true), ("next", 1, true), ("napper", 0, false),
                      ("picky", 0, true), ("timed", 0, false), ("deep", 1, false), ("ask", 2, true),
                      ("outer", 1, false)])
    func whichLoopsMayRunBorrowed(_ function: String, _ arity: Int, _ borrowable: Bool) throws {
        let h = harness()
        let module = try #require(h.runtime.modules.loaded(Atom("loops")) as? InterpretedModule)
        let code = try #require(module.scope.function(FunctionKey(Atom(function), arity)))
        #expect(code.receiveLoopMayRunBorrowed == borrowable)
    }
}
