import ErlangOTP
import ErlangRuntime
import ErlangTerms
import Testing

/// Calls, casts, stops and `sys` requests to things that are not servers,
/// with erl 25's reasons (stacktraces compared by their first frame).
@Suite struct BadDestinationTests {
    /// `{Reason, Stack}` as `Reason` and the first frame's `{M, F}`.
    func reasonAndTop(_ term: Term) -> (Term, Term)? {
        guard case .tuple(let e) = term, e.count == 2, case .cons(let top) = e[1],
              case .tuple(let frame) = top.head else { return nil }
        return (e[0], tuple(frame[0], frame[1]))
    }

    @Test func castToANonServerIsAFunctionClause() async throws {
        let h = OTPHarness()
        let (number, string, twoAtoms) = try await h.runtime.run { p in
            (try await p.catching("gen_server", "cast", .int(123), atom("x")),
             try await p.catching("gen_server", "cast", .string("name"), atom("x")),
             try await p.catching("gen_server", "cast", tuple(atom("a"), atom("b")), atom("x")))
        }
        for caught in [number, string] {
            guard case .tuple(let e) = caught, let (reason, top) = reasonAndTop(e[1]) else {
                Issue.record("unexpected \(text(caught))")
                continue
            }
            #expect(reason == .atom(.functionClause))
            #expect(top == tuple(atom("gen_server"), atom("cast")))
        }
        #expect(twoAtoms == .ok)
    }

    @Test func callToANonServerExitsWithAFunctionClauseInGen() async throws {
        let h = OTPHarness()
        let (caught, remote) = try await h.runtime.run { p in
            (try await p.catching("gen_server", "call", .int(123), atom("x")),
             try await p.catching("gen_server", "call", tuple(atom("x"), atom("other@host")), atom("y")))
        }
        guard case .tuple(let e) = caught, case .tuple(let exit) = e[1], exit.count == 2,
              let (reason, top) = reasonAndTop(exit[0]) else {
            Issue.record("unexpected \(text(caught))")
            return
        }
        #expect(reason == .atom(.functionClause))
        #expect(top == tuple(atom("gen"), atom("do_for_proc")))
        #expect(exit[1] == tuple(atom("gen_server"), atom("call"), list(.int(123), atom("x"))))
        #expect(remote == tuple(.atom(.EXIT), tuple(tuple(atom("nodedown"), atom("other@host")),
                                                    tuple(atom("gen_server"), atom("call"),
                                                          list(tuple(atom("x"), atom("other@host")), atom("y"))))))
    }

    @Test func stoppingOneselfExitsInsteadOfWaitingForEver() async throws {
        let h = OTPHarness()
        let (caught, me) = try await h.runtime.run { p in
            (try await p.catching("gen_server", "stop", .pid(p.pid)), Term.pid(p.pid))
        }
        #expect(caught == tuple(.atom(.EXIT), tuple(atom("calling_self"),
                                                    tuple(atom("sys"), atom("terminate"), list(me, atom("normal"), atom("infinity"))))))
    }

    @Test func stopAndSysTerminateOfWhatIsNotThere() async throws {
        let h = OTPHarness()
        let results = try await h.runtime.run { p in
            [try await p.catching("gen_server", "stop", atom("nobody")),
             try await p.catching("sys", "terminate", atom("nobody"), atom("normal")),
             try await p.catching("gen_server", "stop", tuple(atom("x"), atom("other@host")))]
        }
        #expect(results == [
            tuple(.atom(.EXIT), atom("noproc")),
            tuple(.atom(.EXIT), tuple(atom("noproc"), tuple(atom("sys"), atom("terminate"), list(atom("nobody"), atom("normal"))))),
            tuple(.atom(.EXIT), tuple(atom("nodedown"), atom("other@host"))),
        ])
    }

    @Test func stopOfANonServerAndStartWithANonName() async throws {
        let h = OTPHarness()
        let (stop, start) = try await h.runtime.run { p in
            (try await p.catching("gen_server", "stop", .int(123)),
             try await p.catching("gen_server", "start", atom("foo"), atom("tc"), .int(0), .nil))
        }
        #expect(stop.tupleElements.flatMap { reasonAndTop($0[1]) }?.1 == tuple(atom("gen"), atom("do_for_proc")))
        #expect(start.tupleElements.flatMap { reasonAndTop($0[1]) }?.1 == tuple(atom("gen"), atom("where")))
        #expect(start.tupleElements.flatMap { reasonAndTop($0[1]) }?.0 == .atom(.functionClause))
    }

    @Test func sysTerminateAnswersOkAndTheServerEnds() async throws {
        let h = OTPHarness()
        let (answer, down) = try await h.runtime.run { p in
            _ = try await p.call("gen_server", "start", local("tc"), atom("tc"), .int(0), .nil)
            var answer: Term = .nil
            let down = try await p.exitReason(ofRegistered: "tc") {
                answer = try await p.call("sys", "terminate", atom("tc"), atom("odd"))
            }
            return (answer, down)
        }
        #expect(answer == .ok)
        #expect(down == atom("odd"))
    }

    @Test func sendRequestToANameNobodyHasAnswersNoproc() async throws {
        let h = OTPHarness()
        let answers = try await h.runtime.run { p in
            let id = try await p.call("gen_server", "send_request", atom("nobody_here"), atom("x"))
            let global = try await p.call("gen_server", "send_request", tuple(atom("global"), atom("g")), atom("x"))
            return [try await p.call("gen_server", "wait_response", id, .int(100)),
                    try await p.call("gen_server", "receive_response", global, .int(100))]
        }
        #expect(answers == [
            tuple(atom("error"), tuple(atom("noproc"), atom("nobody_here"))),
            tuple(atom("error"), tuple(atom("noproc"), tuple(atom("global"), atom("g")))),
        ])
    }
}
