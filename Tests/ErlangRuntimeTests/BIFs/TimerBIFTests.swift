import ErlangRuntime
import ErlangTerms
import Testing

/// `erlang:send_after`, `start_timer`, `cancel_timer`, `read_timer`, and
/// the `timer` module, on a manual clock.
@Suite struct TimerBIFTests {
    @Test func sendAfterAndStartTimerDeliverWhenDue() async throws {
        let clock = ManualClock()
        let runtime = makeStdlibRuntime(clock: clock)
        let p = runtime.spawn { p in
            _ = try await p.erlang("register", atom("me"), .pid(p.pid))
            let t1 = try await p.erlang("send_after", .int(10), .pid(p.pid), atom("one"))
            let t2 = try await p.erlang("start_timer", .int(20), atom("me"), atom("two"))
            _ = try await p.erlang("send_after", .int(30), atom("nobody"), atom("lost"))
            _ = try await p.erlang("send_after", .int(0), .pid(p.pid), atom("zero"), list(tuple(atom("abs"), .false)))
            #expect(try await p.next() == atom("zero"))
            #expect(try await p.next() == atom("one"))
            #expect(try await p.next() == tuple(atom("timeout"), t2, atom("two")))
            #expect(try await p.erlang("read_timer", t1) == .false)
            _ = try await p.next()
        }
        await settle(runtime)
        clock.advance(by: 10)
        await settle(runtime)
        clock.advance(by: 10)
        await settle(runtime)
        clock.advance(by: 10)
        await settle(runtime)
        #expect(p.messageQueueLength == 0)
        runtime.send(atom("stop"), to: p.pid)
        _ = await p.waitForExit()
    }

