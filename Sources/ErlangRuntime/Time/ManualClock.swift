import ErlangTerms

/// A clock that only moves when told to: `advance(by:)` fires every timer
/// that falls due, in deadline order (ties in the order they were set),
/// on the caller's thread. Tests use it instead of sleeping.
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

    private let state = Lock(State())

    /// A manual clock at time 0.
    public init() {}

    /// The current manual time.
    public func nowMilliseconds() -> Int64 { state.withLock { $0.now } }

    /// Queues `action` for `now + milliseconds`; it runs during a later
    /// `advance(by:)` (even for 0, so nothing fires behind the test's back).
    public func schedule(after milliseconds: Int64, _ action: @escaping @Sendable () -> Void) -> any TimerHandle {
        let timer = TimerState()
        state.withLock { s in
            s.sequence += 1
            s.pending.removeAll { $0.state.isDone }
            s.pending.append(Pending(deadline: s.now &+ max(0, milliseconds), sequence: s.sequence,
                                     state: timer, action: action))
        }
        return timer
    }

    /// Moves time forward and fires the timers that fall due, earliest first.
    public func advance(by milliseconds: Int64) {
        let target = state.withLock { $0.now &+ max(0, milliseconds) }
        while true {
            let next: Pending? = state.withLock { s in
                guard let index = s.pending.indices.min(by: {
                    (s.pending[$0].deadline, s.pending[$0].sequence) < (s.pending[$1].deadline, s.pending[$1].sequence)
                }), s.pending[index].deadline <= target else {
                    s.now = target
                    return nil
                }
                let due = s.pending.remove(at: index)
                s.now = max(s.now, due.deadline)
                return due
            }
            guard let due = next else { return }
            if due.state.claim() { due.action() }
        }
    }

    /// The number of timers neither fired nor cancelled.
    public var pendingCount: Int { state.withLock { $0.pending.filter { !$0.state.isDone }.count } }
}
