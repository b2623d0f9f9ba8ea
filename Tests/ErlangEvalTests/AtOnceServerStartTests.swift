import ErlangEval
import ErlangRuntime
import ErlangTerms
import Testing

/// `gen_server:start/3` (and `start_link/3`, `start_monitor/3`) first
/// tries to start at once (`GenServer.startAtOnce`): the starter makes the
/// process and runs its `init/1` clause itself when that cannot suspend.
/// A plain `{ok, State}` leaves the server idle without a task; anything
/// else, once the process is made, ends in full (`UnfinishedAtOnce`) with
/// what the full start answers.
@Suite struct AtOnceServerStartTests {
    static let server = """
    -module(once_start).
    -behaviour(gen_server).
    -export([init/1, handle_call/3, handle_cast/2, handle_info/2]).
    init(ok) -> {ok, 0};
    init(ignore) -> ignore;
    init(stop) -> {stop, no_way};
    init(bad) -> what;
    init(crash) -> {ok, 1 + self()};
    init(poke) -> self() ! poked, {ok, 0}.
    handle_call(get, _From, S) -> {reply, S, S}.
    handle_cast(_, S) -> {noreply, S}.
    handle_info(poked, _) -> {noreply, poked}.
    """

    /// A server whose `init/1` may wait: never started at once.
    static let napper = """
    -module(nap_start).
    -behaviour(gen_server).
    -export([init/1, handle_call/3, handle_cast/2]).
    init(_) -> timer:sleep(10), {ok, 0}.
    handle_call(get, _From, S) -> {reply, S, S}.
    handle_cast(_, S) -> {noreply, S}.
    """

    /// What the first try of `gen_server:Function(Module, Arg, [])` does:
    /// `{answered, Answer}`, `nothing_done`, or `{finished, Answer}` after
    /// awaiting the rest.
    func firstTry(_ h: ModuleHarness, _ arg: String, via function: String = "start",
                  module: String = "once_start") async -> Term? {
        let outcome = await h.inProcess { process -> Term in
            guard case .native(let start)? = h.runtime.modules.stickyFunction(Atom("gen_server"), FunctionKey(Atom(function), 3)),
                  let first = start.atOnce?.first else { return .atom("no_first_try") }
            do {
                if let answer = try first(process, [.atom(Atom(module)), .atom(Atom(arg)), .nil]) {
                    return .tuple([.atom("answered"), answer])
                }
                return .atom("nothing_done")
            } catch let unfinished as UnfinishedAtOnce {
                return .tuple([.atom("finished"), try await unfinished.finish()])
            }
        }
        return try? outcome.get()
    }

    func compiled() -> ModuleHarness {
        let h = ModuleHarness()
        h.compile(Self.server, file: "once_start.erl")
        h.compile(Self.napper, file: "nap_start.erl")
        return h
    }

    func startedServer(_ h: ModuleHarness, in answer: Term?) -> ErlangProcess? {
        guard case .tuple(let outer)? = answer, case .tuple(let e) = outer[1], e.count == 2,
              case .pid(let pid) = e[1] else { return nil }
        return h.runtime.process(pid)
    }

    @Test func aPlainInitStartsAtOnceAndIdlesWithoutATask() async throws {
        let h = compiled()
        let answer = await firstTry(h, "ok")
        #expect(answer.map { TermWriter.write($0) }?.hasPrefix("{answered,{ok,<") == true, "\(String(describing: answer))")
        let server = try #require(startedServer(h, in: answer))
        #expect(server.isWaitingWithoutTask)
        #expect(await h.call("gen_server", "call", [.pid(server.pid), .atom("get")]).text == "0")
        #expect(await h.call("erlang", "process_info", [.pid(server.pid), .atom("current_function")]).text
            == "{current_function,{gen_server,loop,7}}")
    }

    @Test func otherInitResultsEndAsTheFullStartEnds() async {
        let h = compiled()
        #expect(await firstTry(h, "ignore").map { TermWriter.write($0) } == "{finished,ignore}")
        #expect(await firstTry(h, "stop").map { TermWriter.write($0) } == "{finished,{error,no_way}}")
        #expect(await firstTry(h, "bad").map { TermWriter.write($0) } == "{finished,{error,{bad_return_value,what}}}")
        let crash = await firstTry(h, "crash").map { TermWriter.write($0) } ?? ""
        #expect(crash.hasPrefix("{finished,{error,{badarith,[{once_start,init,1,"), "\(crash)")
    }

    @Test func anInitThatMayWaitIsNotTried() async {
        let h = compiled()
        #expect(await firstTry(h, "nap", module: "nap_start").map { TermWriter.write($0) } == "nothing_done")
    }

    @Test func aMessageSentDuringInitWakesTheServer() async throws {
        let h = compiled()
        let server = try #require(startedServer(h, in: await firstTry(h, "poke")))
        await h.settle()
        #expect(await h.call("gen_server", "call", [.pid(server.pid), .atom("get")]).text == "poked")
    }

    @Test func startMonitorAnswersWithItsMonitor() async {
        let h = compiled()
        let answer = await firstTry(h, "ok", via: "start_monitor").map { TermWriter.write($0) } ?? ""
        #expect(answer.hasPrefix("{answered,{ok,{<") && answer.contains("#Ref<"), "\(answer)")
    }
}
