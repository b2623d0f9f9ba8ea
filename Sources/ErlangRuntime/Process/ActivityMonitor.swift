import Synchronization

/// Counts the processes that can run right now, so the shell can wait until
/// the runtime is quiet before printing its next prompt (DESIGN: "output
/// settles"). A process is active from spawn until it waits or exits.
public final class ActivityMonitor: Sendable {
    private let active = Atomic<Int>(0)

    /// A monitor with nothing active.
    public init() {}

    /// A process became runnable (spawned, or woken from a wait).
    public func wake() { active.add(1, ordering: .relaxed) }

    /// A process stopped being runnable (it waits, or exited).
    public func sleep() { active.subtract(1, ordering: .relaxed) }

    /// The number of runnable processes.
    public var activeCount: Int { active.load(ordering: .relaxed) }

    /// Waits until no process is runnable, or `limitMilliseconds` has passed
    /// on the system clock. Returns whether the runtime became quiet.
    @discardableResult
    public func waitUntilQuiet(limitMilliseconds: Int) async -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(limitMilliseconds)
        var pause = 50 // microseconds
        while activeCount > 0 {
            if ContinuousClock.now >= deadline { return false }
            try? await Task.sleep(for: .microseconds(pause))
            pause = min(pause * 2, 2000)
        }
        return true
    }
}
