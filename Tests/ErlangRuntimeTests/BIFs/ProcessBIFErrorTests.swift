import ErlangRuntime
import ErlangTerms
import Testing

/// Every argument erl rejects with `badarg`, checked against erl 25:
/// the error carries the BIF's frame `{erlang, F, Args, []}`.
@Suite struct ProcessBIFErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let function: String
        let args: [Term]
        init(_ function: String, _ args: Term...) {
            self.function = function
            self.args = args
        }
        var testDescription: String { "erlang:\(function)/\(args.count) \(args)" }
    }

    static let somePid: Term = .pid(Pid(serial: 5))
    static let someRef: Term = .ref(Ref(id: 123_456))
    static let a = atom("a")

    static let cases: [Case] = [
        Case("link", a), Case("unlink", a), Case("exit", a, atom("b")),
        Case("monitor", atom("process"), .int(1)), Case("monitor", atom("foo"), somePid),
        Case("monitor", atom("process"), tuple(a, atom("other@host"))),
        Case("demonitor", a), Case("demonitor", someRef, list(atom("bogus"))), Case("demonitor", someRef, atom("bogus")),
        Case("process_flag", atom("trap_exit"), a), Case("process_flag", atom("bogus"), .true),
        Case("process_flag", atom("priority"), atom("bogus")),
        Case("whereis", .int(1)), Case("register", .int(1), somePid), Case("register", a, .int(1)),
        Case("register", atom("undefined"), somePid), Case("register", atom("dead"), somePid),
        Case("unregister", .int(1)), Case("unregister", atom("nosuch")),
        Case("is_process_alive", a), Case("process_info", a, atom("status")),
        Case("process_info", somePid, atom("bogus")), Case("process_info", somePid, list(atom("bogus"))),
        Case("list_to_pid", .string("junk")), Case("list_to_pid", a), Case("list_to_pid", .string("<1.5.0>")),
        Case("list_to_pid", .string("<0.5>")), Case("pid_to_list", a), Case("node", a),
        Case("send", a, atom("b")), Case("send", .int(1), atom("b")),
        Case("send", tuple(.int(1), atom("nonode@nohost")), atom("x")), Case("send", tuple(a, .int(1)), atom("x")),
        Case("spawn", a), Case("spawn", atom("m"), atom("f"), a), Case("spawn", atom("m"), atom("f"), .cons(.int(1), .int(2))),
        Case("spawn", .int(1), atom("f"), .nil), Case("spawn_link", a), Case("spawn_monitor", a),
        Case("spawn_monitor", atom("m"), atom("f"), a),
        Case("cancel_timer", a), Case("read_timer", a), Case("cancel_timer", someRef, list(atom("bogus"))),
        Case("send_after", .int(-1), somePid, atom("hi")), Case("send_after", a, somePid, atom("hi")),
        Case("send_after", .int(10), .int(1), atom("hi")), Case("send_after", .int(10), somePid, atom("hi"), list(atom("bogus"))),
        Case("send_after", .int(10), somePid, atom("hi"), a),
        Case("send_after", .int(10), somePid, atom("hi"), list(tuple(atom("abs"), .int(1)))),
        Case("start_timer", a, somePid, atom("hi"), .nil),
    ]

    @Test(arguments: cases)
    func badarg(_ c: Case) async throws {
        let runtime = makeStdlibRuntime()
        let error = try await runtime.run { p in
            await raised { try await p.apply(module: Atom("erlang"), function: Atom(c.function), c.args) }
        }
        #expect(error?.kind == .error)
        #expect(error?.reason == .atom(.badarg))
        #expect(error?.stacktrace == [tuple(atom("erlang"), atom(c.function), .list(c.args), .nil)])
    }

    @Test func linkToADeadProcessRaisesNoproc() async throws {
        let runtime = makeStdlibRuntime()
        let dead: Term = .pid(Pid(serial: 999))
        let error = try await runtime.run { p in await raised { try await p.erlang("link", dead) } }
        #expect(error?.reason == atom("noproc"))
        #expect(error?.stacktrace == [tuple(atom("erlang"), atom("link"), list(dead), .nil)])
    }
}
