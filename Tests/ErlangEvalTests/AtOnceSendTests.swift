import ErlangEval
import ErlangRuntime
import ErlangTerms
import Testing

/// `Dest ! Msg` directly followed by a `receive` first tries to send at
/// once (`ErlangProcess.sendAtOnce`): an interpreted receive loop idling
/// without a task runs its turn for the message on the sender's thread
/// (`ModuleFunction.turnAtOnce`) when nothing in that turn can suspend.
/// A try that answers `false` must have done nothing: the send is then
/// made in full.
@Suite struct AtOnceSendTests {
    static let source = """
    -module(turns).
    -export([echo/0, counter/1, picky/0, napper/0, crasher/0]).
    echo() -> receive {From, Msg} -> From ! Msg, echo() end.
    counter(N) -> receive {From, get} -> From ! {count, N}, counter(N + 1) end.
    picky() -> receive {only, From} -> From ! yes, picky() end.
    napper() -> receive {From, Msg} -> timer:sleep(1), From ! Msg, napper() end.
    crasher() -> receive {From, Msg} -> From ! Msg, crasher() end.
    """

    /// Spawns `turns:function(args)` and lets it idle.
    func spawned(_ h: ModuleHarness, _ function: String, _ args: [Term] = []) async throws -> ErlangProcess {
        let pid = try await h.call("erlang", "spawn", [.atom("turns"), .atom(Atom(function)), .list(args)]).get()
        guard case .pid(let p) = pid, let process = h.runtime.process(p) else { throw ErlangException.error(pid) }
        await h.settle()
        return process
    }

    /// Sends `message(self())` at once to `receiver`, then reports
    /// `{Sent, MailboxOfTheSender, MailboxOfTheReceiver}`.
    func sendAtOnce(_ h: ModuleHarness, to receiver: ErlangProcess, _ message: @escaping @Sendable (Term) -> Term) async -> String {
        await h.inProcess { process -> Term in
            let sent = try process.sendAtOnce(message(.pid(process.pid)), to: .pid(receiver.pid))
            return .tuple([.atom(sent ? "true" : "false"), .list(process.queuedMessages),
                           .int(receiver.messageQueueLength)])
        }.text
    }

    @Test func anIdleLoopTakesTheMessageAtOnceAndIdlesAgain() async throws {
        let h = ModuleHarness()
        h.compile(Self.source, file: "turns.erl")
        let echo = try await spawned(h, "echo")
        #expect(echo.isWaitingWithoutTask)
        #expect(await sendAtOnce(h, to: echo) { .tuple([$0, .atom("hi")]) } == "{true,[hi],0}")
        #expect(echo.isWaitingWithoutTask)
    }

    @Test func aLoopKeepsItsStateFromTurnToTurn() async throws {
        let h = ModuleHarness()
        h.compile(Self.source, file: "turns.erl")
        let counter = try await spawned(h, "counter", [.int(5)])
        #expect(await sendAtOnce(h, to: counter) { .tuple([$0, .atom("get")]) } == "{true,[{count,5}],0}")
        #expect(await sendAtOnce(h, to: counter) { .tuple([$0, .atom("get")]) } == "{true,[{count,6}],0}")
    }

    @Test func aMessageNoBranchTakesIsLeftToTheFullSend() async throws {
        let h = ModuleHarness()
        h.compile(Self.source, file: "turns.erl")
        let picky = try await spawned(h, "picky")
        #expect(await sendAtOnce(h, to: picky) { .tuple([$0, .atom("other")]) } == "{false,[],0}")
        #expect(picky.isWaitingWithoutTask)
    }

    @Test func aTurnThatMaySuspendIsNotTried() async throws {
        let h = ModuleHarness()
        h.compile(Self.source, file: "turns.erl")
        let napper = try await spawned(h, "napper")
        #expect(await sendAtOnce(h, to: napper) { .tuple([$0, .atom("hi")]) } == "{false,[],0}")
    }

    @Test func aTurnThatRaisesEndsTheReceiverInFull() async throws {
        let h = ModuleHarness()
        h.compile(Self.source, file: "turns.erl")
        let crasher = try await spawned(h, "crasher")
        let outcome = await h.inProcess { process -> Term in
            do {
                _ = try process.sendAtOnce(.tuple([.atom("nobody_by_this_name"), .atom("hi")]), to: .pid(crasher.pid))
                return .atom("no_failure")
            } catch let unfinished as UnfinishedAtOnce {
                return try await unfinished.finish()
            }
        }
        #expect(outcome.text == "{nobody_by_this_name,hi}")
        let reason = await crasher.waitForExit()
        #expect(TermWriter.write(reason).hasPrefix("{badarg,[{erlang,send,[nobody_by_this_name,hi],"), "\(reason)")
    }

    /// The shell's round trip, in full and at once, as erl 25 answers it.
    @Test func aRoundTripInAFunGivesWhatErlGives() async throws {
        let h = ModuleHarness()
        h.compile(Self.source, file: "turns.erl")
        let counter = try await spawned(h, "counter", [.int(0)])
        let answers = await h.inProcess { process -> Term in
            let me = Term.pid(process.pid)
            var replies: [Term] = []
            for _ in 0..<3 {
                _ = try await process.sendAwaitingAnswer(.tuple([me, .atom("get")]), to: .pid(counter.pid))
                replies.append(try await process.receive { $0 } ?? .nil)
            }
            return .list(replies)
        }
        #expect(answers.text == "[{count,0},{count,1},{count,2}]")
    }
}
