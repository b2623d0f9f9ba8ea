import ErlangOTP
import ErlangRuntime
import ErlangTerms
import Testing

/// A server holds no task while it idles after `init/1` and after a
/// callback asks to hibernate; it keeps its task between other requests.
/// Either way it answers as before, with its state and its end intact.
/// (Each step runs in a process of its own, and the test looks at the
/// server once the runtime is quiet.)
@Suite struct IdleServerTests {
    /// Starts `raw` (its callbacks return their first argument) with
    /// `{ok, 1}`; returns the server, once it idles.
    func startRaw(_ h: OTPHarness) async throws -> ErlangProcess {
        let started = try await h.runtime.run { p in
            try await p.call("gen_server", "start", atom("raw"), tuple(.ok, .int(1)), .nil)
        }
        guard case .tuple(let e) = started, case .pid(let pid) = e[1], let server = h.runtime.process(pid) else {
            throw ErlangException.error(started)
        }
        await h.settle()
        return server
    }

    /// `gen_server:call(Server, Request)` from a process of its own.
    func call(_ h: OTPHarness, _ server: ErlangProcess, _ request: Term) async throws -> Term {
        try await h.runtime.run { p in try await p.catching("gen_server", "call", .pid(server.pid), request) }
    }

    /// Whether `server`, once the runtime is quiet, waits without a task.
    func idlesWithoutTask(_ h: OTPHarness, _ server: ErlangProcess) async -> Bool {
        await h.settle()
        return server.isWaitingWithoutTask
    }

    @Test func idlesWithoutATaskAfterInitAndHibernate() async throws {
        let h = OTPHarness()
        let server = try await startRaw(h)
        #expect(await idlesWithoutTask(h, server))
        #expect(try await call(h, server, tuple(atom("reply"), atom("a"), .int(2))) == atom("a"))
        #expect(await !idlesWithoutTask(h, server))
        #expect(try await call(h, server, tuple(atom("reply"), atom("b"), .int(3), atom("hibernate"))) == atom("b"))
        #expect(await idlesWithoutTask(h, server))
        let state = try await h.runtime.run { p in try await p.call("sys", "get_state", .pid(server.pid)) }
        #expect(state == .int(3))
        #expect(await !idlesWithoutTask(h, server))
        _ = try await h.runtime.run { p in
            try await p.call("gen_server", "cast", .pid(server.pid), tuple(atom("noreply"), .int(4), atom("hibernate")))
        }
        #expect(await idlesWithoutTask(h, server))
        #expect(try await call(h, server, tuple(atom("reply"), atom("c"), .int(4))) == atom("c"))
        #expect(h.output.text == "")
    }

    @Test func aServerWithoutATaskCanBeKilled() async throws {
        let h = OTPHarness()
        let server = try await startRaw(h)
        #expect(await idlesWithoutTask(h, server))
        h.runtime.sendExitSignal(from: Pid(serial: 1), to: server.pid, reason: atom("kill"))
        #expect(await server.waitForExit() == atom("killed"))
        await h.settle()
        #expect(h.output.text == "")
    }

    @Test func aCrashAfterWakingIsReportedOnce() async throws {
        let h = OTPHarness()
        let server = try await startRaw(h)
        #expect(await idlesWithoutTask(h, server))
        let answer = try await call(h, server, atom("nonsense"))
        guard case .tuple(let e) = answer, e.count == 2, case .tuple(let reason) = e[1] else {
            Issue.record("unexpected \(text(answer))")
            return
        }
        #expect(reason.first == tuple(atom("bad_return_value"), atom("nonsense")))
        #expect(await server.waitForExit() == tuple(atom("bad_return_value"), atom("nonsense")))
        await h.settle()
        #expect(h.output.text.components(separatedBy: "=CRASH REPORT====").count == 2, "\(h.output.text)")
        #expect(h.output.text.components(separatedBy: "=ERROR REPORT====").count == 2, "\(h.output.text)")
    }
}
