import ErlangEval
import ErlangRuntime
import ErlangTerms
import Testing

/// `gen_server:call` first tries to answer at once (`GenServer.callAtOnce`):
/// the caller claims the idle server and runs its `handle_call` clause
/// itself when that cannot suspend. A try that answers `nil` must have
/// done nothing (the call is then made in full); one whose callback ran
/// but did not simply reply throws `UnfinishedAtOnce`, whose `finish`
/// ends the call as the full call would have.
@Suite struct AtOnceServerCallTests {
    static let server = """
    -module(once_srv).
    -behaviour(gen_server).
    -export([init/1, handle_call/3, handle_cast/2]).
    init(N) -> {ok, N}.
    handle_call(get, _From, N) -> {reply, N, N};
    handle_call({add, K}, _From, N) -> {reply, ok, N + K};
    handle_call(early, From, N) -> gen_server:reply(From, early), {noreply, N};
    handle_call(nap, _From, N) -> timer:sleep(1000), {reply, woke, N};
    handle_call(rest, _From, N) -> {reply, resting, N, hibernate};
    handle_call(quit, _From, N) -> {stop, {shutdown, quit}, N};
    handle_call(crash, _From, N) -> {reply, N + a, N}.
    handle_cast(_, N) -> {noreply, N}.
    """

    /// What the first try of `gen_server:call(Server, request)` does:
    /// `{answered, Reply}`, `{nothing_done, MailboxLength}`, or, when it
    /// left the call unfinished, `{finished, Reply}` or `{raised, Reason}`
    /// from awaiting the rest.
    func firstTry(_ h: ModuleHarness, _ server: ErlangProcess, _ request: Term) async -> String {
        let outcome = await h.inProcess { process -> Term in
            guard case .native(let call)? = h.runtime.modules.stickyFunction(Atom("gen_server"), FunctionKey(Atom("call"), 2)),
                  let first = call.atOnce?.first else { return .atom("no_first_try") }
            do {
                if let reply = try first(process, [.pid(server.pid), request]) {
                    return .tuple([.atom("answered"), reply])
                }
                return .tuple([.atom("nothing_done"), .int(server.messageQueueLength)])
            } catch let unfinished as UnfinishedAtOnce {
                do {
                    return .tuple([.atom("finished"), try await unfinished.finish()])
                } catch let exception as ErlangException {
                    return .tuple([.atom("raised"), exception.reason])
                }
            }
        }
        return outcome.text
    }

    func start(_ h: ModuleHarness, _ state: Term = .int(0)) async throws -> ErlangProcess {
        h.compile(Self.server, file: "once_srv.erl")
        let started = try await h.call("gen_server", "start", [.atom("once_srv"), state, .nil]).get()
        guard case .tuple(let e) = started, case .pid(let pid) = e[1], let server = h.runtime.process(pid) else {
            throw ErlangException.error(started)
        }
        return server
    }

    @Test func anIdleServerAnswersAtOnceAndStaysIdle() async throws {
        let h = ModuleHarness()
        let server = try await start(h)
        #expect(await firstTry(h, server, .tuple([.atom("add"), .int(2)])) == "{answered,ok}")
        #expect(await firstTry(h, server, .atom("get")) == "{answered,2}")
        #expect(server.isWaitingWithoutTask)
        #expect(server.monitoringPids.isEmpty)
        #expect(await h.call("sys", "get_state", [.pid(server.pid)]).text == "2")
    }

    /// A claimed server starts a new slice (`refillSliceOfIdleProcess`):
    /// calls past a slice's 2,000 reductions still answer at once.
    @Test func callsKeepAnsweringAtOncePastASlice() async throws {
        let h = ModuleHarness()
        let server = try await start(h)
        let answered = await h.inProcess { process -> Term in
            guard case .native(let call)? = h.runtime.modules.stickyFunction(Atom("gen_server"), FunctionKey(Atom("call"), 2)),
                  let first = call.atOnce?.first else { return .atom("no_first_try") }
            var count = 0
            for _ in 0..<5_000 where try first(process, [.pid(server.pid), .atom("get")]) != nil { count += 1 }
            return .int(count)
        }
        #expect(answered.text == "5000")
    }

