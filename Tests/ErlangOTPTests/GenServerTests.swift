import ErlangOTP
import ErlangRuntime
import ErlangTerms
import Testing

/// The generic server's protocol as erl behaves: starting, calls, casts,
/// infos, timeouts and stopping, through the `gen_server` module.
@Suite struct GenServerTests {
    @Test func callsCastsAndInfos() async throws {
        let h = OTPHarness()
        let results = try await h.runtime.run { p in
            let started = try await p.call("gen_server", "start", local("tc"), atom("tc"), .int(5), .nil)
            let first = try await p.call("gen_server", "call", atom("tc"), atom("value"))
            _ = try await p.call("gen_server", "cast", atom("tc"), atom("inc"))
            _ = try await p.call("gen_server", "cast", atom("tc"), atom("inc"))
            try p.send(atom("hello"), to: atom("tc"))
            let second = try await p.call("gen_server", "call", atom("tc"), atom("value"))
            let unknown = try await p.call("gen_server", "call", atom("tc"), atom("what"))
            return [started.tupleElements?.first ?? .nil, first, second, unknown, .int(p.messageQueueLength)]
        }
        #expect(results == [.ok, .int(5), .int(8), tuple(atom("unknown_call"), atom("what")), .int(0)])
        #expect(h.output.text == "tc got info hello\n")
    }

    @Test(arguments: [
        (atom("ignore"), atom("ignore")),
        (tuple(atom("stop"), atom("no_way")), tuple(atom("error"), atom("no_way"))),
    ])
    func initResults(args: Term, expected: Term) async throws {
        let h = OTPHarness()
        let (result, name) = try await h.runtime.run { p in
            let r = try await p.call("gen_server", "start", local("tc"), atom("tc"), args, .nil)
            return (r, try await p.call("erlang", "whereis", atom("tc")))
        }
        #expect(result == expected)
        #expect(name == .undefined)
    }

