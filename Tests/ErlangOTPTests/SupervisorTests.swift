import ErlangOTP
import ErlangRuntime
import ErlangTerms
import Testing

/// The native supervisor: starting, specs and their errors, restarts,
/// shutdowns and the child API, with erl's replies and reports. The
/// supervisor's callback module is `raw`, whose `init/1` returns its
/// argument; children are `tc` counters started with `gen_server:start_link/3`.
@Suite struct SupervisorTests {
    /// `#{id => Id, start => {gen_server, start_link, [tc, N, []]}}` plus `extra`.
    static func counterSpec(_ id: String, _ extra: [(String, Term)] = []) -> Term {
        var map = ErlangMap()
            .updating(atom("id"), to: atom(id))
            .updating(atom("start"), to: tuple(atom("gen_server"), atom("start_link"), list(atom("tc"), .int(0), .nil)))
        for (key, value) in extra { map = map.updating(atom(key), to: value) }
        return .map(map)
    }

    /// `supervisor:start_link({local, Name}, raw, {ok, {Flags, Specs}})`, unlinked afterwards.
    static func startSupervisor(_ p: ErlangProcess, _ name: String, flags: Term, specs: [Term]) async throws -> Term {
        let started = try await p.call("supervisor", "start_link", local(name), atom("raw"),
                                       tuple(.ok, tuple(flags, .list(specs))))
        if case .tuple(let e) = started, case .pid(let pid) = e[1] { p.unlink(from: pid) }
        return started
    }

    /// `stub:start_link()`: a linked process that traps exits and never
    /// ends by itself; it returns once the process traps exits.
    static let stubborn = NativeModule("stub", functions: [
        NativeFunction("start_link", 0, { p, _ in
            let parent = p.pid
            let child = p.runtime.spawn(linkTo: p) { c in
                c.trapExit = true
                c.runtime.send(atom("stub_ready"), to: parent)
                while true { _ = try await c.receiveAny() }
            }
            _ = try await p.receive { $0 == atom("stub_ready") ? Term.ok : nil }
            return tuple(.ok, .pid(child.pid))
        }),
    ])

    static func flags(_ strategy: String, intensity: Int = 1, period: Int = 5) -> Term {
        .map(ErlangMap().updating(atom("strategy"), to: atom(strategy)).updating(atom("intensity"), to: .int(intensity))
            .updating(atom("period"), to: .int(period)))
    }

