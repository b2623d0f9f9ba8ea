import ErlangTerms
import Synchronization

/// Counts the processes that can run right now, so the shell can wait until
/// the runtime is quiet before printing its next prompt (DESIGN: "output
/// settles"). A process is active from spawn until it waits or exits, and
/// again from the moment something wakes it.
///
/// The count is one atomic (the hot path: every wait and wake-up); waiters
/// in `waitUntilQuiet` sleep on continuations that the step to zero
/// resumes. A second atomic, the number of such waiters, lets `sleep()`
/// skip the lock when nobody waits: the waiter registers and then reads the
/// count, `sleep()` writes the count and then reads the waiters, both
/// sequentially consistent, so at least one of them sees the other.
public final class ActivityMonitor: Sendable {
    private let active = Atomic<Int>(0)
    private let waiterCount = Atomic<Int>(0)

    private struct Waiter {
        let continuation: UnsafeContinuation<Bool, Never>
        var deadline: Task<Void, Never>?
    }

    private struct Waiters {
        var next: UInt64 = 0
        var pending: [UInt64: Waiter] = [:]
    }

    private let waiters = Lock(Waiters())

    /// A monitor with nothing active.
    public init() {}

    /// A process became runnable (spawned, or woken from a wait).
    public func wake() { active.add(1, ordering: .sequentiallyConsistent) }

    /// A process stopped being runnable (it waits, or exited).
    public func sleep() {
        let now = active.subtract(1, ordering: .sequentiallyConsistent).newValue
        if now <= 0, waiterCount.load(ordering: .sequentiallyConsistent) > 0 { resumeAll(quiet: true) }
    }

    /// The number of runnable processes.
    public var activeCount: Int { active.load(ordering: .sequentiallyConsistent) }

    /// Waits until no process is runnable, or `limitMilliseconds` has passed
    /// on the system clock. Returns whether the runtime became quiet.
    @discardableResult
    public func waitUntilQuiet(limitMilliseconds: Int) async -> Bool {
        if activeCount <= 0 { return true }
        return await withTSanAwareContinuation { (continuation: UnsafeContinuation<Bool, Never>) in
            let id: UInt64? = waiters.withLock { w in
                waiterCount.add(1, ordering: .sequentiallyConsistent)
                if active.load(ordering: .sequentiallyConsistent) <= 0 {
                    waiterCount.subtract(1, ordering: .sequentiallyConsistent)
                    return nil
                }
                w.next += 1
                w.pending[w.next] = Waiter(continuation: continuation, deadline: nil)
                return w.next
            }
            guard let id else {
                continuation.resume(returning: true)
                return
            }
            let deadline = Task.detached { [weak self] in
                try? await Task.sleep(for: .milliseconds(limitMilliseconds))
                if !Task.isCancelled { self?.resume(id, quiet: false) }
            }
            let stillWaiting = waiters.withLock { w -> Bool in
                guard w.pending[id] != nil else { return false }
                w.pending[id]?.deadline = deadline
                return true
            }
            if !stillWaiting { deadline.cancel() }
        }
    }

    /// Resumes every waiter, if the runtime is still quiet.
    private func resumeAll(quiet: Bool) {
        let resumed: [Waiter] = waiters.withLock { w in
            guard active.load(ordering: .sequentiallyConsistent) <= 0 else { return [] }
            let all = Array(w.pending.values)
            w.pending = [:]
            waiterCount.subtract(all.count, ordering: .sequentiallyConsistent)
            return all
        }
        for waiter in resumed {
            waiter.deadline?.cancel()
            waiter.continuation.resume(returning: quiet)
        }
    }

    /// Resumes the waiter `id` (its time limit passed).
    private func resume(_ id: UInt64, quiet: Bool) {
        let waiter: Waiter? = waiters.withLock { w in
            guard let waiter = w.pending.removeValue(forKey: id) else { return nil }
            waiterCount.subtract(1, ordering: .sequentiallyConsistent)
            return waiter
        }
        waiter?.continuation.resume(returning: quiet)
    }
}
