import ErlangOTP
import ErlangRuntime
import ErlangTerms
import Testing

/// Callbacks a module may leave out, and what erl 25 says when a
/// required one, or a function a callback calls, is missing.
@Suite struct OptionalCallbackTests {
    @Test func missingHandleInfoWarnsAndKeepsServing() async throws {
        let h = OTPHarness()
        let state = try await h.runtime.run { p in
            _ = try await p.call("gen_server", "start", local("partial"), atom("partial"), tuple(.ok, .int(7)), .nil)
            try p.send(tuple(atom("stray"), .int(1)), to: atom("partial"))
            return try await p.call("sys", "get_state", atom("partial"))
        }
        #expect(state == .int(7))
        #expect(h.output.text == """
            =WARNING REPORT==== T ===
            ** Undefined handle_info in partial
            ** Unhandled message: {stray,1}


            """)
    }

    @Test func missingHandleInfoIsTracedAsKeepingTheState() async throws {
        let h = OTPHarness()
        _ = try await h.runtime.run { p in
            let options = list(tuple(atom("debug"), list(atom("trace"))))
            _ = try await p.call("gen_server", "start", local("partial"), atom("partial"), tuple(.ok, .int(7)), options)
            try p.send(atom("stray"), to: atom("partial"))
            return try await p.call("sys", "get_state", atom("partial"))
        }
        #expect(h.output.text.hasPrefix("*DBG* partial got stray\n=WARNING REPORT==== T ===\n"))
        #expect(h.output.text.contains("\n*DBG* partial new state 7\n"))
    }

    @Test func undefInsideAnExportedHandleInfoCrashes() async throws {
        let h = OTPHarness()
        let down = try await h.runtime.run { p in
            _ = try await p.call("gen_server", "start", local("raw"), atom("raw"), tuple(.ok, .int(0)), .nil)
            return try await p.exitReason(ofRegistered: "raw") {
                try p.send(tuple(atom("apply"), atom("nomod"), atom("f"), .nil), to: atom("raw"))
            } ?? .nil
        }
        // raw's handle_info returns its message: a bad return value, not a warning.
        #expect(down.tupleElements?.first == atom("bad_return_value"))
        #expect(!h.output.text.contains("WARNING"))
    }

    /// The report explains an `undef`; the exit reason stays `{undef, Stack}`.
    @Test(arguments: [
        (tuple(atom("apply"), atom("lists"), atom("no_such_fun"), list(atom("x"))), "'function not exported'"),
        (tuple(atom("apply"), atom("no_such_module"), atom("f"), .nil), "'module could not be loaded'"),
        (tuple(atom("apply"), atom("erlang"), atom("no_such_bif"), list(.int(1), .int(2))), "'function not exported'"),
    ])
    func undefReasonsAreExplainedInTheReport(request: Term, explanation: String) async throws {
        let h = OTPHarness()
        let caught = try await h.runtime.run { p in
            _ = try await p.call("gen_server", "start", local("partial"), atom("partial"), tuple(.ok, .int(0)), .nil)
            return try await p.catching("gen_server", "call", atom("partial"), request)
        }
        await h.settle()
        guard case .tuple(let e) = caught, case .tuple(let reason) = e[1], case .tuple(let inner) = reason[0] else {
            Issue.record("unexpected \(text(caught))")
            return
        }
        #expect(inner[0] == .atom(.undef))
        #expect(h.output.text.contains("** Reason for termination ==\n** {\(explanation),\n"))
        #expect(h.output.text.contains("    exception error: undefined function "))
    }

    @Test func missingHandleContinueCrashesNamingTheContinue() async throws {
        let h = OTPHarness()
        let down = try await h.runtime.run { p in
            let options = list(tuple(atom("debug"), list(atom("trace"))))
            _ = try await p.call("gen_server", "start", local("partial"), atom("partial"), tuple(.ok, .int(0)), options)
            return try await p.exitReason(ofRegistered: "partial") {
                _ = try await p.call("gen_server", "cast", atom("partial"),
                                     tuple(atom("noreply"), .int(1), tuple(atom("continue"), atom("go"))))
            } ?? .nil
        }
        #expect(down.tupleElements?.first == .atom(.undef))
        let out = h.output.text
        #expect(out.contains("** Last message in was {continue,go}\n** When Server state == 1\n"))
        #expect(out.contains("** {'function not exported',\n       [{partial,handle_continue,[go,1],[]},\n"))
        #expect(out.contains("{gen_server,loop,7,[{file,\"gen_server.erl\"},{line,865}]}"))
    }

    @Test func continueIsTracedAfterItRunsAsADbgEvent() async throws {
        let h = OTPHarness()
        let logged = try await h.runtime.run { p in
            let options = list(tuple(atom("debug"), list(atom("trace"), atom("log"))))
            _ = try await p.call("gen_server", "start", local("tc"), atom("tc"), tuple(atom("continue"), atom("go")), options)
            return try await p.call("sys", "log", atom("tc"), atom("get"))
        }
        #expect(h.output.text == """
            tc continue go
            *DBG* tc dbg  {continue,go}
            *DBG* tc new state go

            """)
        #expect(logged == tuple(.ok, list(tuple(atom("continue"), atom("go")), tuple(atom("noreply"), atom("go")))))
    }

    @Test func initErrorIsABadReturnValueInOTP25() async throws {
        let h = OTPHarness()
        let result = try await h.runtime.run { p in
            try await p.call("gen_server", "start", local("tc"), atom("tc"), tuple(atom("error"), atom("busy")), .nil)
        }
        await h.settle()
        #expect(result == tuple(atom("error"), tuple(atom("bad_return_value"), tuple(atom("error"), atom("busy")))))
        #expect(h.output.text.contains("=CRASH REPORT==== T ===\n"))
    }
}
