#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DequeModule
import ErlangTerms
import Synchronization

/// The executor every process's task runs on: one worker thread per core,
/// each with its own FIFO run queue. Mirrors BEAM's schedulers (one per
/// core, run queues, work stealing).
///
/// Why not the global concurrent executor: there, a message that wakes a
/// process usually hands the woken task to another thread, and that
/// cross-core hand-off (plus the thread wake-up it needs) dominates a
/// `!`/`receive` round trip. Here a process woken by code running on a
/// worker goes to the end of *that* worker's queue, so a ping-pong pair
/// stays on one core with no system call per message.
///
/// Work spreads the other way round: a worker with two or more jobs
/// waiting wakes one sleeping worker, which steals half of its queue; an
/// idle worker steals before it sleeps. Jobs enqueued from outside (timers,
/// host code) go to a sleeping worker when there is one.
///
/// Split: `Worker` (a thread, its queue and its semaphore) has its own
/// file, `ProcessScheduler+Worker.swift`; running as the global executor
/// (what the `swerl` executable does) is `ProcessScheduler+GlobalExecutor.swift`.
public final class ProcessScheduler: TaskExecutor, @unchecked Sendable {
    // @unchecked: `workers` is immutable after init; each worker's queue
    // sits behind its own `Lock`, and the rest is atomics.

    /// The scheduler the runtimes share: one worker per online core.
    /// (A thread pool, like the global executor: sharing it keeps tests
    /// that make many runtimes from making many threads.)
    public static let shared = ProcessScheduler(workerCount: ProcessScheduler.onlineCores)

    /// The number of online cores (at least 1).
    public static var onlineCores: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    let workers: [Worker]
    /// How many workers are (about to be) asleep.
    let sleepers = Atomic<Int>(0)
    private let nextWorker = Atomic<Int>(0)

    /// A scheduler with `workerCount` worker threads, started at once.
    public init(workerCount: Int) {
        let count = max(1, workerCount)
        var made: [Worker] = []
        for index in 0..<count { made.append(Worker(index: index)) }
        workers = made
        for worker in workers { worker.start(in: self) }
    }

    /// Queues `job`: on the current worker's queue when called from one
    /// of this scheduler's workers, otherwise on a sleeping (or the next)
    /// worker's queue.
    public func enqueue(_ job: consuming ExecutorJob) {
        enqueue(QueuedJob(job: UnownedJob(job), isGlobal: false))
    }

    /// Queues `job` (see `enqueue(_:)`). `sharing`: whether a sleeping
    /// worker may be woken to take some of the current worker's jobs.
    func enqueue(_ job: QueuedJob, sharing: Bool = true) {
        if let current = Worker.current, current.scheduler === self {
            let waiting = current.push(job)
            if sharing, waiting >= 2 {
                atomicMemoryFence(ordering: .sequentiallyConsistent)
                if sleepers.load(ordering: .sequentiallyConsistent) > 0 { wakeOne() }
            }
            return
        }
        let index = nextWorker.add(1, ordering: .relaxed).oldValue % workers.count
        let target = workers.first(where: { $0.isSleeping }) ?? workers[index]
        _ = target.push(job)
        atomicMemoryFence(ordering: .sequentiallyConsistent)
        if !wake(target), sleepers.load(ordering: .sequentiallyConsistent) > 0 { wakeOne() }
    }

    /// Suspends the calling task until the jobs now waiting on the calling
    /// worker's queue have had their turn; `false` (without suspending)
    /// when not called from one of this scheduler's workers.
    ///
    /// Why not `Task.yield()`: on a task without an executor preference it
    /// hands the task to the runtime's default executor (Dispatch's pool),
    /// bypassing the global-executor hook, so every yield left this
    /// scheduler for another thread and woke a worker with a system call
    /// to come back.
    ///
    /// `sharing: false` wakes no sleeping worker to take the jobs ahead:
    /// they then run here, in order, before the caller goes on.
    static func yieldOnCurrentWorker(sharing: Bool = true) async -> Bool {
        guard let worker = Worker.current, let scheduler = worker.scheduler else { return false }
        await withTSanAwareContinuation { continuation in
            scheduler.enqueue(.resume(continuation), sharing: sharing)
        }
        return true
    }

    /// Wakes `worker` if it sleeps; `false` if it was awake.
    @discardableResult
    func wake(_ worker: Worker) -> Bool {
        guard worker.claimWakeUp() else { return false }
        sleepers.subtract(1, ordering: .sequentiallyConsistent)
        worker.post()
        return true
    }

    /// Wakes one sleeping worker, if any.
    func wakeOne() {
        for worker in workers where wake(worker) { return }
    }

    /// Takes a job from another worker's queue for `thief` (half of the
    /// richest queue it finds, so work spreads in few steals).
    func steal(for thief: Worker) -> QueuedJob? {
        for offset in 1..<max(2, workers.count) {
            let victim = workers[(thief.index + offset) % workers.count]
            if victim === thief { continue }
            let taken = victim.takeHalf()
            guard let first = taken.first else { continue }
            for job in taken.dropFirst() { _ = thief.push(job) }
            return first
        }
        return nil
    }
}