    @Test func badInitReturnAndCrash() async throws {
        let h = OTPHarness()
        let (bad, crash) = try await h.runtime.run { p in
            (try await p.call("gen_server", "start", atom("raw"), atom("nonsense"), .nil),
             try await p.call("gen_server", "start", atom("tc"), tuple(atom("crash"), atom("oops")), .nil))
        }
        #expect(bad == tuple(atom("error"), tuple(atom("bad_return_value"), atom("nonsense"))))
        guard case .tuple(let e) = crash, e.count == 2, case .tuple(let reason) = e[1] else {
            Issue.record("unexpected \(text(crash))")
            return
        }
        #expect(e[0] == atom("error"))
        #expect(reason[0] == atom("oops"))
        // The crash reports are written by the dying servers after their
        // starter got its answer: wait until every process is idle.
        _ = await h.runtime.activity.waitUntilQuiet(limitMilliseconds: 10_000)
        let out = h.output.text
        #expect(out.contains("=CRASH REPORT==== T ===\n  crasher:\n    initial call: raw:init/1\n"))
        #expect(out.contains("    exception exit: {bad_return_value,nonsense}\n"
            + "      in function  gen_server:init_it/6 (gen_server.erl, line 843)\n"))
        #expect(out.contains("    initial call: tc:init/1\n"))
        #expect(out.contains("    exception error: oops\n"))
    }

    @Test func alreadyStarted() async throws {
        let h = OTPHarness()
        let (first, second) = try await h.runtime.run { p in
            (try await p.call("gen_server", "start", local("tc"), atom("tc"), .int(0), .nil),
             try await p.call("gen_server", "start", local("tc"), atom("tc"), .int(1), .nil))
        }
        guard case .tuple(let e) = first, e.count == 2 else {
            Issue.record("unexpected \(text(first))")
            return
        }
        #expect(second == tuple(atom("error"), tuple(atom("already_started"), e[1])))
    }

    @Test func noprocAndGlobalNames() async throws {
        let h = OTPHarness()
        let results = try await h.runtime.run { p in
            let global = tuple(atom("global"), atom("g"))
            return [
                try await p.catching("gen_server", "call", atom("nobody"), atom("x")),
                try await p.catching("gen_server", "call", atom("nobody"), atom("x"), .int(500)),
                try await p.call("gen_server", "cast", atom("nobody"), atom("x")),
                try await p.call("gen_server", "start", global, atom("tc"), .int(7), .nil).tupleElements?.first ?? .nil,
                try await p.call("gen_server", "call", global, atom("value")),
                try await p.catching("gen_server", "stop", atom("nobody")),
                try await p.call("gen_server", "stop", global),
                try await p.call("global", "whereis_name", atom("g")),
            ]
        }
        #expect(results == [
            tuple(.atom(.EXIT), tuple(atom("noproc"), tuple(atom("gen_server"), atom("call"), list(atom("nobody"), atom("x"))))),
            tuple(.atom(.EXIT), tuple(atom("noproc"), tuple(atom("gen_server"), atom("call"),
                                                             list(atom("nobody"), atom("x"), .int(500))))),
            .ok, .ok, .int(7),
            tuple(.atom(.EXIT), atom("noproc")),
            .ok, .undefined,
        ])
        #expect(h.output.text == "tc terminate(normal) at 7\n")
    }

    @Test func callTimeoutDropsTheLateReply() async throws {
        let h = OTPHarness()
        async let outcome = h.runtime.run { p in
            _ = try await p.call("gen_server", "start", local("tc"), atom("tc"), .int(3), .nil)
            let timedOut = try await p.catching("gen_server", "call", atom("tc"), atom("hold"), .int(100))
            _ = try await p.call("gen_server", "cast", atom("tc"), atom("release"))
            let after = try await p.call("gen_server", "call", atom("tc"), atom("value"))
            return (timedOut, after, p.queuedMessages)
        }
        await h.waitForTimer()
        h.clock.advance(by: 100)
        let (timedOut, after, mailbox) = try await outcome
        #expect(timedOut == tuple(.atom(.EXIT), tuple(atom("timeout"), tuple(atom("gen_server"), atom("call"),
                                                                            list(atom("tc"), atom("hold"), .int(100))))))
        #expect(after == .int(3))
        #expect(mailbox == [])
    }

    /// erl: a call with timeout 0 times out before its server has run,
    /// though the server still handles the request; no reply is left behind.
    @Test func callWithTimeoutZeroTimesOut() async throws {
        let h = OTPHarness()
        let (timedOut, after, mailbox) = try await h.runtime.run { p in
            _ = try await p.call("gen_server", "start", local("tc"), atom("tc"), .int(3), .nil)
            let timedOut = try await p.catching("gen_server", "call", atom("tc"), atom("value"), .int(0))
            let after = try await p.call("gen_server", "call", atom("tc"), atom("value"))
            return (timedOut, after, p.queuedMessages)
        }
        #expect(timedOut == tuple(.atom(.EXIT), tuple(atom("timeout"), tuple(atom("gen_server"), atom("call"),
                                                                            list(atom("tc"), atom("value"), .int(0))))))
        #expect(after == .int(3))
        #expect(mailbox == [])
    }

    @Test func timeoutsFromInitAndReply() async throws {
        let h = OTPHarness()
        let server = try await h.runtime.run { p in
            try await p.call("gen_server", "start", local("tc"), atom("tc"), tuple(atom("timeout"), .int(100)), .nil)
        }
        await h.settle()
        h.clock.advance(by: 99)
        await h.settle()
        #expect(h.output.text == "")
        h.clock.advance(by: 1)
        await h.settle()
        #expect(h.output.take() == "tc got info timeout\n")
        let pong = try await h.runtime.run { p in
            try await p.call("gen_server", "call", atom("tc"), tuple(atom("ping"), .int(50)))
        }
        #expect(pong == atom("pong"))
        await h.settle()
        h.clock.advance(by: 50)
        await h.settle()
        #expect(h.output.take() == "tc got info timeout\n")
        #expect(server.tupleElements?.first == .ok)
    }

    /// A `sys` request leaves the server's timeout in force, started
    /// afresh (gen_server's `system_continue`): `handle_info(timeout, S)`
    /// still comes, a whole timeout after the request.
    @Test func aSysRequestRestartsTheServersTimeout() async throws {
        let h = OTPHarness()
        _ = try await h.runtime.run { p in
            try await p.call("gen_server", "start", local("tc"), atom("tc"), tuple(atom("timeout"), .int(100)), .nil)
        }
        await h.settle()
        h.clock.advance(by: 50)
        await h.settle()
        _ = try await h.runtime.run { p in try await p.call("sys", "get_state", atom("tc")) }
        await h.settle()
        h.clock.advance(by: 99)
        await h.settle()
        #expect(h.output.text == "")
        h.clock.advance(by: 1)
        await h.settle()
        #expect(h.output.take() == "tc got info timeout\n")
    }

    @Test func handleContinueRunsBeforeTheFirstMessage() async throws {
        let h = OTPHarness()
        let value = try await h.runtime.run { p in
            _ = try await p.call("gen_server", "start", local("tc"), atom("tc"), tuple(atom("continue"), .int(42)), .nil)
            return try await p.call("gen_server", "call", atom("tc"), atom("value"))
        }
        #expect(value == .int(42))
        #expect(h.output.text == "tc continue 42\n")
    }

    @Test func stopFromCallRepliesAfterTerminate() async throws {
        let h = OTPHarness()
        let (reply, name) = try await h.runtime.run { p in
            _ = try await p.call("gen_server", "start", local("tc"), atom("tc"), .int(9), .nil)
            let r = try await p.call("gen_server", "call", atom("tc"), atom("stop"))
            return (r, try await p.call("erlang", "whereis", atom("tc")))
        }
        #expect(reply == tuple(atom("stopped_at"), .int(9)))
        #expect(name == .undefined)
        #expect(h.output.text == "tc terminate(normal) at 9\n")
    }

    @Test func multiCallAndAbcast() async throws {
        let h = OTPHarness()
        let results = try await h.runtime.run { p in
            _ = try await p.call("gen_server", "start", local("tc"), atom("tc"), .int(1), .nil)
            return [
                try await p.call("gen_server", "multi_call", atom("tc"), atom("value")),
                try await p.call("gen_server", "abcast", atom("tc"), atom("inc")),
                try await p.call("gen_server", "multi_call", atom("nobody"), atom("value")),
                try await p.call("gen_server", "call", atom("tc"), atom("value")),
            ]
        }
        let node = Term.atom(.nonode)
        #expect(results == [tuple(list(tuple(node, .int(1))), .nil), atom("abcast"),
                            tuple(.nil, list(node)), .int(2)])
    }

    @Test func sendRequestAndResponses() async throws {
        let h = OTPHarness()
        let results = try await h.runtime.run { p in
            _ = try await p.call("gen_server", "start", local("tc"), atom("tc"), .int(4), .nil)
            let id = try await p.call("gen_server", "send_request", atom("tc"), atom("value"))
            let answer = try await p.call("gen_server", "receive_response", id, .int(1000))
            let missing = try await p.call("gen_server", "send_request", atom("nobody"), atom("value"))
            let down = try await p.call("gen_server", "wait_response", missing, atom("infinity"))
            return [answer, down.tupleElements?.first ?? .nil, .int(p.messageQueueLength)]
        }
        #expect(results == [tuple(atom("reply"), .int(4)), atom("error"), .int(0)])
    }
}
