@testable import ErlangRuntime
import ErlangTerms
import Testing

/// A process whose reductions run out yields through its worker's own
/// queue: the jobs waiting there run first, and the process goes on on a
/// worker of the same scheduler.
@Suite struct YieldTests {
    @Test func aSpentSliceLetsTheQueuedProcessRunAndResumesOnAWorker() async throws {
        let scheduler = ProcessScheduler(workerCount: 1)
        let runtime = Runtime(clock: SystemClock(), output: CapturedOutput(), scheduler: scheduler)
        let log = Recorder()
        let other = Lock<ErlangProcess?>(nil)
        let spinner = runtime.spawn { p in
            log.record(atom("spinner_starts"))
            // Spawned from the worker, `other` waits on its queue (one worker).
            other.withLock { $0 = runtime.spawn { _ in log.record(atom("other_runs")) } }
            for _ in 0..<ErlangProcess.reductionBudget { try await p.tick() }
            log.record(atom(ProcessScheduler.Worker.current?.scheduler === scheduler ? "spinner_on_worker" : "spinner_elsewhere"))
        }
        _ = await spinner.waitForExit()
        if let queued = other.withLock({ $0 }) { _ = await queued.waitForExit() }
        #expect(log.all == [atom("spinner_starts"), atom("other_runs"), atom("spinner_on_worker")])
    }

    @Test func yieldingOutsideAWorkerSaysSoWithoutSuspending() async {
        #expect(await ProcessScheduler.yieldOnCurrentWorker() == false)
    }
}
