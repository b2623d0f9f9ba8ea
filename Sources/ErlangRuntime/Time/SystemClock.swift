import Synchronization

/// Real time, from the system's monotonic clock.
public struct SystemClock: RuntimeClock {
    /// The system clock.
    public init() {}

    private static let origin = ContinuousClock.now

    /// Milliseconds on the monotonic clock.
    public func nowMilliseconds() -> Int64 { nowMicroseconds() / 1000 }

    /// Microseconds on the monotonic clock.
    public func nowMicroseconds() -> Int64 {
        let elapsed = SystemClock.origin.duration(to: ContinuousClock.now).components
        return elapsed.seconds &* 1_000_000 &+ elapsed.attoseconds / 1_000_000_000_000
    }

    /// Sleeps in a task, then runs `action` unless the timer was cancelled.
    /// Cancelling also cancels the sleeping task, so a receive that got its
    /// message leaves no task behind sleeping until the old deadline.
    public func schedule(after milliseconds: Int64, _ action: @escaping @Sendable () -> Void) -> any TimerHandle {
        let timer = SystemTimer()
        let task = Task.detached {
            if milliseconds > 0 { try? await Task.sleep(for: .milliseconds(milliseconds)) }
            if timer.state.claim() { action() }
        }
        timer.attach(task)
        return timer
    }
}

/// A `SystemClock` timer: its state and the task that sleeps for it.
private final class SystemTimer: TimerHandle {
    let state = TimerState()
    private let task = Mutex<Task<Void, Never>?>(nil)

    /// Remembers the sleeping task, cancelling it when the timer was
    /// cancelled before the task was known.
    func attach(_ sleeper: Task<Void, Never>) {
        task.withLock { $0 = sleeper }
        if state.isDone { sleeper.cancel() }
    }

    @discardableResult func cancel() -> Bool {
        guard state.claim() else { return false }
        task.withLock { $0 }?.cancel()
        return true
    }
}
