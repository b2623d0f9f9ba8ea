import ErlangRuntime
import ErlangTerms
import Testing

/// A process whose task waits in `receiveAny()` lending itself
/// (`ErlangProcess.idleReceiveCode`) can be run by
/// another process over that task (`runBorrowed`): the task stays parked
/// while the borrower runs the process, and has the process back after;
/// if the borrowed run ends otherwise (the process exits, or waits
/// without a task), the parked task ends and the process goes on as that
/// run left it.
@Suite struct LentTaskTests {
    /// Records each message with whether a borrowed run took it; `idle`
    /// gives the task up, `crash` ends the process, `stop` returns.
    final class Lender: FunBody, @unchecked Sendable {
        let recorder: Recorder
        init(_ recorder: Recorder) { self.recorder = recorder }

        override func call(_ process: ErlangProcess, _ args: [Term]) async throws -> Term {
            process.lendTaskWhileIdle(to: self)
            while true {
                if process.runsBorrowed, process.mustReleaseBorrowedTask() {
                    try process.releaseBorrowedTask(resumingWith: self)
                }
                let message = try await process.receiveAny() ?? .nil
                recorder.record(tuple(message, .bool(process.runsBorrowed)))
                switch message {
                case atom("stop"): return .ok
                case atom("idle"): try process.waitWithoutTask(resumingWith: self)
                case atom("crash"): throw ProcessExit(reason: atom("crashed"))
                default: break
                }
            }
        }
    }

    @Test func aBorrowerRunsTheProcessOverItsTaskAndGivesItBack() async throws {
        let runtime = makeRuntime()
        let recorder = Recorder()
        let p = runtime.spawn(code: .fun(Lender(recorder)))
        await settle(runtime)
        #expect(!p.isWaitingWithoutTask && p.status(seenBy: nil) == .waiting)
        let borrowed = try await runtime.run { _ in await p.runBorrowed(delivering: atom("one")) }
        #expect(borrowed)
        await settle(runtime)
        // Back with its own task, which takes the next message itself.
        #expect(!p.isWaitingWithoutTask && p.status(seenBy: nil) == .waiting)
        runtime.send(atom("two"), to: p.pid)
        await settle(runtime)
        // Parked again in the same way: lent again.
        let again = try await runtime.run { _ in await p.runBorrowed(delivering: atom("three")) }
        #expect(again)
        runtime.send(atom("stop"), to: p.pid)
        #expect(await p.waitForExit() == atom("normal"))
        #expect(recorder.all == [tuple(atom("one"), .true), tuple(atom("two"), .false),
                                 tuple(atom("three"), .true), tuple(atom("stop"), .false)])
    }

    @Test func anExitInTheBorrowedRunEndsTheParkedTask() async throws {
        let runtime = makeRuntime()
        let recorder = Recorder()
        let p = runtime.spawn(code: .fun(Lender(recorder)))
        await settle(runtime)
        let borrowed = try await runtime.run { _ in await p.runBorrowed(delivering: atom("crash")) }
        #expect(borrowed)
        #expect(await p.waitForExit() == atom("crashed"))
        // The parked task ended quietly: nothing more ran, and nothing waits.
        await settle(runtime)
        #expect(recorder.all == [tuple(atom("crash"), .true)])
    }

    @Test func waitingWithoutATaskEndsTheParkedTask() async throws {
        let runtime = makeRuntime()
        let recorder = Recorder()
        let p = runtime.spawn(code: .fun(Lender(recorder)))
        await settle(runtime)
        let borrowed = try await runtime.run { _ in await p.runBorrowed(delivering: atom("idle")) }
        #expect(borrowed)
        await settle(runtime)
        #expect(p.isWaitingWithoutTask)
        runtime.send(atom("stop"), to: p.pid)
        #expect(await p.waitForExit() == atom("normal"))
        await settle(runtime)
        #expect(recorder.all == [tuple(atom("idle"), .true), tuple(atom("stop"), .false)])
    }

    @Test func anExitSignalWakesTheLendingTask() async throws {
        let runtime = makeRuntime()
        let p = runtime.spawn(code: .fun(Lender(Recorder())))
        await settle(runtime)
        runtime.sendExitSignal(from: outsider, to: p.pid, reason: atom("kill"))
        #expect(await p.waitForExit() == atom("killed"))
        let borrowed = try await runtime.run { _ in await p.runBorrowed(delivering: atom("late")) }
        #expect(!borrowed)
    }
}
