import ErlangTerms
import Synchronization

/// A cancellable timer made by a `RuntimeClock`.
public protocol TimerHandle: AnyObject, Sendable {
    /// Cancels the timer; returns `false` when it already fired or was cancelled.
    @discardableResult func cancel() -> Bool
}

/// The runtime's source of time. The shell uses `SystemClock`; tests use
/// `ManualClock` and advance it, so no test sleeps to wait for a timer.
///
/// Split: `SystemClock` and `ManualClock` each have their own file.
public protocol RuntimeClock: Sendable {
    /// Milliseconds since an arbitrary fixed origin (monotonic).
    func nowMilliseconds() -> Int64
    /// Microseconds since the same origin (monotonic), for `timer:tc/1`.
    func nowMicroseconds() -> Int64
    /// Runs `action` once, `milliseconds` from now (soon for <= 0), on
    /// some other task or thread, unless the timer is cancelled first.
    func schedule(after milliseconds: Int64, _ action: @escaping @Sendable () -> Void) -> any TimerHandle
    /// A timer that can be started many times, calling `fire` with the
    /// generation it was started with. A process keeps one for all its
    /// timed receives, so a `gen_server:call` (whose 5 s timeout is almost
    /// always stopped long before it is due) allocates nothing for it.
    func makeRestartableTimer(_ fire: @escaping @Sendable (UInt64) -> Void) -> any RestartableTimer
}

/// A timer made once and started many times (see
/// `RuntimeClock.makeRestartableTimer`). Starting it again replaces the
/// pending deadline; a firing that races with a restart still reports its
/// old generation, so the owner can tell it is stale.
public protocol RestartableTimer: AnyObject, Sendable {
    /// Fires `fire(generation)` after `milliseconds`, replacing any pending deadline.
    func start(after milliseconds: Int64, generation: UInt64)
    /// Stops the pending deadline, if any.
    func stop()
}

extension RuntimeClock {
    /// Microseconds, from the milliseconds (clocks without finer resolution).
    public func nowMicroseconds() -> Int64 { nowMilliseconds() &* 1000 }

    /// A restartable timer built on `schedule`: each start schedules a
    /// one-shot timer (fine for clocks that are not on a hot path).
    public func makeRestartableTimer(_ fire: @escaping @Sendable (UInt64) -> Void) -> any RestartableTimer {
        OneShotRestartableTimer(clock: self, fire: fire)
    }
}

/// `RestartableTimer` on top of one-shot timers.
final class OneShotRestartableTimer: RestartableTimer {
    private let clock: any RuntimeClock
    private let fire: @Sendable (UInt64) -> Void
    private let pending = Lock<(any TimerHandle)?>(nil)

    init(clock: any RuntimeClock, fire: @escaping @Sendable (UInt64) -> Void) {
        self.clock = clock
        self.fire = fire
    }

    func start(after milliseconds: Int64, generation: UInt64) {
        let fire = self.fire
        let timer = clock.schedule(after: milliseconds) { fire(generation) }
        pending.withLock { p -> (any TimerHandle)? in
            defer { p = timer }
            return p
        }?.cancel()
    }

    func stop() {
        pending.withLock { p -> (any TimerHandle)? in
            defer { p = nil }
            return p
        }?.cancel()
    }
}

/// A timer's fired-or-cancelled state, shared by both clocks: whichever of
/// firing and cancelling claims it first wins.
final class TimerState: TimerHandle {
    private let done = Atomic<Bool>(false)

    /// Claims the timer for firing; `false` when it was cancelled already.
    func claim() -> Bool {
        done.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
    }

    /// Whether the timer has fired or been cancelled.
    var isDone: Bool { done.load(ordering: .acquiring) }

    @discardableResult func cancel() -> Bool { claim() }
}
