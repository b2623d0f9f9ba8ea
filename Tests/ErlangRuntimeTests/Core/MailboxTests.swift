import ErlangRuntime
import ErlangTerms
import Testing

/// The mailbox: order, selective receive, receive timeouts on a manual clock.
@Suite struct MailboxTests {
    @Test func messagesArriveInSendOrder() async throws {
        let runtime = makeRuntime()
        let got = try await runtime.run { me in
            for i in 0..<100 { runtime.send(.int(i), to: me.pid) }
            var seen: [Term] = []
            for _ in 0..<100 { seen.append(try await me.next() ?? .nil) }
            return seen
        }
        #expect(got == (0..<100).map { Term.int($0) })
    }

    @Test func selectiveReceiveLeavesOtherMessagesInOrder() async throws {
        let runtime = makeRuntime()
        let (picked, rest) = try await runtime.run { me in
            for t in ["a", "b", "c", "d", "e"] { runtime.send(atom(t), to: me.pid) }
            let picked = try await me.receive { $0 == atom("c") || $0 == atom("e") ? $0 : nil }
            let rest = me.queuedMessages
            return (picked, rest)
        }
        #expect(picked == atom("c"))
        #expect(rest == [atom("a"), atom("b"), atom("d"), atom("e")])
    }

    @Test func selectiveReceiveWaitsForALaterMatch() async throws {
        let runtime = makeRuntime()
        let got = try await runtime.run { me in
            runtime.send(atom("skip1"), to: me.pid)
            let helper = runtime.spawn { h in
                _ = try await h.next()          // go
                runtime.send(atom("skip2"), to: me.pid)
                runtime.send(tuple(atom("reply"), .int(7)), to: me.pid)
            }
            runtime.send(atom("go"), to: helper.pid)
            let value = try await me.receive { m -> Term? in
                guard case .tuple(let e) = m, e.first == atom("reply") else { return nil }
                return e[1]
            }
            return [value ?? .nil] + me.queuedMessages
        }
        #expect(got == [.int(7), atom("skip1"), atom("skip2")])
    }

    @Test func receiveTimesOutOnlyWhenTheClockReachesTheDeadline() async throws {
        let clock = ManualClock()
        let runtime = makeRuntime(clock: clock)
        let recorder = Recorder()
        let p = runtime.spawn { p in
            let m = try await p.next(timeout: .milliseconds(100))
            recorder.record(m ?? atom("timeout"))
        }
        await settle(runtime)
        clock.advance(by: 99)
        await settle(runtime)
        #expect(p.isAlive)
        #expect(recorder.all.isEmpty)
        clock.advance(by: 1)
        #expect(await p.waitForExit() == .atom(.normal))
        #expect(recorder.all == [atom("timeout")])
    }

    @Test func aMessageBeforeTheDeadlineWinsAndItsTimerDoesNotEndTheNextReceive() async throws {
        let clock = ManualClock()
        let runtime = makeRuntime(clock: clock)
        let recorder = Recorder()
        let p = runtime.spawn { p in
            recorder.record(try await p.next(timeout: .milliseconds(10)) ?? atom("timeout"))
            recorder.record(try await p.next(timeout: .milliseconds(100)) ?? atom("timeout"))
        }
        await settle(runtime)
        runtime.send(atom("hello"), to: p.pid)
        await settle(runtime)
        #expect(recorder.all == [atom("hello")])
        clock.advance(by: 10)     // the first receive's old deadline
        await settle(runtime)
        #expect(recorder.all == [atom("hello")])
        #expect(p.isAlive)
        clock.advance(by: 89)
        await settle(runtime)
        #expect(p.isAlive)
        clock.advance(by: 1)
        _ = await p.waitForExit()
        #expect(recorder.all == [atom("hello"), atom("timeout")])
        #expect(clock.pendingCount == 0)
    }

    @Test func timeoutZeroScansTheMailboxOnce() async throws {
        let runtime = makeRuntime()
        let got = try await runtime.run { me in
            let empty = try await me.next(timeout: .milliseconds(0))
            runtime.send(atom("x"), to: me.pid)
            let one = try await me.next(timeout: .milliseconds(0))
            let unmatched = try await me.receive(timeout: .milliseconds(0)) { (_: Term) -> Term? in nil }
            return [empty ?? atom("none"), one ?? atom("none"), unmatched ?? atom("none")]
        }
        #expect(got == [atom("none"), atom("x"), atom("none")])
    }

    @Test func unmatchedMessagesArrivingAsTheTimerFiresStillTimeOut() async throws {
        let clock = ManualClock()
        let runtime = makeRuntime(clock: clock)
        let p = runtime.spawn { p in
            _ = try await p.receive(timeout: .milliseconds(10)) { $0 == atom("wanted") ? true : nil }
        }
        await settle(runtime)
        runtime.send(atom("noise"), to: p.pid)
        clock.advance(by: 10)
        runtime.send(atom("noise"), to: p.pid)
        #expect(await p.waitForExit() == .atom(.normal))
    }
}
