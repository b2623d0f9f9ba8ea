import ErlangOTP
import ErlangRuntime
import ErlangTerms
import Testing

/// `sys` requests and the reports a crashing server writes, word for word
/// as erl prints them.
@Suite struct SysAndReportTests {
    @Test func traceLines() async throws {
        let h = OTPHarness()
        let (caller, state) = try await h.runtime.run { p in
            _ = try await p.call("gen_server", "start", local("tc"), atom("tc"), .int(0), .nil)
            _ = try await p.call("sys", "trace", atom("tc"), .true)
            _ = try await p.call("gen_server", "cast", atom("tc"), atom("inc"))
            _ = try await p.call("gen_server", "call", atom("tc"), atom("value"))
            try p.send(atom("tick"), to: atom("tc"))
            let s = try await p.call("sys", "get_state", atom("tc"))
            _ = try await p.call("sys", "trace", atom("tc"), .false)
            _ = try await p.call("gen_server", "cast", atom("tc"), atom("inc"))
            _ = try await p.call("sys", "get_state", atom("tc"))
            return (text(.pid(p.pid)), s)
        }
        #expect(state == .int(2))
        #expect(h.output.text == """
            *DBG* tc got cast inc
            *DBG* tc new state 1
            *DBG* tc got call value from \(caller)
            *DBG* tc sent 1 to \(caller), new state 1
            *DBG* tc got tick
            tc got info tick
            *DBG* tc new state 2

            """)
    }

    @Test func debugOptionAtStartAndLog() async throws {
        let h = OTPHarness()
        let logged = try await h.runtime.run { p in
            let options = list(tuple(atom("debug"), list(atom("log"))))
            _ = try await p.call("gen_server", "start", local("tc"), atom("tc"), .int(0), options)
            _ = try await p.call("gen_server", "cast", atom("tc"), atom("inc"))
            return try await p.call("sys", "log", atom("tc"), atom("get"))
        }
        #expect(logged == tuple(.ok, list(tuple(atom("in"), tuple(atom("$gen_cast"), atom("inc"))),
                                           tuple(atom("noreply"), .int(1)))))
        #expect(h.output.text == "")
    }

    @Test func stateSuspendResumeAndCodeChange() async throws {
        let h = OTPHarness()
        let results = try await h.runtime.run { p in
            _ = try await p.call("gen_server", "start", local("tc"), atom("tc"), .int(3), .nil)
            let triple = Term.fun(Fun(kind: .external(module: Atom("erlang"), function: Atom("abs")), arity: 1, identity: 0))
            let replaced = try await p.call("sys", "replace_state", atom("tc"), triple)
            let running = try await p.call("sys", "change_code", atom("tc"), atom("tc"), .string("1"), atom("x"))
            _ = try await p.call("sys", "suspend", atom("tc"))
            _ = try await p.call("gen_server", "cast", atom("tc"), atom("inc"))
            let blocked = try await p.catching("sys", "get_state", atom("tc"))
            let changed = try await p.call("sys", "change_code", atom("tc"), atom("tc"), .string("1"), atom("x"))
            let whileSuspended = try await p.call("sys", "get_state", atom("tc"))
            _ = try await p.call("sys", "resume", atom("tc"))
            let missing = try await p.catching("sys", "get_state", atom("nobody"))
            return [replaced, running.tupleElements?.first ?? .nil, blocked, changed, whileSuspended, missing]
        }
        #expect(results == [
            .int(3), atom("error"), .int(3), .ok,
            tuple(atom("upgraded"), .int(3), atom("x")),
            tuple(.atom(.EXIT), tuple(atom("noproc"), tuple(atom("sys"), atom("get_state"), list(atom("nobody"))))),
        ])
    }

    @Test func castCrashWritesErlsErrorReport() async throws {
        let h = OTPHarness()
        let down = try await h.runtime.run { p in
            _ = try await p.call("gen_server", "start", local("tc"), atom("tc"), .int(10), .nil)
            return try await p.exitReason(ofRegistered: "tc") {
                _ = try await p.call("gen_server", "cast", atom("tc"), tuple(atom("expect_ok"), atom("bad")))
            } ?? .nil
        }
        #expect(down.tupleElements?.first == tuple(.atom(.badmatch), atom("bad")))
        let out = h.output.text
        #expect(out.contains("""
            =ERROR REPORT==== T ===
            ** Generic server tc terminating 
            ** Last message in was {'$gen_cast',{expect_ok,bad}}
            ** When Server state == 10
            ** Reason for termination ==
            ** {{badmatch,bad},
                [{tc,handle_cast,[{expect_ok,bad},10],[]},
                 {gen_server,try_dispatch,4,[{file,"gen_server.erl"},{line,1123}]},
                 {gen_server,handle_msg,6,[{file,"gen_server.erl"},{line,1200}]},
                 {proc_lib,init_p_do_apply,3,[{file,"proc_lib.erl"},{line,240}]}]}

            =CRASH REPORT==== T ===
              crasher:
                initial call: tc:init/1

            """))
        #expect(out.contains("    exception error: no match of right hand side value bad\n"))
        #expect(out.hasSuffix("  neighbours:\n\n"))
    }

    @Test func callCrashNamesTheClient() async throws {
        let h = OTPHarness()
        let (caught, caller) = try await h.runtime.run { p in
            _ = try await p.call("gen_server", "start", local("tc"), atom("tc"), .int(10), .nil)
            return (try await p.catching("gen_server", "call", atom("tc"), atom("divide")), text(.pid(p.pid)))
        }
        guard case .tuple(let e) = caught, case .tuple(let reason) = e[1], case .tuple(let inner) = reason[0] else {
            Issue.record("unexpected \(text(caught))")
            return
        }
        #expect(inner[0] == .atom(.badarith))
        #expect(reason[1] == tuple(atom("gen_server"), atom("call"), list(atom("tc"), atom("divide"))))
        let out = h.output.text
        #expect(out.contains("** Last message in was divide\n** When Server state == 10\n"))
        #expect(out.contains("** Client \(caller) stacktrace\n** [{gen,do_call,4,"))
        #expect(out.contains("    exception error: an error occurred when evaluating an arithmetic expression\n"))
    }

    @Test func stopWithAbnormalReasonReports() async throws {
        let h = OTPHarness()
        _ = try await h.runtime.run { p in
            _ = try await p.call("gen_server", "start", local("tc"), atom("tc"), .int(0), .nil)
            // The cast is asynchronous: wait for tc to end so its terminate
            // line comes before anything tc2 prints.
            let quit = try await p.exitReason(ofRegistered: "tc") {
                _ = try await p.call("gen_server", "cast", atom("tc"), tuple(atom("quit"), tuple(atom("shutdown"), atom("x"))))
            }
            #expect(quit == tuple(atom("shutdown"), atom("x")))
            _ = try await p.call("gen_server", "start", local("tc2"), atom("tc"), .int(0), .nil)
            return try await p.catching("gen_server", "stop", atom("tc2"), atom("broken"), atom("infinity"))
        }
        await h.settle()
        let out = h.output.text
        #expect(out.hasPrefix("tc terminate({shutdown,x}) at 0\ntc terminate(broken) at 0\n=ERROR REPORT==== T ===\n"
            + "** Generic server tc2 terminating \n** Last message in was []\n"))
        #expect(out.contains("=CRASH REPORT==== T ===\n"))
        #expect(out.contains("    exception exit: broken\n"))
    }

    @Test func loggerLevelsAndErrorLogger() async throws {
        let h = OTPHarness()
        _ = try await h.runtime.run { p in
            _ = try await p.call("logger", "info", .string("hidden"))
            _ = try await p.call("logger", "notice", .string("shown ~p"))
            _ = try await p.call("logger", "error", .string("x ~p"), list(.int(1)))
            _ = try await p.call("error_logger", "info_msg", .string("started ~s~n"), list(.string("w")))
            _ = try await p.call("error_logger", "warning_report", list(tuple(atom("a"), .int(1))))
            return Term.ok
        }
        #expect(h.output.text == """
            =NOTICE REPORT==== T ===
            shown ~p
            =ERROR REPORT==== T ===
            x 1
            =INFO REPORT==== T ===
            started w

            =WARNING REPORT==== T ===
                a: 1

            """)
    }

    /// erl 25's default report callback (`logger:format_otp_report/1`): a
    /// map with a `label` and a `report` prints the report alone.
    @Test func aLabelledReportPrintsItsReport() async throws {
        let h = OTPHarness()
        _ = try await h.runtime.run { p in
            let labelled = Term.map([(atom("label"), tuple(atom("x"), atom("y"))), (atom("report"), list(tuple(atom("a"), .int(1))))])
            _ = try await p.call("logger", "error", labelled)
            _ = try await p.call("logger", "error", .map([(atom("label"), atom("only_label")), (atom("other"), .int(1))]))
            return Term.ok
        }
        #expect(h.output.text == """
            =ERROR REPORT==== T ===
                a: 1
            =ERROR REPORT==== T ===
                label: only_label
                other: 1

            """)
    }

    @Test func formatStatusShapesReportsAndStatus() async throws {
        let h = OTPHarness()
        let status = try await h.runtime.run { p in
            _ = try await p.call("gen_server", "start", local("fs"), atom("fs"), atom("secret"), .nil)
            let s = try await p.call("sys", "get_status", atom("fs"))
            _ = try await p.call("gen_server", "cast", atom("fs"), atom("broken"))
            return s
        }
        await h.settle()
        guard case .tuple(let e) = status, e.count == 4, let parts = e[3].listElements, parts.count == 5,
              let misc = parts[4].listElements else {
            Issue.record("unexpected \(text(status))")
            return
        }
        #expect(parts[1] == atom("running"))
        // A format_status/2 result that is not a list is the misc list's last element as it is.
        #expect(misc.last == tuple(atom("hidden"), atom("normal")))
        #expect(h.output.text.contains("** When Server state == {hidden,terminate}\n"))
    }

    @Test func callsLeaveOtherMessagesInOrder() async throws {
        let h = OTPHarness()
        let (replies, mailbox) = try await h.runtime.run { p in
            _ = try await p.call("gen_server", "start", local("tc"), atom("tc"), .int(1), .nil)
            for i in 0..<1000 { try p.send(.int(i), to: .pid(p.pid)) }
            var replies: [Term] = []
            for _ in 0..<3 { replies.append(try await p.call("gen_server", "call", atom("tc"), atom("value"))) }
            return (replies, p.queuedMessages)
        }
        #expect(replies == [.int(1), .int(1), .int(1)])
        #expect(mailbox == (0..<1000).map { Term.int($0) })
    }
}