    /// Callers racing for one server: each call is answered at once, or,
    /// when another caller holds the server, in full; none is lost.
    @Test func concurrentCallersAllGetTheirReplies() async throws {
        let h = ModuleHarness()
        let server = try await start(h)
        let add: Term = .tuple([.atom("add"), .int(1)])
        func caller() async -> Result<Term, ErlangException> {
            await h.inProcess { process in
                for _ in 0..<2_000 {
                    _ = try await process.apply(module: Atom("gen_server"), function: Atom("call"), [.pid(server.pid), add])
                }
                return .ok
            }
        }
        async let first = caller()
        async let second = caller()
        async let third = caller()
        let results = await [first, second, third]
        #expect(results.map(\.text) == ["ok", "ok", "ok"])
        #expect(await h.call("gen_server", "call", [.pid(server.pid), .atom("get")]).text == "6000")
    }

    @Test func aCallbackThatMayWaitIsNotTriedAndNothingIsSent() async throws {
        let h = ModuleHarness()
        let server = try await start(h)
        #expect(await firstTry(h, server, .atom("nap")) == "{nothing_done,0}")
        #expect(server.isWaitingWithoutTask)
        // After a miss, the next 15 calls are not tried (`GenServer.skipAfterMiss`);
        // then calls are tried again.
        for _ in 0..<15 { #expect(await firstTry(h, server, .atom("get")) == "{nothing_done,0}") }
        #expect(await firstTry(h, server, .atom("get")) == "{answered,0}")
    }

    @Test func aTracedServerIsCalledInFull() async throws {
        let h = ModuleHarness()
        let server = try await start(h)
        #expect(await h.call("sys", "trace", [.pid(server.pid), .atom("true")]).text == "ok")
        await h.settle()
        #expect(await firstTry(h, server, .atom("get")) == "{nothing_done,0}")
    }

    @Test func aReplyGivenInsideTheCallbackEndsTheCall() async throws {
        let h = ModuleHarness()
        let server = try await start(h)
        #expect(await firstTry(h, server, .atom("early")) == "{finished,early}")
        await h.settle()
        #expect(await firstTry(h, server, .atom("get")) == "{answered,0}")
    }

    @Test func aHibernatingReplyFinishesWithTheServerHibernating() async throws {
        let h = ModuleHarness()
        let server = try await start(h)
        #expect(await firstTry(h, server, .atom("rest")) == "{finished,resting}")
        await h.settle()
        let current = await h.call("erlang", "process_info", [.pid(server.pid), .atom("current_function")])
        #expect(current.text == "{current_function,{erlang,hibernate,3}}")
        #expect(await firstTry(h, server, .atom("get")) == "{answered,0}")
    }

    @Test func aStopFinishesWithTheServersReason() async throws {
        let h = ModuleHarness()
        let server = try await start(h)
        let pid = TermWriter.write(.pid(server.pid))
        #expect(await firstTry(h, server, .atom("quit")) == "{raised,{{shutdown,quit},{gen_server,call,[\(pid),quit]}}}")
        #expect(await server.waitForExit() == .tuple([.atom("shutdown"), .atom("quit")]))
    }

    @Test func aCrashFinishesWithOneReport() async throws {
        let h = ModuleHarness()
        let server = try await start(h)
        let answer = await firstTry(h, server, .atom("crash"))
        #expect(answer.hasPrefix("{raised,{{badarith,[{erlang,'+',[0,a],"), "\(answer)")
        #expect(await server.waitForExit().tupleElements?.first == .atom("badarith"))
        await h.settle()
        let output = (h.runtime.output as? CapturedOutput)?.text ?? ""
        #expect(output.components(separatedBy: "=ERROR REPORT====").count == 2, "\(output)")
    }
}
