import Synchronization

/// A cancellable timer made by a `RuntimeClock`.
public protocol TimerHandle: Sendable {
    /// Cancels the timer; returns `false` when it already fired or was cancelled.
    @discardableResult func cancel() -> Bool
}

/// The runtime's source of time. The shell uses `SystemClock`; tests use
/// `ManualClock` and advance it, so no test sleeps to wait for a timer.
public protocol RuntimeClock: Sendable {
    /// Milliseconds since an arbitrary fixed origin (monotonic).
    func nowMilliseconds() -> Int64
    /// Runs `action` once, `milliseconds` from now (at once for <= 0).
    func schedule(after milliseconds: Int64, _ action: @escaping @Sendable () -> Void) -> any TimerHandle
}

/// A timer's fired/cancelled state, shared by both clocks.
final class TimerState: TimerHandle {
    private let done = Atomic<Bool>(false)

    /// Claims the timer for firing; `false` when it was cancelled already.
    func claim() -> Bool {
        done.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
    }

    @discardableResult func cancel() -> Bool { claim() }
}

/// Real time, from the system's monotonic clock.
public struct SystemClock: RuntimeClock {
    /// The system clock.
    public init() {}

    /// Milliseconds on the monotonic clock.
    public func nowMilliseconds() -> Int64 {
        let now = ContinuousClock.now.duration(to: SystemClock.origin)
        return -(now.components.seconds * 1000 + now.components.attoseconds / 1_000_000_000_000_000)
    }

    private static let origin = ContinuousClock.now

    /// Sleeps in a task, then runs `action` unless the timer was cancelled.
    public func schedule(after milliseconds: Int64, _ action: @escaping @Sendable () -> Void) -> any TimerHandle {
        let state = TimerState()
        Task.detached {
            if milliseconds > 0 { try? await Task.sleep(for: .milliseconds(milliseconds)) }
            if state.claim() { action() }
        }
        return state
    }
}

/// A clock that only moves when told to: `advance(by:)` fires every timer
/// that falls due, in deadline order.
public final class ManualClock: RuntimeClock {
    private struct Pending {
        let deadline: Int64
        let sequence: Int
        let state: TimerState
        let action: @Sendable () -> Void
    }

    private struct State {
        var now: Int64 = 0
        var sequence = 0
        var pending: [Pending] = []
    }

    private let state = Mutex(State())

    /// A manual clock at time 0.
    public init() {}

    /// The current manual time.
    public func nowMilliseconds() -> Int64 { state.withLock { $0.now } }

    /// Queues `action` for `now + milliseconds`.
    public func schedule(after milliseconds: Int64, _ action: @escaping @Sendable () -> Void) -> any TimerHandle {
        let timer = TimerState()
        state.withLock { s in
            s.sequence += 1
            s.pending.append(Pending(deadline: s.now + max(0, milliseconds), sequence: s.sequence, state: timer, action: action))
        }
        return timer
    }

    /// Moves time forward and fires the timers that fall due, earliest first.
    public func advance(by milliseconds: Int64) {
        let target = state.withLock { $0.now + milliseconds }
        while true {
            let next: Pending? = state.withLock { s in
                guard let index = s.pending.indices.min(by: {
                    (s.pending[$0].deadline, s.pending[$0].sequence) < (s.pending[$1].deadline, s.pending[$1].sequence)
                }), s.pending[index].deadline <= target else {
                    s.now = target
                    return nil
                }
                let due = s.pending.remove(at: index)
                s.now = due.deadline
                return due
            }
            guard let due = next else { return }
            if due.state.claim() { due.action() }
        }
    }

    /// The number of timers not yet fired or cancelled-and-fired.
    public var pendingCount: Int { state.withLock { $0.pending.count } }
}
