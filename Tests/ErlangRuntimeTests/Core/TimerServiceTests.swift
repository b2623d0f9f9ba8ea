import ErlangTerms
import Testing
@testable import ErlangRuntime

/// The system clock's timer heap: cancelled timers leave it at once, and
/// the rest still fire in deadline order. Deadlines are hours away (or
/// already due), so nothing here waits for time to pass.
@Suite struct TimerServiceTests {
    @Test func cancellingRemovesTimersFromTheHeapAtOnce() {
        let service = TimerService()
        let timers = (0..<1_000).map { i in service.schedule(after: 3_600_000 + Int64(i % 17) * 1000) {} }
        for (i, timer) in timers.enumerated() where i % 3 != 0 { #expect(timer.cancel()) }
        #expect(service.pendingCount == 334)
        for (i, timer) in timers.enumerated() where i % 3 == 0 { #expect(timer.cancel()) }
        #expect(service.pendingCount == 0)
        #expect(!timers[0].cancel())
    }

    @Test func dueTimersFireInOrderPastTimersCancelledInTheMiddle() async {
        let service = TimerService()
        let far = (0..<100).map { i in service.schedule(after: 3_600_000 + Int64(i)) {} }
        for (i, timer) in far.enumerated() where i % 2 == 1 { timer.cancel() }
        let fired = Lock<[Int]>([])
        let order: [Int] = await withCheckedContinuation { done in
            for i in 0..<25 {
                service.schedule(after: 0) {
                    let all = fired.withLock { f -> [Int]? in
                        f.append(i)
                        return f.count == 25 ? f : nil
                    }
                    if let all { done.resume(returning: all) }
                }
            }
        }
        #expect(order == Array(0..<25))
        #expect(service.pendingCount == 50)
        for timer in far { timer.cancel() }
        #expect(service.pendingCount == 0)
    }

    @Test func aRestartableTimerMovesInTheHeapAndReportsItsGeneration() async {
        let service = TimerService()
        let fired = Lock<[UInt64]>([])
        let generation: UInt64 = await withCheckedContinuation { done in
            let timer = service.makeRestartableTimer { generation in
                fired.withLock { $0.append(generation) }
                done.resume(returning: generation)
            }
            timer.start(after: 3_600_000, generation: 1)
            #expect(service.pendingCount == 1)
            timer.stop()
            #expect(service.pendingCount == 0)
            timer.start(after: 3_600_000, generation: 2)
            timer.start(after: 0, generation: 3)
        }
        #expect(generation == 3)
        #expect(fired.withLock { $0 } == [3])
        #expect(service.pendingCount == 0)
    }

    @Test func theManualClocksRestartableTimerFiresOnlyItsLastStart() {
        let clock = ManualClock()
        let fired = Lock<[UInt64]>([])
        let timer = clock.makeRestartableTimer { generation in fired.withLock { $0.append(generation) } }
        timer.start(after: 10, generation: 1)
        timer.start(after: 20, generation: 2)
        clock.advance(by: 15)
        #expect(fired.withLock { $0 }.isEmpty)
        clock.advance(by: 10)
        #expect(fired.withLock { $0 } == [2])
        timer.start(after: 5, generation: 3)
        timer.stop()
        clock.advance(by: 10)
        #expect(fired.withLock { $0 } == [2])
        #expect(clock.pendingCount == 0)
    }
}

/// A restartable timer moves in the heap only when it must: a later
/// restart or a stop leaves its entry where it is, and the timer thread's
/// step (`fireDue`, driven here by hand on a service without a thread)
/// drops a stopped entry and puts a restarted one back at its new deadline.
@Suite struct LazyRestartableTimerTests {
    let hour: Int64 = 3_600_000
    let nanosPerMilli: UInt64 = 1_000_000

    @Test func aLaterRestartOrAStopLeavesTheEntryInPlace() {
        let service = TimerService(runsThread: false)
        let timer = service.makeRestartableTimer { _ in }
        timer.start(after: hour, generation: 1)
        timer.start(after: 2 * hour, generation: 2)
        #expect(service.heapCount == 1)
        #expect(service.pendingCount == 1)
        timer.stop()
        #expect(service.heapCount == 1)
        #expect(service.pendingCount == 0)
    }

    @Test func anEntryDueEarlyGoesBackAtItsNewDeadline() {
        let service = TimerService(runsThread: false)
        let fired = Lock<[UInt64]>([])
        let timer = service.makeRestartableTimer { generation in fired.withLock { $0.append(generation) } }
        let start = TimerService.now()
        timer.start(after: 10, generation: 1)
        timer.start(after: hour, generation: 2)
        service.fireDue(now: start + 20 * nanosPerMilli)
        #expect(fired.withLock { $0 }.isEmpty)
        #expect(service.heapCount == 1)
        service.fireDue(now: start + UInt64(hour + 20) * nanosPerMilli)
        #expect(fired.withLock { $0 } == [2])
        #expect(service.heapCount == 0)
    }

    @Test func aStoppedEntryIsDroppedWhenItComesUp() {
        let service = TimerService(runsThread: false)
        let fired = Lock<[UInt64]>([])
        let timer = service.makeRestartableTimer { generation in fired.withLock { $0.append(generation) } }
        let start = TimerService.now()
        timer.start(after: 10, generation: 1)
        timer.stop()
        service.fireDue(now: start + UInt64(hour) * nanosPerMilli)
        #expect(fired.withLock { $0 }.isEmpty)
        #expect(service.heapCount == 0)
    }

    @Test func anEarlierRestartMovesTheEntryAndFiresOnce() {
        let service = TimerService(runsThread: false)
        let fired = Lock<[UInt64]>([])
        let timer = service.makeRestartableTimer { generation in fired.withLock { $0.append(generation) } }
        let start = TimerService.now()
        timer.start(after: hour, generation: 1)
        timer.start(after: 10, generation: 2)
        service.fireDue(now: start + 20 * nanosPerMilli)
        #expect(fired.withLock { $0 } == [2])
        #expect(service.heapCount == 0)
        service.fireDue(now: start + UInt64(2 * hour) * nanosPerMilli)
        #expect(fired.withLock { $0 } == [2])
    }
}
