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
}
