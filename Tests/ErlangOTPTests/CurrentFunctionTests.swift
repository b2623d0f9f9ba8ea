import ErlangOTP
import ErlangRuntime
import ErlangTerms
import Testing

/// Where an idle server is, as `process_info(S, current_function)` says:
/// in `gen_server:loop/7`, or in `erlang:hibernate/3` after a callback
/// asked to hibernate; and after hibernating, its stacks end in
/// `proc_lib:wake_up/3`.
@Suite struct CurrentFunctionTests {
    /// `process_info(Server, current_function)`'s value, asked from a process of its own.
    func currentFunction(_ h: OTPHarness, _ server: Term) async throws -> Term {
        try await h.runtime.run { p in
            try await p.call("erlang", "process_info", server, atom("current_function")).tupleElements?[1] ?? .nil
        }
    }

    @Test func anIdleServerIsInItsLoopOrInHibernate() async throws {
        let h = OTPHarness()
        let server = try await h.runtime.run { p in
            try await p.call("gen_server", "start", atom("raw"), tuple(.ok, .int(1)), .nil).tupleElements?[1] ?? .nil
        }
        let loop = tuple(atom("gen_server"), atom("loop"), .int(7))
        let hibernate = tuple(atom("erlang"), atom("hibernate"), .int(3))
        #expect(try await currentFunction(h, server) == loop)
        _ = try await h.runtime.run { p in
            try await p.call("gen_server", "call", server, tuple(atom("reply"), atom("a"), .int(2), atom("hibernate")))
        }
        #expect(try await currentFunction(h, server) == hibernate)
        _ = try await h.runtime.run { p in try await p.call("gen_server", "call", server, tuple(atom("reply"), atom("b"), .int(3))) }
        #expect(try await currentFunction(h, server) == loop)
    }

    /// `{hibernate_after, Ms}`: a server that has waited that long with no
    /// timeout of its own hibernates, and again after each message.
    @Test func hibernateAfterHibernatesAServerLeftWaiting() async throws {
        let h = OTPHarness()
        let options = list(tuple(atom("hibernate_after"), .int(20)))
        let server = try await h.runtime.run { p in
            try await p.call("gen_server", "start", atom("raw"), tuple(.ok, .int(1)), options).tupleElements?[1] ?? .nil
        }
        let loop = tuple(atom("gen_server"), atom("loop"), .int(7))
        let hibernate = tuple(atom("erlang"), atom("hibernate"), .int(3))
        await h.settle()
        #expect(try await currentFunction(h, server) == loop)
        h.clock.advance(by: 19)
        await h.settle()
        #expect(try await currentFunction(h, server) == loop)
        h.clock.advance(by: 1)
        await h.settle()
        #expect(try await currentFunction(h, server) == hibernate)
        let reply = try await h.runtime.run { p in
            try await p.call("gen_server", "call", server, tuple(atom("reply"), atom("b"), .int(3)))
        }
        #expect(reply == atom("b"))
        await h.settle()
        h.clock.advance(by: 20)
        await h.settle()
        #expect(try await currentFunction(h, server) == hibernate)
    }

    @Test func aCrashAfterHibernatingEndsInWakeUp() async throws {
        let h = OTPHarness()
        _ = try await h.runtime.run { p in
            _ = try await p.call("gen_server", "start", local("partial"), atom("partial"), tuple(.ok, .int(0)), .nil)
            _ = try await p.call("gen_server", "call", atom("partial"), tuple(atom("reply"), .ok, .int(1), atom("hibernate")))
            return try await p.exitReason(ofRegistered: "partial") {
                _ = try await p.call("gen_server", "cast", atom("partial"), tuple(atom("apply"), atom("nomod"), atom("f"), .nil))
            } ?? .nil
        }
        #expect(h.output.text.contains("{proc_lib,wake_up,3,[{file,\"proc_lib.erl\"},{line,250}]}]}"))
        #expect(!h.output.text.contains("init_p_do_apply"))
    }
}
