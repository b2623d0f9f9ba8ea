import ErlangOTP
import ErlangRuntime
import ErlangTerms
import Testing

/// Nothing lost: a crashing gen_server takes nothing of another server's
/// state with it (erl: each server's state lives in its own process).
@Suite struct IsolationTests {
    @Test func aCrashingServerLeavesAnotherServersStateIntact() async throws {
        let h = OTPHarness()
        let results = try await h.runtime.run { p in
            _ = try await p.call("gen_server", "start", local("a"), atom("tc"), .int(10), .nil)
            _ = try await p.call("gen_server", "start", local("b"), atom("tc"), .int(20), .nil)
            _ = try await p.call("gen_server", "cast", atom("b"), atom("inc"))
            // `a` crashes inside a call (badarith), is started again and crashes by a stop.
            let crashed = try await p.catching("gen_server", "call", atom("a"), atom("divide"))
            let goneAfterCrash = try await p.call("erlang", "whereis", atom("a"))
            _ = try await p.call("gen_server", "start", local("a"), atom("tc"), .int(30), .nil)
            _ = try await p.call("gen_server", "cast", atom("a"), tuple(atom("quit"), atom("boom")))
            _ = try await p.call("gen_server", "cast", atom("b"), atom("inc"))
            let bValue = try await p.call("gen_server", "call", atom("b"), atom("value"))
            return [crashed.tupleElements?.first ?? .nil, goneAfterCrash, bValue, .int(p.messageQueueLength)]
        }
        await h.settle()
        #expect(results == [.atom(.EXIT), .undefined, .int(22), .int(0)])
        let out = h.output.text
        #expect(out.contains("** When Server state == 10\n"))
        #expect(out.contains("** Reason for termination ==\n** boom\n"))
        #expect(out.contains("tc terminate(boom) at 30\n"))
        // `b` is still there with its state, after both of `a`'s crashes.
        let after = try await h.runtime.run { p in
            try await p.call("gen_server", "call", atom("b"), atom("value"))
        }
        #expect(after == .int(22))
    }
}
