import ErlangRuntime
import ErlangTerms
import Testing

/// `timer:send_interval/2,3`, `apply_interval/4`, `exit_after`, `kill_after`
/// and `hms/3`, on a manual clock (results recorded from erl 25).
@Suite struct TimerIntervalTests {
    @Test func sendIntervalRepeatsUntilCancelled() async throws {
        let clock = ManualClock()
        let runtime = makeStdlibRuntime(clock: clock)
        let started = Lock<Term?>(nil)
        let p = runtime.spawn { p in
            let interval = try await p.call("timer", "send_interval", .int(30), atom("beat"))
            started.withLock { $0 = interval }
            for _ in 0..<3 { #expect(try await p.next() == atom("beat")) }
            guard let ref = interval.tupleElements?[1] else { return }
            #expect(ref.tupleElements?[0] == atom("interval"))
            #expect(try await p.call("timer", "cancel", ref) == tuple(.ok, atom("cancel")))
            _ = try await p.next()
        }
        await settle(runtime)
        #expect(started.withLock { $0 } != nil)
        clock.advance(by: 100)
        await settle(runtime)
        // Cancelled after the third beat: time passing sends no more.
        clock.advance(by: 1000)
        await settle(runtime)
        #expect(p.messageQueueLength == 0)
        #expect(runtime.pendingTimerCount == 0)
        runtime.send(atom("stop"), to: p.pid)
        _ = await p.waitForExit()
    }

    @Test func anIntervalEndsWithTheProcessItWatches() async throws {
        let clock = ManualClock()
        let runtime = makeStdlibRuntime(clock: clock)
        let target = runtime.spawn { p in while try await p.next() != atom("stop") {} }
        _ = try await runtime.run { p in
            let sent = try await p.call("timer", "send_interval", .int(10), .pid(target.pid), atom("tick"))
            let applied = try await p.call("timer", "apply_interval", .int(10), atom("erlang"), atom("send"),
                                           list(.pid(target.pid), atom("applied")))
            #expect(sent.tupleElements?[0] == .ok)
            #expect(applied.tupleElements?[0] == .ok)
            return Term.ok
        }
        await settle(runtime)
        // The caller of apply_interval has exited, the destination of send_interval has not.
        clock.advance(by: 10)
        await settle(runtime)
        #expect(runtime.pendingTimerCount == 1)
        runtime.send(atom("stop"), to: target.pid)
        _ = await target.waitForExit()
        clock.advance(by: 10)
        await settle(runtime)
        #expect(runtime.pendingTimerCount == 0)
    }

    @Test func exitAndKillAfter() async throws {
        let clock = ManualClock()
        let runtime = makeStdlibRuntime(clock: clock)
        let victim = runtime.spawn { p in _ = try await p.next() }
        let killed = runtime.spawn { p in _ = try await p.next() }
        let results = try await runtime.run { p in
            [try await p.call("timer", "exit_after", .int(10), .pid(victim.pid), atom("bye")),
             try await p.call("timer", "kill_after", .int(20), .pid(killed.pid)),
             try await p.call("timer", "exit_after", atom("a"), atom("r")),
             try await p.call("timer", "kill_after", .int(-1))]
        }
        #expect(results[0].tupleElements?[1].tupleElements?[0] == atom("once"))
        #expect(results[1].tupleElements?[1].tupleElements?[0] == atom("once"))
        #expect(Array(results[2...]) == [tuple(atom("error"), atom("badarg")), tuple(atom("error"), atom("badarg"))])
        clock.advance(by: 10)
        #expect(await victim.waitForExit() == atom("bye"))
        #expect(killed.isAlive)
        clock.advance(by: 10)
        #expect(await killed.waitForExit() == atom("killed"))
    }

    @Test func intervalArgumentsAreChecked() async throws {
        let runtime = makeStdlibRuntime()
        let results = try await runtime.run { p in
            [try await p.call("timer", "send_interval", atom("a"), atom("x")),
             try await p.call("timer", "send_interval", .int(-1), .pid(p.pid), atom("x")),
             try await p.call("timer", "send_interval", .int(10), .int(1), atom("x")),
             try await p.call("timer", "apply_interval", .int(10), atom("io"), atom("format"), atom("a"))]
        }
        #expect(results.allSatisfy { $0 == tuple(atom("error"), atom("badarg")) })
    }

    @Test func hmsAddsTheUnitsWithTheirFrames() async throws {
        let runtime = makeStdlibRuntime()
        let (values, error) = try await runtime.run { p in
            ([try await p.call("timer", "hms", .int(0), .int(1), .int(5)),
              try await p.call("timer", "hms", .float(1.5), .int(2), .int(3))],
             await raised { try await p.call("timer", "hms", .int(1), atom("a"), .int(3)) })
        }
        #expect(values == [.int(65_000), .float(5.523e6)])
        let frame = { (name: String, arity: Int, line: Int) in
            tuple(atom("timer"), atom(name), .int(arity),
                  list(tuple(atom("file"), .string("timer.erl")), tuple(atom("line"), .int(line))))
        }
        #expect(error?.reason == atom("badarith"))
        #expect(error?.stacktrace == [
            tuple(atom("erlang"), atom("*"), list(atom("a"), .int(60_000)), list(tuple(atom("error_info"), .map([(atom("module"), atom("erl_erts_errors"))])))),
            frame("minutes", 1, 295), frame("hms", 3, 309),
        ])
    }
}