    @Test func startsChildrenInOrderAndAnswersTheAPI() async throws {
        let h = OTPHarness()
        let (children, counts, spec, missing) = try await h.runtime.run { p in
            _ = try await Self.startSupervisor(p, "sup", flags: Self.flags("one_for_one"),
                                               specs: [Self.counterSpec("a"), Self.counterSpec("b")])
            return (try await p.call("supervisor", "which_children", atom("sup")),
                    try await p.call("supervisor", "count_children", atom("sup")),
                    try await p.call("supervisor", "get_childspec", atom("sup"), atom("a")),
                    try await p.call("supervisor", "get_childspec", atom("sup"), atom("zz")))
        }
        let ids = children.listElements?.compactMap { $0.tupleElements?.first }
        #expect(ids == [atom("b"), atom("a")])
        #expect(children.listElements?.allSatisfy { if case .pid = $0.tupleElements?[1] { true } else { false } } == true)
        #expect(counts == list(tuple(atom("specs"), .int(2)), tuple(atom("active"), .int(2)),
                               tuple(atom("supervisors"), .int(0)), tuple(atom("workers"), .int(2))))
        #expect(text(spec) == "{ok,#{id => a,modules => [gen_server],restart => permanent,shutdown => 5000,"
                + "significant => false,start => {gen_server,start_link,[tc,0,[]]},type => worker}}")
        #expect(missing == tuple(atom("error"), atom("not_found")))
    }

    @Test(arguments: [
        ("foo", "{error,{bad_return,{raw,init,foo}}}"),
        ("{ok,{#{strategy => x},[]}}", "{error,{supervisor_data,{invalid_strategy,x}}}"),
        ("{ok,{#{},[#{id => x}]}}", "{error,{start_spec,missing_start}}"),
        ("{ok,{{one_for_one,1,5},[{x,{m,f,[]},sometimes,5000,worker,[m]}]}}",
         "{error,{start_spec,{invalid_restart_type,sometimes}}}"),
        ("{ok,{#{},[#{id => x,start => {gen_server,start_link,[tc,0,[]]}},#{id => y,start => {raw,init,[{error,nope}]}}]}}",
         "{error,{shutdown,{failed_to_start_child,y,nope}}}"),
        ("ignore", "ignore"),
    ])
    func badInitResults(_ args: String, _ expected: String) async throws {
        let h = OTPHarness()
        let argsTerm = Self.initArgument(args)
        let result = try await h.runtime.run { p in
            p.trapExit = true
            return try await p.call("supervisor", "start_link", atom("raw"), argsTerm)
        }
        #expect(text(result) == expected)
    }

    /// The `init/1` argument a case's label (its erl text) stands for,
    /// built by hand (this target has no Erlang parser).
    static func initArgument(_ source: String) -> Term {
        let missingStart = Term.map(ErlangMap().updating(atom("id"), to: atom("x")))
        let counter = counterSpec("x")
        let failing = Term.map(ErlangMap().updating(atom("id"), to: atom("y"))
            .updating(atom("start"), to: tuple(atom("raw"), atom("init"), list(tuple(atom("error"), atom("nope"))))))
        switch source {
        case "foo": return atom("foo")
        case "ignore": return atom("ignore")
        case "{ok,{#{strategy => x},[]}}":
            return tuple(.ok, tuple(.map(ErlangMap().updating(atom("strategy"), to: atom("x"))), .nil))
        case "{ok,{#{},[#{id => x}]}}": return tuple(.ok, tuple(.map(ErlangMap()), list(missingStart)))
        case "{ok,{{one_for_one,1,5},[{x,{m,f,[]},sometimes,5000,worker,[m]}]}}":
            return tuple(.ok, tuple(tuple(atom("one_for_one"), .int(1), .int(5)),
                                    list(tuple(atom("x"), tuple(atom("m"), atom("f"), .nil), atom("sometimes"), .int(5000),
                                               atom("worker"), list(atom("m"))))))
        default: return tuple(.ok, tuple(.map(ErlangMap()), list(counter, failing)))
        }
    }

    @Test func restartsReportAndGiveUpPastTheIntensity() async throws {
        let h = OTPHarness()
        let (first, second, down) = try await h.runtime.run { p in
            _ = try await Self.startSupervisor(p, "sup", flags: Self.flags("one_for_one", intensity: 1),
                                               specs: [Self.counterSpec("a")])
            let sup = p.runtime.whereis(Atom("sup"))
            let first = try await Self.childPid(p, "a")
            guard let first, let sup else { return (Term.nil, Term.nil, Term.nil) }
            let mref = p.monitor(sup)
            try await Self.kill(p, first, "boom")
            _ = try await p.call("supervisor", "count_children", atom("sup"))
            guard let second = try await Self.childPid(p, "a") else { return (Term.pid(first), Term.nil, Term.nil) }
            try await Self.kill(p, second, "boom")
            let down = try await p.receive { m -> Term? in
                guard case .tuple(let e) = m, e.count == 5, e[1] == .ref(mref) else { return nil }
                return e[4]
            }
            return (Term.pid(first), Term.pid(second), down ?? .nil)
        }
        #expect(first != second)
        #expect(down == atom("shutdown"))
        func report(_ pid: Term, _ context: String, _ reason: String) -> String {
            """
            =SUPERVISOR REPORT==== T ===
                supervisor: {local,sup}
                errorContext: \(context)
                reason: \(reason)
                offender: [{pid,\(text(pid))},
                           {id,a},
                           {mfargs,{gen_server,start_link,[tc,0,[]]}},
                           {restart_type,permanent},
                           {significant,false},
                           {shutdown,5000},
                           {child_type,worker}]


            """
        }
        #expect(h.output.text == report(first, "child_terminated", "boom") + report(second, "child_terminated", "boom")
                + report(second, "shutdown", "reached_max_restart_intensity"))
    }

    @Test(arguments: [(6000, true), (5000, false)])
    func restartsOlderThanThePeriodDoNotCount(_ gap: Int64, _ survives: Bool) async throws {
        let h = OTPHarness()
        async let alive = h.runtime.run { p in
            _ = try await Self.startSupervisor(p, "sup", flags: Self.flags("one_for_one", intensity: 1, period: 5),
                                               specs: [Self.counterSpec("a")])
            for _ in 0..<3 {
                // Every step sets the timer the test advances, even once the supervisor is gone.
                if let child = try? await Self.childPid(p, "a") { try await Self.kill(p, child, "boom") }
                _ = try await p.catching("supervisor", "count_children", atom("sup"))
                _ = try await p.receive(timeout: .milliseconds(gap)) { _ -> Term? in nil }
            }
            return p.runtime.whereis(Atom("sup")) != nil
        }
        for _ in 0..<3 {
            await h.waitForTimer()
            h.clock.advance(by: gap)
        }
        #expect(try await alive == survives)
    }

    @Test(arguments: [("one_for_all", ["a", "b", "c"]), ("rest_for_one", ["b", "c"]), ("one_for_one", ["b"])])
    func strategiesRestartTheRightChildren(_ strategy: String, _ restarted: [String]) async throws {
        let h = OTPHarness()
        let changed = try await h.runtime.run { p in
            _ = try await Self.startSupervisor(p, "sup", flags: Self.flags(strategy, intensity: 5),
                                               specs: ["a", "b", "c"].map { Self.counterSpec($0) })
            let before = try await Self.childPids(p, ["a", "b", "c"])
            guard let b = before[1] else { return [String]() }
            try await Self.kill(p, b, "boom")
            _ = try await p.call("supervisor", "count_children", atom("sup"))
            let after = try await Self.childPids(p, ["a", "b", "c"])
            return zip(["a", "b", "c"], zip(before, after)).filter { $0.1.0 != $0.1.1 }.map(\.0)
        }
        #expect(changed == restarted)
    }

    @Test func shutdownTimeoutKillsAfterTheClockPasses() async throws {
        let h = OTPHarness()
        h.runtime.modules.load(Self.stubborn)
        async let result = h.runtime.run { p in
            let spec = Term.map(ErlangMap().updating(atom("id"), to: atom("z")).updating(atom("shutdown"), to: .int(50))
                .updating(atom("start"), to: tuple(atom("stub"), atom("start_link"), .nil)))
            _ = try await Self.startSupervisor(p, "sup", flags: Self.flags("one_for_one"), specs: [spec])
            return try await p.call("supervisor", "terminate_child", atom("sup"), atom("z"))
        }
        await h.waitForTimer()
        #expect(!h.output.text.contains("shutdown_error"))
        h.clock.advance(by: 50)
        #expect(try await result == .ok)
        #expect(h.output.text.contains("    errorContext: shutdown_error\n    reason: killed\n"))
    }

    @Test func childAPI() async throws {
        let h = OTPHarness()
        let answers = try await h.runtime.run { p in
            _ = try await Self.startSupervisor(p, "sup", flags: Self.flags("one_for_one"), specs: [Self.counterSpec("a")])
            let sup = atom("sup")
            return [
                try await p.call("supervisor", "restart_child", sup, atom("a")),
                try await p.call("supervisor", "delete_child", sup, atom("a")),
                try await p.call("supervisor", "terminate_child", sup, atom("a")),
                try await p.call("supervisor", "restart_child", sup, atom("a")).tupleElements?.first ?? .nil,
                try await p.call("supervisor", "terminate_child", sup, atom("a")),
                try await p.call("supervisor", "delete_child", sup, atom("a")),
                try await p.call("supervisor", "terminate_child", sup, atom("a")),
                try await p.call("supervisor", "start_child", sup, Self.counterSpec("t", [("restart", atom("temporary"))]))
                    .tupleElements?.first ?? .nil,
                try await p.call("supervisor", "terminate_child", sup, atom("t")),
                try await p.call("supervisor", "get_childspec", sup, atom("t")),
                try await p.call("supervisor", "start_child", sup, .map(ErlangMap().updating(atom("id"), to: atom("g")))),
                try await p.call("supervisor", "check_childspecs", list(atom("foo"))),
            ]
        }
        let notFound = tuple(atom("error"), atom("not_found"))
        #expect(answers == [tuple(atom("error"), atom("running")), tuple(atom("error"), atom("running")), .ok, .ok, .ok,
                            .ok, notFound, .ok, .ok, notFound, tuple(atom("error"), atom("missing_start")),
                            tuple(atom("error"), tuple(atom("invalid_child_spec"), atom("foo")))])
        #expect(h.output.text == "")
    }

    @Test func simpleOneForOneStartsChildrenWithExtraArguments() async throws {
        let h = OTPHarness()
        let template = Term.map(ErlangMap().updating(atom("id"), to: atom("w"))
            .updating(atom("start"), to: tuple(atom("gen_server"), atom("start_link"), list(atom("tc")))))
        let (answers, children, restarted) = try await h.runtime.run { p in
            _ = try await Self.startSupervisor(p, "sup", flags: Self.flags("simple_one_for_one", intensity: 5),
                                               specs: [template])
            let sup = atom("sup")
            let first = try await p.call("supervisor", "start_child", sup, list(.int(7), .nil))
            let second = try await p.call("supervisor", "start_child", sup, list(.int(8), .nil))
            guard case .pid(let a)? = first.tupleElements?[1], case .pid(let b)? = second.tupleElements?[1] else {
                return ([Term](), Term.nil, Term.nil)
            }
            let answers = [
                try await p.call("gen_server", "call", .pid(b), atom("value")),
                try await p.call("supervisor", "terminate_child", sup, atom("w")),
                try await p.call("supervisor", "terminate_child", sup, .pid(a)),
                try await p.call("supervisor", "count_children", sup),
            ]
            try await Self.kill(p, b, "boom")
            let children = try await p.call("supervisor", "which_children", sup)
            guard case .pid(let c)? = children.listElements?.first?.tupleElements?[1] else { return (answers, children, Term.nil) }
            return (answers, children, try await p.call("gen_server", "call", .pid(c), atom("value")))
        }
        #expect(answers == [.int(8), tuple(atom("error"), atom("simple_one_for_one")), .ok,
                            list(tuple(atom("specs"), .int(1)), tuple(atom("active"), .int(1)),
                                 tuple(atom("supervisors"), .int(0)), tuple(atom("workers"), .int(1)))])
        #expect(children.listElements?.count == 1)
        #expect(restarted == .int(8))
        #expect(h.output.text.contains("    offender: [{pid,"))
        #expect(h.output.text.contains("{mfargs,{gen_server,start_link,[tc,8,[]]}},"))
    }

    @Test func statusNamesTheCallbackModuleAndInitialCall() async throws {
        let h = OTPHarness()
        let status = try await h.runtime.run { p in
            _ = try await Self.startSupervisor(p, "sup", flags: Self.flags("one_for_one"), specs: [])
            return try await p.call("sys", "get_status", atom("sup"))
        }
        let shown = text(status)
        #expect(shown.contains("{'$initial_call',{supervisor,raw,1}}"))
        #expect(shown.contains("{supervisor,[{\(text(.string("Callback"))),raw}]}"))
        #expect(shown.contains("{data,[{\(text(.string("State"))),{state,{local,sup},one_for_one,{[],#{}},undefined,1,5,[],0,never,raw,"))
    }

    /// Sends `exit(pid, reason)` and waits for the process's `'DOWN'`:
    /// its `'EXIT'` is then already in the supervisor's mailbox, ahead of
    /// the test's next call.
    static func kill(_ p: ErlangProcess, _ pid: Pid, _ reason: String) async throws {
        let ref = p.monitor(pid)
        try p.sendExitSignal(to: pid, reason: atom(reason))
        _ = try await p.receive { m -> Term? in
            guard case .tuple(let e) = m, e.count == 5, e[1] == .ref(ref) else { return nil }
            return e[4]
        }
    }

    /// The pid of child `id` of `sup`, from `which_children/1`.
    static func childPid(_ p: ErlangProcess, _ id: String) async throws -> Pid? {
        let children = try await p.call("supervisor", "which_children", atom("sup"))
        for child in children.listElements ?? [] {
            if case .tuple(let e) = child, e[0] == atom(id), case .pid(let pid) = e[1] { return pid }
        }
        return nil
    }

    /// The pids of children `ids` of `sup`.
    static func childPids(_ p: ErlangProcess, _ ids: [String]) async throws -> [Pid?] {
        var pids: [Pid?] = []
        for id in ids { pids.append(try await childPid(p, id)) }
        return pids
    }
}
