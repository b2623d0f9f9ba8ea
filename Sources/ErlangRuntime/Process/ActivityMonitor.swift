import ErlangTerms
import Synchronization

/// Counts the processes that can run right now, so the shell can wait until
/// the runtime is quiet before printing its next prompt (DESIGN: "output
/// settles"). A process is active from spawn until it waits or exits, and
/// again from the moment something wakes it.
///
/// The count is one atomic (the hot path: every wait and wake-up); waiters
/// in `waitUntilQuiet` sleep on continuations that the step to zero (to
/// one, for a process that waits for the others) resumes. A second atomic, the number of such waiters, lets `sleep()`
/// skip the lock when nobody waits: the waiter registers and then reads the
/// count, `sleep()` writes the count and then reads the waiters, both
/// sequentially consistent, so at least one of them sees the other.
///
/// Time limits: one deadline task serves every waiter. A waiter starts one
/// only when none is armed for its deadline or earlier; the task sleeps
/// until then, resumes the waiters whose time is up, sleeps until the next
/// deadline, and ends when no waiter is left (or a newer task armed for an
/// earlier time took over). So the usual wait, ended by the runtime going
/// quiet within the deadline of a previous one, starts no task and arms no
/// timer of its own.
public final class ActivityMonitor: Sendable {
    private let active = Atomic<Int>(0)
    private let waiterCount = Atomic<Int>(0)

    private struct Waiter {
        let continuation: UnsafeContinuation<Bool, Never>
        let deadline: ContinuousClock.Instant
        /// The count that is quiet for this waiter: 1 when the waiter is a
        /// process itself (it stays active while it waits), else 0.
        let quietCount: Int
    }

    private struct Waiters {
        /// The waiting callers, oldest first (usually one: the shell). An
        /// array, not a dictionary: the prompt after every command takes
        /// the one waiter out, and hashing cost more than the rest of it.
        var pending: [Waiter] = []
        /// When the deadline task looks at the waiters next, and which task
        /// that is (a task whose token is no longer here ends).
        var armed: (until: ContinuousClock.Instant, token: UInt64)?
        var nextToken: UInt64 = 0
    }

    private let waiters = Lock(Waiters())

    /// A monitor with nothing active.
    public init() {}

    /// A process became runnable (spawned, or woken from a wait).
    public func wake() { active.add(1, ordering: .sequentiallyConsistent) }

    /// A process stopped being runnable (it waits, or exited).
    public func sleep() {
        let now = active.subtract(1, ordering: .sequentiallyConsistent).newValue
        if now <= 1, waiterCount.load(ordering: .sequentiallyConsistent) > 0 { resumeAll() }
    }

    /// The number of runnable processes.
    public var activeCount: Int { active.load(ordering: .sequentiallyConsistent) }

    /// Waits until no process is runnable, or `limitMilliseconds` has passed
    /// on the system clock. Returns whether the runtime became quiet.
    /// `byProcess`: the caller is a process (which counts as runnable while
    /// it waits here), so it waits until it is the only one.
    ///
    /// The caller sleeps on a continuation rather than yielding in a loop:
    /// a process it has just woken (the shell's `gen_server:cast`) then has
    /// the worker thread to itself, and nothing is queued behind it that
    /// would make the scheduler wake another thread.
    @discardableResult
    public func waitUntilQuiet(limitMilliseconds: Int, byProcess: Bool = false) async -> Bool {
        let quietCount = byProcess ? 1 : 0
        if activeCount <= quietCount { return true }
        let deadline = ContinuousClock.now + .milliseconds(limitMilliseconds)
        return await withTSanAwareContinuation { (continuation: UnsafeContinuation<Bool, Never>) in
            let (registered, newTask) = waiters.withLock { w -> (Bool, UInt64?) in
                waiterCount.add(1, ordering: .sequentiallyConsistent)
                if active.load(ordering: .sequentiallyConsistent) <= quietCount {
                    waiterCount.subtract(1, ordering: .sequentiallyConsistent)
                    return (false, nil)
                }
                w.pending.append(Waiter(continuation: continuation, deadline: deadline, quietCount: quietCount))
                if let armed = w.armed, armed.until <= deadline { return (true, nil) }
                w.nextToken += 1
                w.armed = (deadline, w.nextToken)
                return (true, w.nextToken)
            }
            guard registered else {
                continuation.resume(returning: true)
                return
            }
            if let token = newTask {
                Task.detached { [self] in await self.serveDeadlines(from: deadline, token: token) }
            }
        }
    }

    /// The deadline task: sleeps until `until`, resumes the waiters whose
    /// time is up, and goes on with the next deadline while it is the armed
    /// task and waiters are left.
    private func serveDeadlines(from until: ContinuousClock.Instant, token: UInt64) async {
        var until = until
        while true {
            try? await Task.sleep(until: until, clock: .continuous)
            let (expired, next) = waiters.withLock { w -> ([Waiter], ContinuousClock.Instant?) in
                let now = ContinuousClock.now
                let expired = Self.take(from: &w.pending) { $0.deadline <= now }
                waiterCount.subtract(expired.count, ordering: .sequentiallyConsistent)
                guard w.armed?.token == token else { return (expired, nil) }
                guard let next = w.pending.map(\.deadline).min() else {
                    w.armed = nil
                    return (expired, nil)
                }
                w.armed = (next, token)
                return (expired, next)
            }
            for waiter in expired { waiter.continuation.resume(returning: false) }
            guard let next else { return }
            until = next
        }
    }

    /// Resumes every waiter for which the runtime is (still) quiet.
    private func resumeAll() {
        let resumed: [Waiter] = waiters.withLock { w in
            let now = active.load(ordering: .sequentiallyConsistent)
            let quiet = Self.take(from: &w.pending) { now <= $0.quietCount }
            waiterCount.subtract(quiet.count, ordering: .sequentiallyConsistent)
            return quiet
        }
        for waiter in resumed { waiter.continuation.resume(returning: true) }
    }

    /// Removes the waiters that satisfy `isDone` from `pending`, keeping
    /// the others in order, and returns them.
    private static func take(from pending: inout [Waiter], where isDone: (Waiter) -> Bool) -> [Waiter] {
        var taken: [Waiter] = []
        pending.removeAll { waiter in
            guard isDone(waiter) else { return false }
            taken.append(waiter)
            return true
        }
        return taken
    }
}
