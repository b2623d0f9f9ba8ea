import ErlangRuntime
import ErlangTerms
import Testing

/// The activity monitor (quiet detection) and the runtime's timer service.
@Suite struct ActivityAndTimerTests {
    @Test func quietWaitsForEveryProcessToWait() async throws {
        let runtime = makeRuntime()
        let recorder = Recorder()
        let ps = (0..<20).map { i in
            runtime.spawn { p in
                for k in 0..<1000 { try await p.tick(); _ = k }
                recorder.record(.int(i))
                _ = try await p.next()
            }
        }
        #expect(await runtime.activity.waitUntilQuiet(limitMilliseconds: 10_000))
        #expect(recorder.all.count == 20)
        #expect(runtime.activity.activeCount == 0)
        for p in ps { runtime.send(atom("stop"), to: p.pid) }
        for p in ps { _ = await p.waitForExit() }
    }

    @Test func quietGivesUpAtItsLimit() async throws {
        let runtime = makeRuntime()
        let busy = runtime.spawn { p in while true { try await p.tick() } }
        #expect(await runtime.activity.waitUntilQuiet(limitMilliseconds: 20) == false)
        runtime.sendExitSignal(from: outsider, to: busy.pid, reason: atom("kill"))
        _ = await busy.waitForExit()
        #expect(await runtime.activity.waitUntilQuiet(limitMilliseconds: 10_000))
    }

    @Test func aShortLimitEndsWhileALongerWaitGoesOn() async throws {
        let runtime = makeRuntime()
        let busy = runtime.spawn { p in while true { try await p.tick() } }
        let long = Task { await runtime.activity.waitUntilQuiet(limitMilliseconds: 600_000) }
        for _ in 0..<100 { await Task.yield() }
        let clock = ContinuousClock()
        let start = clock.now
        #expect(await runtime.activity.waitUntilQuiet(limitMilliseconds: 20) == false)
        #expect(clock.now - start < .seconds(60))
        runtime.sendExitSignal(from: outsider, to: busy.pid, reason: atom("kill"))
        _ = await busy.waitForExit()
        #expect(await long.value)
    }

    @Test func timersFireInOrderAndCanBeReadAndCancelled() async throws {
        let clock = ManualClock()
        let runtime = makeRuntime(clock: clock)
        let recorder = Recorder()
        let a = runtime.startTimer(after: 30) { _ in recorder.record(atom("a")) }
        let b = runtime.startTimer(after: 10) { _ in recorder.record(atom("b")) }
        let c = runtime.startTimer(after: 20) { _ in recorder.record(atom("c")) }
        _ = runtime.startTimer(after: 0) { _ in recorder.record(atom("now")) }
        #expect(recorder.all == [atom("now")])
        clock.advance(by: 5)
        #expect(runtime.readTimer(b) == 5)
        #expect(runtime.cancelTimer(c) == 15)
        #expect(runtime.cancelTimer(c) == nil)
        clock.advance(by: 25)
        #expect(recorder.all == [atom("now"), atom("b"), atom("a")])
        #expect(runtime.readTimer(a) == nil)
        #expect(runtime.pendingTimerCount == 0)
    }

    @Test func aTimerForAProcessEndsWithIt() async throws {
        let clock = ManualClock()
        let runtime = makeRuntime(clock: clock)
        let p = runtime.spawn { _ in }
        let t = runtime.startTimer(after: 100, for: p.pid) { _ in }
        _ = await p.waitForExit()
        #expect(runtime.readTimer(t) == nil)
    }
}
