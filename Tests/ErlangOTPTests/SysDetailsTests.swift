import ErlangOTP
import ErlangRuntime
import ErlangTerms
import Testing

/// The finer points of `sys` as erl 25 has them: statistics that are off,
/// the `Debug` list in a status, tracing a stop that replies, code
/// changes that fail, the layout of long `*DBG*` lines.
@Suite struct SysDetailsTests {
    /// The `Debug` element of `sys:get_status(tc)`.
    func debugList(_ p: ErlangProcess) async throws -> Term {
        let status = try await p.call("sys", "get_status", atom("tc"))
        guard case .tuple(let e) = status, e.count == 4, let parts = e[3].listElements, parts.count == 5 else {
            return status
        }
        return parts[3]
    }

    /// The keys of a `[{Key, Value}]` list.
    func keys(_ list: Term) -> [Term] { (list.listElements ?? []).compactMap { $0.tupleElements?.first } }

    @Test func statisticsThatAreOffAnswerNoStatistics() async throws {
        let h = OTPHarness()
        let answer = try await h.runtime.run { p in
            _ = try await p.call("gen_server", "start", local("tc"), atom("tc"), .int(0), .nil)
            return try await p.call("sys", "statistics", atom("tc"), atom("get"))
        }
        #expect(answer == tuple(.ok, atom("no_statistics")))
    }

    @Test func statusListsTheOptionsThatAreOnNewestFirst() async throws {
        let h = OTPHarness()
        let lists = try await h.runtime.run { p in
            _ = try await p.call("gen_server", "start", local("tc"), atom("tc"), .int(0), .nil)
            let none = try await debugList(p)
            _ = try await p.call("sys", "trace", atom("tc"), .true)
            let traced = try await debugList(p)
            _ = try await p.call("sys", "statistics", atom("tc"), .true)
            _ = try await p.call("sys", "log", atom("tc"), .true)
            _ = try await p.call("gen_server", "cast", atom("tc"), atom("inc"))
            _ = try await p.call("sys", "trace", atom("tc"), .true)
            let all = try await debugList(p)
            _ = try await p.call("sys", "no_debug", atom("tc"))
            return [none, traced, all, try await debugList(p)]
        }
        #expect(lists[0] == .nil)
        #expect(lists[1] == list(tuple(atom("trace"), .true)))
        #expect(keys(lists[2]) == [atom("log"), atom("statistics"), atom("trace")])
        guard let log = lists[2].listElements?.first?.tupleElements?[1].listElements else {
            Issue.record("unexpected \(text(lists[2]))")
            return
        }
        // 10 events fit, 2 are kept (newest first), each with the server's name and a print fun.
        #expect(log.first == .int(8))
        #expect(log.dropFirst().map { $0.tupleElements?.prefix(2).map { $0 } ?? [] } == [
            [tuple(atom("noreply"), .int(1)), atom("tc")],
            [tuple(atom("in"), tuple(atom("$gen_cast"), atom("inc"))), atom("tc")],
        ])
        #expect(lists[3] == .nil)
    }

    @Test func turningOnALogThatIsOnKeepsItsLimit() async throws {
        let h = OTPHarness()
        let logged = try await h.runtime.run { p in
            _ = try await p.call("gen_server", "start", local("tc"), atom("tc"), .int(0), .nil)
            _ = try await p.call("sys", "log", atom("tc"), .true)
            _ = try await p.call("sys", "log", atom("tc"), tuple(.true, .int(2)))
            for _ in 0..<3 { _ = try await p.call("gen_server", "cast", atom("tc"), atom("inc")) }
            return try await p.call("sys", "log", atom("tc"), atom("get"))
        }
        #expect(logged.tupleElements?[1].listElements?.count == 6)
    }

    @Test func aStopThatRepliesIsTracedAfterTerminate() async throws {
        let h = OTPHarness()
        let (reply, caller) = try await h.runtime.run { p in
            let options = list(tuple(atom("debug"), list(atom("trace"))))
            _ = try await p.call("gen_server", "start", local("tc"), atom("tc"), .int(0), options)
            return (try await p.call("gen_server", "call", atom("tc"), atom("stop")), text(.pid(p.pid)))
        }
        #expect(reply == tuple(atom("stopped_at"), .int(0)))
        #expect(h.output.text == """
            *DBG* tc got call stop from \(caller)
            tc terminate(normal) at 0
            *DBG* tc sent {stopped_at,0} to \(caller), new state 0

            """)
    }

    @Test func codeChangeThatIsNotExportedAnswersTheCaughtUndef() async throws {
        let h = OTPHarness()
        let answer = try await h.runtime.run { p in
            _ = try await p.call("gen_server", "start", local("partial"), atom("partial"), tuple(.ok, .int(0)), .nil)
            _ = try await p.call("sys", "suspend", atom("partial"))
            return try await p.call("sys", "change_code", atom("partial"), atom("partial"), atom("old"), atom("x"))
        }
        guard case .tuple(let e) = answer, e.count == 2, case .tuple(let caught) = e[1], caught.count == 2,
              case .tuple(let undef) = caught[1], case .cons(let top) = undef[1] else {
            Issue.record("unexpected \(text(answer))")
            return
        }
        #expect(e[0] == atom("error"))
        #expect(caught[0] == .atom(.EXIT))
        #expect(undef[0] == .atom(.undef))
        #expect(top.head == tuple(atom("partial"), atom("code_change"), list(atom("old"), .int(0), atom("x")), .nil))
    }

    @Test func aLongDbgLineWrapsUnderItsTerm() {
        let state = Term.map((1...8).map { (Term.int($0), tuple(atom("value"), .int($0), .int($0 * $0))) })
        let lines = SysDebug.text(of: tuple(atom("noreply"), state), name: atom("cache")).split(separator: "\n")
        #expect(lines.count == 8)
        #expect(lines[0] == "*DBG* cache new state #{1 => {value,1,1},")
        #expect(lines[1] == String(repeating: " ", count: 24) + "2 => {value,2,4},")
    }
}
