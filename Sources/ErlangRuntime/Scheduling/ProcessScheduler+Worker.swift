#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DequeModule
import ErlangTerms
import Synchronization

/// The thread-local slot holding the worker that runs on the current thread.
private let currentWorkerKey: pthread_key_t = {
    var key = pthread_key_t()
    pthread_key_create(&key, nil)
    return key
}()

extension ProcessScheduler {
    /// One worker thread of a `ProcessScheduler`: a FIFO queue of jobs (the
    /// slices of process tasks), run one after another; asleep on a
    /// semaphore when there is nothing to run or steal.
    ///
    /// Going to sleep without missing a wake-up: the worker first marks
    /// itself sleeping, then looks at the queues once more; a waker pushes
    /// first, then claims the sleeping mark (only one waker wins it) and
    /// posts the semaphore. If the worker finds work on the second look and
    /// takes its mark back itself, nobody posts; if a waker took it first,
    /// the worker consumes that post before going on.
    final class Worker: @unchecked Sendable {
        // @unchecked: `queue` is a `Lock`, `sleeping` an atomic,
        // `semaphore` a POSIX semaphore (thread-safe by definition), and
        // `scheduler` is set once, before the thread starts.
        let index: Int
        private let queue = Lock(Deque<QueuedJob>())
        private let sleeping = Atomic<Bool>(false)
        private let semaphore: UnsafeMutablePointer<sem_t>
        // Strong: a scheduler and its threads live for ever (they never stop).
        private(set) var scheduler: ProcessScheduler?

        init(index: Int) {
            self.index = index
            semaphore = .allocate(capacity: 1)
            sem_init(semaphore, 0, 0)
        }

        /// The worker running on the calling thread, if any.
        static var current: Worker? {
            guard let raw = pthread_getspecific(currentWorkerKey) else { return nil }
            return Unmanaged<Worker>.fromOpaque(raw).takeUnretainedValue()
        }

        /// Whether the worker is asleep (or about to be).
        var isSleeping: Bool { sleeping.load(ordering: .relaxed) }

        /// Appends `job`; returns how many jobs now wait in this queue.
        func push(_ job: QueuedJob) -> Int {
            queue.withLock { q in
                q.append(job)
                return q.count
            }
        }

        /// The oldest waiting job.
        func pop() -> QueuedJob? { queue.withLock { $0.popFirst() } }

        /// Removes and returns the older half of the queue (at least one
        /// job when there is any), for a thief.
        func takeHalf() -> [QueuedJob] {
            queue.withLock { q in
                let n = (q.count + 1) / 2
                guard n > 0 else { return [] }
                let taken = Array(q.prefix(n))
                q.removeFirst(n)
                return taken
            }
        }

        /// Takes the sleeping mark for a waker; `false` if the worker is awake.
        func claimWakeUp() -> Bool {
            sleeping.compareExchange(expected: true, desired: false, ordering: .sequentiallyConsistent).exchanged
        }

        /// Wakes the worker's thread from `sem_wait`.
        func post() { sem_post(semaphore) }

        private func waitForPost() {
            while sem_wait(semaphore) != 0 && errno == EINTR {}
        }

        /// The worker thread's stack: reserved, and only resident as far as
        /// it is used. Freeing a term releases nested tuples recursively
        /// (a tuple's elements are a Swift array, which frees its elements
        /// itself), about 150 bytes of stack per level: 1 GiB frees tuples
        /// nested millions deep, where the default 8 MiB crashed at tens of
        /// thousands. (Lists and maps release iteratively at any depth.)
        static let stackBytes = 1 << 30

        /// Starts the thread (once).
        func start(in scheduler: ProcessScheduler) {
            self.scheduler = scheduler
            var thread = pthread_t()
            let argument = Unmanaged.passRetained(self).toOpaque()
            var attributes = pthread_attr_t()
            pthread_attr_init(&attributes)
            defer { pthread_attr_destroy(&attributes) }
            pthread_attr_setstacksize(&attributes, Worker.stackBytes)
            let status = pthread_create(&thread, &attributes, { raw in
                guard let raw else { return nil }
                let worker = Unmanaged<Worker>.fromOpaque(raw).takeRetainedValue()
                pthread_setspecific(currentWorkerKey, raw)
                worker.run()
                return nil
            }, argument)
            precondition(status == 0, "cannot start a scheduler thread")
            pthread_detach(thread)
        }

        /// The thread's loop: run, steal, or sleep; for ever.
        private func run() {
            guard let scheduler else { return }
            let executor = scheduler.asUnownedTaskExecutor()
            while true {
                if let job = pop() ?? scheduler.steal(for: self) {
                    job.run(on: executor)
                    continue
                }
                sleeping.store(true, ordering: .sequentiallyConsistent)
                scheduler.sleepers.add(1, ordering: .sequentiallyConsistent)
                if let job = pop() ?? scheduler.steal(for: self) {
                    if claimWakeUp() {
                        scheduler.sleepers.subtract(1, ordering: .sequentiallyConsistent)
                    } else {
                        waitForPost()
                    }
                    job.run(on: executor)
                    continue
                }
                awaitWakeUp()
            }
        }

        /// Waits for a waker's post, having marked the worker sleeping:
        /// first a short while on this core (some microseconds), watching
        /// the mark, then on the semaphore. A waker that comes within that
        /// while (a sender waking the process this worker just ran) finds
        /// the thread still running, and its post is taken without a trip
        /// through the kernel's sleep and wake-up. BEAM's schedulers spin
        /// the same way before they sleep. Measured on a stream of a
        /// million casts in this VM's slow mode: about 700 context
        /// switches → 50, 410 → 330 ns a cast; calls, round trips and
        /// starts unchanged.
        private func awaitWakeUp() {
            var spins = 0
            while spins < Worker.spinsBeforeSleep, sleeping.load(ordering: .relaxed) { spins += 1 }
            waitForPost()
        }

        /// How long `awaitWakeUp` watches the mark: loads of a line that
        /// stays in this core's cache until a waker writes it.
        static let spinsBeforeSleep = 20_000
    }
}
