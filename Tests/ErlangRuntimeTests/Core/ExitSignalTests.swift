import ErlangRuntime
import ErlangTerms
import Testing

/// Exit signals sent with `exit(Pid, Reason)`, with and without trap_exit.
@Suite struct ExitSignalTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let reason: Term
        let trapping: Bool
        let fromItself: Bool
        /// The exit reason, or `nil` when the process must survive.
        let dies: Term?
        /// The message a surviving process gets.
        let message: Bool
        var testDescription: String { "exit(\(fromItself ? "self()" : "P"), \(reason)) trapping=\(trapping)" }
    }

    static let cases: [Case] = [
        Case(reason: atom("normal"), trapping: false, fromItself: false, dies: nil, message: false),
        Case(reason: atom("normal"), trapping: false, fromItself: true, dies: atom("normal"), message: false),
        Case(reason: atom("boom"), trapping: false, fromItself: false, dies: atom("boom"), message: false),
        Case(reason: atom("kill"), trapping: false, fromItself: false, dies: atom("killed"), message: false),
        Case(reason: atom("kill"), trapping: true, fromItself: false, dies: atom("killed"), message: false),
        Case(reason: atom("kill"), trapping: true, fromItself: true, dies: atom("killed"), message: false),
        Case(reason: atom("boom"), trapping: true, fromItself: false, dies: nil, message: true),
        Case(reason: atom("normal"), trapping: true, fromItself: false, dies: nil, message: true),
        Case(reason: atom("normal"), trapping: true, fromItself: true, dies: nil, message: true),
    ]

    @Test(arguments: cases)
    func exitSignal(_ c: Case) async throws {
        let runtime = makeRuntime()
        let recorder = Recorder()
        let p = runtime.spawn { p in
            p.trapExit = c.trapping
            _ = try await p.receive { $0 == atom("go") ? true : nil }
            if c.fromItself { try p.sendExitSignal(to: p.pid, reason: c.reason) }
            recorder.record(try await p.next(timeout: .milliseconds(0)) ?? atom("none"))
        }
        await settle(runtime)
        if !c.fromItself { runtime.sendExitSignal(from: outsider, to: p.pid, reason: c.reason) }
        runtime.send(atom("go"), to: p.pid)
        let reason = await p.waitForExit()
        if let dies = c.dies {
            #expect(reason == dies)
            #expect(recorder.all.isEmpty)
        } else {
            #expect(reason == atom("normal"))
            let sender: Pid = c.fromItself ? p.pid : outsider
            #expect(recorder.all == [c.message ? tuple(atom("EXIT"), .pid(sender), c.reason) : atom("none")])
        }
    }

    @Test func trappedSignalsQueueBehindEarlierMessages() async throws {
        let runtime = makeRuntime()
        let got = try await runtime.run { me in
            me.trapExit = true
            runtime.send(atom("first"), to: me.pid)
            runtime.sendExitSignal(from: outsider, to: me.pid, reason: atom("why"))
            runtime.send(atom("last"), to: me.pid)
            return me.queuedMessages
        }
        #expect(got == [atom("first"), tuple(atom("EXIT"), .pid(outsider), atom("why")), atom("last")])
    }

    @Test func aBusyProcessIsKilledWithinAReductionSlice() async throws {
        let runtime = makeRuntime()
        let busy = runtime.spawn { p in
            while true { try await p.tick() }
        }
        runtime.sendExitSignal(from: outsider, to: busy.pid, reason: atom("kill"))
        #expect(await busy.waitForExit() == atom("killed"))
        #expect(runtime.process(busy.pid) == nil)
    }

    @Test func anEndlessLoopDoesNotStarveOtherProcesses() async throws {
        let runtime = makeRuntime()
        // More spinning processes than threads in the pool: without yields
        // they would keep every thread.
        let spinners = (0..<8).map { _ in runtime.spawn { p in while true { try await p.tick() } } }
        let sum = try await runtime.run { p in
            var total = 0
            for i in 0..<10_000 {
                try await p.tick()
                total += i
            }
            return total
        }
        #expect(sum == 49_995_000)
        for s in spinners { runtime.sendExitSignal(from: outsider, to: s.pid, reason: atom("kill")) }
        for s in spinners { #expect(await s.waitForExit() == atom("killed")) }
    }

    @Test func aSignalThatKillsWinsOverABodyThatReturnsWithoutChecking() async throws {
        let runtime = makeRuntime()
        let p = runtime.spawn { p in
            _ = try await p.receive { $0 == atom("go") ? true : nil }
            runtime.sendExitSignal(from: outsider, to: p.pid, reason: atom("late"))
        }
        runtime.send(atom("go"), to: p.pid)
        #expect(await p.waitForExit() == atom("late"))
    }

    @Test func exitReasonsOfUncaughtExceptions() {
        let stack: [Term] = [tuple(atom("m"), atom("f"), .int(0), .nil)]
        #expect(Runtime.exitReason(of: ErlangException(.exit, atom("r"), stacktrace: stack)) == atom("r"))
        #expect(Runtime.exitReason(of: ErlangException(.error, atom("r"), stacktrace: stack))
                == tuple(atom("r"), .list(stack)))
        #expect(Runtime.exitReason(of: ErlangException(.throw, atom("r"), stacktrace: stack))
                == tuple(tuple(atom("nocatch"), atom("r")), .list(stack)))
    }
}