    @Test func cancelAndReadTimers() async throws {
        let clock = ManualClock()
        let runtime = makeStdlibRuntime(clock: clock)
        let results = try await runtime.run { p in
            let me: Term = .pid(p.pid)
            let t1 = try await p.erlang("send_after", .int(1000), me, atom("x"))
            let t2 = try await p.erlang("start_timer", .int(100_000), me, atom("y"))
            let t3 = try await p.erlang("start_timer", .int(500), me, atom("z"))
            clock.advance(by: 250)
            return [
                try await p.erlang("read_timer", t1),
                try await p.erlang("cancel_timer", t1),
                try await p.erlang("cancel_timer", t1),
                try await p.erlang("read_timer", t1),
                try await p.erlang("cancel_timer", t2, list(tuple(atom("async"), .true))),
                try await p.erlang("cancel_timer", t3, list(tuple(atom("info"), .false))),
                try await p.erlang("read_timer", t3, list(tuple(atom("async"), .true))),
                .list(p.queuedMessages),
                t2, t3,
            ]
        }
        #expect(Array(results[0...6]) == [.int(750), .int(750), .false, .false, .ok, .ok, .ok])
        #expect(results[7] == list(tuple(atom("cancel_timer"), results[8], .int(99_750)),
                                   tuple(atom("read_timer"), results[9], .false)))
    }

    @Test func timerSleepWaitsForTheClock() async throws {
        let clock = ManualClock()
        let runtime = makeStdlibRuntime(clock: clock)
        let p = runtime.spawn { p in
            runtime.send(atom("kept"), to: p.pid)
            let slept = try await p.call("timer", "sleep", .int(50))
            #expect(slept == .ok)
            #expect(p.queuedMessages == [atom("kept")])
        }
        await settle(runtime)
        clock.advance(by: 49)
        await settle(runtime)
        #expect(p.isAlive)
        clock.advance(by: 1)
        #expect(await p.waitForExit() == atom("normal"))
    }

    @Test func timerSleepRejectsBadTimeouts() async throws {
        let runtime = makeStdlibRuntime()
        let errors = try await runtime.run { p in
            [await raised { try await p.call("timer", "sleep", .int(-1)) },
             await raised { try await p.call("timer", "sleep", atom("a")) }]
        }
        let frame = tuple(atom("timer"), atom("sleep"), .int(1),
                          list(tuple(atom("file"), .string("timer.erl")), tuple(atom("line"), .int(219))))
        for e in errors {
            #expect(e?.reason == atom("timeout_value"))
            #expect(e?.stacktrace == [frame])
        }
    }

    @Test func timerTcMeasuresOnTheRuntimeClock() async throws {
        let clock = ManualClock()
        let runtime = makeStdlibRuntime(clock: clock)
        let slow: Term = .fun(Fun(kind: .local(module: Atom("test"), index: 0, uniq: 0, body: NativeFunBody { _, _ in
            clock.advance(by: 7)
            return .int(42)
        }), arity: 0, identity: 1))
        let results = try await runtime.run { p in
            [try await p.call("timer", "tc", slow),
             try await p.call("timer", "tc", atom("lists"), atom("reverse"), list(list(.int(1), .int(2))))]
        }
        #expect(results[0] == tuple(.int(7000), .int(42)))
        #expect(results[1] == tuple(.int(0), list(.int(2), .int(1))))
    }

    @Test func timerTcErrors() async throws {
        let runtime = makeStdlibRuntime()
        let errors = try await runtime.run { p in
            [await raised { try await p.call("timer", "tc", atom("a")) },
             await raised { try await p.call("timer", "tc", atom("a"), atom("b"), atom("c")) }]
        }
        let tc1 = tuple(atom("timer"), atom("tc"), .int(1),
                        list(tuple(atom("file"), .string("timer.erl")), tuple(atom("line"), .int(235))))
        let tc3 = tuple(atom("timer"), atom("tc"), .int(3),
                        list(tuple(atom("file"), .string("timer.erl")), tuple(atom("line"), .int(266))))
        #expect(errors[0]?.reason == tuple(atom("badfun"), atom("a")))
        #expect(errors[0]?.stacktrace == [tc1, tc1])
        #expect(errors[1]?.reason == atom("badarg"))
        #expect(errors[1]?.stacktrace == [tuple(atom("erlang"), atom("apply"), list(atom("a"), atom("b"), atom("c")), .nil), tc3])
    }

    @Test func timerSendAfterApplyAfterAndCancel() async throws {
        let clock = ManualClock()
        let runtime = makeStdlibRuntime(clock: clock)
        let p = runtime.spawn { p in
            let me: Term = .pid(p.pid)
            _ = try await p.erlang("register", atom("me"), me)
            let local = try await p.call("timer", "send_after", .int(10), atom("local"))
            let named = try await p.call("timer", "send_after", .int(20), atom("me"), atom("named"))
            let instant = try await p.call("timer", "send_after", .int(0), me, atom("instant"))
            let applied = try await p.call("timer", "apply_after", .int(30), atom("erlang"), atom("send"),
                                           list(me, atom("applied")))
            let cancelled = try await p.call("timer", "send_after", .int(5), atom("never"))
            #expect(local.tupleElements?[1].tupleElements?[0] == atom("send_local"))
            #expect(named.tupleElements?[1].tupleElements?[0] == atom("once"))
            #expect(instant.tupleElements?[1].tupleElements?[0] == atom("instant"))
            #expect(applied.tupleElements?[1].tupleElements?[0] == atom("once"))
            guard let ref = cancelled.tupleElements?[1] else { return }
            #expect(try await p.call("timer", "cancel", ref) == tuple(.ok, atom("cancel")))
            #expect(try await p.call("timer", "cancel", ref) == tuple(.ok, atom("cancel")))
            #expect(try await p.call("timer", "cancel", atom("a")) == tuple(atom("error"), atom("badarg")))
            #expect(try await p.call("timer", "send_after", .int(-1), atom("x")) == tuple(atom("error"), atom("badarg")))
            #expect(try await p.call("timer", "send_after", .int(1), .int(1), atom("x")) == tuple(atom("error"), atom("badarg")))
            #expect(try await p.call("timer", "apply_after", .int(1), .int(1), atom("f"), .nil) == tuple(atom("error"), atom("badarg")))
            for expected in ["instant", "local", "named", "applied"] {
                #expect(try await p.next() == atom(expected))
            }
        }
        await settle(runtime)
        for _ in 0..<3 {
            clock.advance(by: 10)
            await settle(runtime)
        }
        #expect(await p.waitForExit() == atom("normal"))
    }

    @Test func timerUnits() async throws {
        let runtime = makeStdlibRuntime()
        let (values, error) = try await runtime.run { p in
            ([try await p.call("timer", "seconds", .int(2)),
              try await p.call("timer", "minutes", .int(2)),
              try await p.call("timer", "hours", .int(2)),
              try await p.call("timer", "seconds", .float(1.5))],
             await raised { try await p.call("timer", "minutes", atom("a")) })
        }
        #expect(values == [.int(2000), .int(120_000), .int(7_200_000), .float(1500)])
        #expect(error?.reason == atom("badarith"))
        #expect(error?.stacktrace == [
            tuple(atom("erlang"), atom("*"), list(atom("a"), .int(60_000)), list(tuple(atom("error_info"), .map([(atom("module"), atom("erl_erts_errors"))])))),
            tuple(atom("timer"), atom("minutes"), .int(1),
                  list(tuple(atom("file"), .string("timer.erl")), tuple(atom("line"), .int(295)))),
        ])
    }
}
