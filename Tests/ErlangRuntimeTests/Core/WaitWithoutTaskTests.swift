import ErlangRuntime
import ErlangTerms
import Testing

/// A process that gives up its task while idle stays alive, and whatever
/// wakes it (a message, an exit signal, a `'DOWN'`) runs its code on in a
/// new task, with nothing lost.
@Suite struct WaitWithoutTaskTests {
    /// Takes one message per task: records it, then gives the task up
    /// (or goes on at once when more messages wait), until `stop`.
    final class Collector: FunBody, @unchecked Sendable {
        let recorder: Recorder
        init(_ recorder: Recorder) { self.recorder = recorder }

        override func call(_ process: ErlangProcess, _ args: [Term]) async throws -> Term {
            while true {
                try process.waitWithoutTask(resumingWith: self)
                let message = try await process.next()!
                recorder.record(message)
                if message == atom("stop") { return .ok }
            }
        }
    }

    @Test func messagesWakeTheProcessInOrderAndNoneIsLost() async throws {
        let runtime = makeRuntime()
        let recorder = Recorder()
        let p = runtime.spawn(code: .fun(Collector(recorder)))
        await settle(runtime)
        #expect(p.isWaitingWithoutTask)
        #expect(p.isAlive)
        #expect(p.status(seenBy: nil) == .waiting)
        runtime.send(atom("one"), to: p.pid)
        await settle(runtime)
        #expect(p.isWaitingWithoutTask)
        // A burst: the process finds messages waiting and keeps its task.
        let burst = (0..<1000).map { Term.int($0) }
        for message in burst { runtime.send(message, to: p.pid) }
        runtime.send(atom("stop"), to: p.pid)
        #expect(await p.waitForExit() == atom("normal"))
        #expect(recorder.all == [atom("one")] + burst + [atom("stop")])
    }

    @Test func anExitSignalEndsAProcessWaitingWithoutATask() async throws {
        let runtime = makeRuntime()
        let p = runtime.spawn(code: .fun(Collector(Recorder())))
        await settle(runtime)
        #expect(p.isWaitingWithoutTask)
        runtime.sendExitSignal(from: outsider, to: p.pid, reason: atom("kill"))
        #expect(await p.waitForExit() == atom("killed"))
    }

    @Test func aDownMessageWakesIt() async throws {
        let runtime = makeRuntime()
        let recorder = Recorder()
        let watched = runtime.spawn(ErlangProcess.waitForAMessage)
        let watcher = runtime.spawn(code: .fun(Collector(recorder)))
        await settle(runtime)
        // Taken on the watcher's behalf: it has no task to take it itself.
        let ref = watcher.monitor(watched.pid)
        #expect(watcher.isWaitingWithoutTask)
        runtime.send(atom("go"), to: watched.pid)
        #expect(await watched.waitForExit() == atom("normal"))
        await settle(runtime)
        #expect(recorder.all == [tuple(atom("DOWN"), .ref(ref), atom("process"), .pid(watched.pid), atom("normal"))])
        runtime.send(atom("stop"), to: watcher.pid)
        #expect(await watcher.waitForExit() == atom("normal"))
    }

    @Test func waitingMessagesKeepTheTask() async throws {
        let runtime = makeRuntime()
        let kept = try await runtime.run { me in
            runtime.send(atom("early"), to: me.pid)
            try me.waitWithoutTask(resumingWith: FunBody())
            return try await me.next()
        }
        #expect(kept == atom("early"))
    }
}
