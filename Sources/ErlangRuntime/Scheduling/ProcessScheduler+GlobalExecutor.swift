import CSwiftConcurrencyHooks
import Synchronization

/// The scheduler as the process's global executor: every job the Swift
/// runtime would give its default (Dispatch) pool comes here instead, and
/// processes start as plain tasks, without a task executor preference.
///
/// Why: with a preference, each hop a nonisolated async function makes
/// back to "the generic executor" (one after nearly every call of an
/// async closure, which is how the evaluator runs compiled code) makes the
/// runtime look the preference up under the task's status-record lock:
/// about a fifth of a `!`/`receive` round trip. As the global executor the
/// hop finds itself already on the generic executor and costs nothing.
///
/// It is opt-in and process-wide, so the `swerl` executable turns it on
/// and a library user's program keeps its own global executor (processes
/// then run here through task executor preference, as before).
extension ProcessScheduler {
    private typealias OriginalEnqueue = @convention(thin) (UnownedJob) -> Void
    private typealias EnqueueHook = @convention(thin) (UnownedJob, OriginalEnqueue) -> Void

    /// Whether `shared` has become the global executor.
    static let sharedIsGlobal = Atomic<Bool>(false)

    /// Makes `ProcessScheduler.shared` the global executor of this process
    /// (once; later calls do nothing). Call it before starting any runtime.
    public static func installSharedAsGlobalExecutor() {
        guard sharedIsGlobal.compareExchange(expected: false, desired: true, ordering: .sequentiallyConsistent).exchanged
        else { return }
        let hook: EnqueueHook = { job, _ in
            ProcessScheduler.shared.enqueue(QueuedJob(job: job, isGlobal: true))
        }
        swerl_enqueue_global_hook_slot().pointee = unsafeBitCast(hook, to: UnsafeMutableRawPointer.self)
    }

    /// Whether this scheduler runs the process's global executor jobs, so a
    /// new process needs no executor preference to run here.
    var isGlobalExecutor: Bool {
        self === ProcessScheduler.shared && ProcessScheduler.sharedIsGlobal.load(ordering: .relaxed)
    }
}

/// A job waiting in a worker's queue, and how it must run: a job the
/// runtime meant for the global executor runs on the generic executor; a
/// job of a task that prefers this scheduler runs on it as task executor;
/// a yielded process is resumed (its task then queues its own job).
enum QueuedJob {
    case job(UnownedJob, isGlobal: Bool)
    case resume(UnsafeContinuation<Void, Never>)

    /// A job for `job`, run as `isGlobal` says.
    init(job: UnownedJob, isGlobal: Bool) { self = .job(job, isGlobal: isGlobal) }

    /// The generic executor (the runtime's "no particular executor"): an
    /// `UnownedSerialExecutor` whose two words are zero.
    private static let generic = unsafeBitCast((UInt(0), UInt(0)), to: UnownedSerialExecutor.self)

    /// Runs the job on this thread until it suspends or ends.
    func run(on taskExecutor: UnownedTaskExecutor) {
        switch self {
        case .job(let job, isGlobal: true): job.runSynchronously(on: QueuedJob.generic)
        case .job(let job, isGlobal: false): job.runSynchronously(on: taskExecutor)
        case .resume(let continuation): continuation.resume()
        }
    }
}
