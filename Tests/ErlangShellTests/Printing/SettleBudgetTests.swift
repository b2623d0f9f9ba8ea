@testable import ErlangShell
import ErlangRuntime
import Testing

/// How long the shell waits for the runtime to settle: the full limit,
/// and a short wait once a wait has run out (a process that never stops
/// running kept every later prompt waiting the full limit), until the
/// runtime has been quiet again. The waits themselves run on the real
/// clock; this checks the budget they are given.
@Suite("Settle budget")
struct SettleBudgetTests {
    @Test func aWaitThatRanOutShortensTheNextUntilQuietAgain() {
        let evaluator = Evaluator(runtime: Runtime(clock: ManualClock(), output: CapturedOutput()),
                                  settleLimitMilliseconds: 2000)
        #expect(evaluator.settleWaitMilliseconds == 2000)
        #expect(evaluator.noteSettled(quiet: false) == false)
        #expect(evaluator.settleWaitMilliseconds == Evaluator.busySettleMilliseconds)
        evaluator.noteSettled(quiet: false)
        #expect(evaluator.settleWaitMilliseconds == Evaluator.busySettleMilliseconds)
        evaluator.noteSettled(quiet: true)
        #expect(evaluator.settleWaitMilliseconds == 2000)
    }

    @Test func aShortLimitStaysShort() {
        let evaluator = Evaluator(runtime: Runtime(clock: ManualClock(), output: CapturedOutput()),
                                  settleLimitMilliseconds: 20)
        evaluator.noteSettled(quiet: false)
        #expect(evaluator.settleWaitMilliseconds == 20)
    }
}
