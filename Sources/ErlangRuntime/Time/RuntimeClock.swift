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
}

extension RuntimeClock {
    /// Microseconds, from the milliseconds (clocks without finer resolution).
    public func nowMicroseconds() -> Int64 { nowMilliseconds() &* 1000 }
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
