import Synchronization

/// Real time, from the system's monotonic clock.
public struct SystemClock: RuntimeClock {
    /// The system clock, with its own timer thread (started at the first timer).
    public init() {}

    private static let origin = ContinuousClock.now

    /// Milliseconds on the monotonic clock.
    public func nowMilliseconds() -> Int64 { nowMicroseconds() / 1000 }

    /// Microseconds on the monotonic clock.
    public func nowMicroseconds() -> Int64 {
        let elapsed = SystemClock.origin.duration(to: ContinuousClock.now).components
        return elapsed.seconds &* 1_000_000 &+ elapsed.attoseconds / 1_000_000_000_000
    }

    /// The thread that runs this clock's timers.
    private let timers = TimerService()

    /// Runs `action` on the clock's timer thread after `milliseconds`,
    /// unless the timer is cancelled first.
    public func schedule(after milliseconds: Int64, _ action: @escaping @Sendable () -> Void) -> any TimerHandle {
        timers.schedule(after: milliseconds, action)
    }

    /// A timer on the clock's timer thread that starts and stops without allocating.
    public func makeRestartableTimer(_ fire: @escaping @Sendable (UInt64) -> Void) -> any RestartableTimer {
        timers.makeRestartableTimer(fire)
    }
}
