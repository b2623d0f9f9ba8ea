import Foundation
import Synchronization

/// Fails the run when one case takes too long (a hang is a finding too):
/// a plain thread, outside Swift's task pool, checks that the case number
/// moves and prints the case's input when it does not.
final class Watchdog: Sendable {
    private let progress = Atomic<Int>(0)

    /// Starts watching: a case may take at most `limit` seconds.
    init(limit: Double, describe: @escaping @Sendable () -> String) {
        let thread = Thread { [self] in
            var last = -1
            while true {
                Thread.sleep(forTimeInterval: limit)
                let now = self.progress.load(ordering: .relaxed)
                if now == last {
                    print("*** one case ran for more than \(limit) s:\n\(describe())")
                    exit(1)
                }
                last = now
            }
        }
        thread.start()
    }

    /// Marks the start of a new case.
    func tick() { progress.add(1, ordering: .relaxed) }
}
