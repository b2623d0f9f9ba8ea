import ErlangRuntime
import ErlangTerms
import Testing

/// The mailbox's two parts (`ErlangProcess+MailboxFront`): a receive moves
/// the whole inbox to the front in one go, and the two parts still behave
/// as one mailbox to everyone who looks at it.
@Suite struct MailboxFrontTests {
    @Test func aKillStopsABacklogTheFrontAlreadyHolds() async throws {
        let runtime = makeRuntime()
        let recorder = Recorder()
        let p = runtime.spawn { p in
            for m in ["m1", "m2", "m3"] { runtime.send(atom(m), to: p.pid) }
            recorder.record(try await p.receiveAny() ?? .nil)     // m1; m2 and m3 move to the front
            runtime.sendExitSignal(from: outsider, to: p.pid, reason: atom("kill"))
            recorder.record(try await p.receiveAny() ?? .nil)     // must not get m2
        }
        #expect(await p.waitForExit() == atom("killed"))
        #expect(recorder.all == [atom("m1")])
    }

    @Test func anExitSignalStopsASelectiveReceiveOverTheFront() async throws {
        let runtime = makeRuntime()
        let recorder = Recorder()
        let p = runtime.spawn { p in
            for m in ["first", "a", "b", "c"] { runtime.send(atom(m), to: p.pid) }
            recorder.record(try await p.receiveAny() ?? .nil)     // a, b and c move to the front
            recorder.record(try await p.receive { $0 == atom("b") ? $0 : nil } ?? .nil)
            runtime.sendExitSignal(from: outsider, to: p.pid, reason: atom("boom"))
            recorder.record(try await p.next() ?? .nil)            // must not get a
        }
        #expect(await p.waitForExit() == atom("boom"))
        #expect(recorder.all == [atom("first"), atom("b")])
    }

    @Test func othersSeeTheFrontThenTheInboxInOrder() async throws {
        let runtime = makeRuntime()
        let (length, messages, rest) = try await runtime.run { me in
            for m in ["a", "b", "c"] { runtime.send(atom(m), to: me.pid) }
            _ = try await me.receiveAny()                         // a; b and c move to the front
            runtime.send(atom("d"), to: me.pid)                   // d waits in the inbox
            let length = me.messageQueueLength
            let messages = me.queuedMessages
            var rest: [Term] = []
            while let m = try await me.next(timeout: .milliseconds(0)) { rest.append(m) }
            return (length, messages, rest)
        }
        #expect(length == 3)
        #expect(messages == [atom("b"), atom("c"), atom("d")])
        #expect(rest == [atom("b"), atom("c"), atom("d")])
    }

    @Test func aSelectiveReceiveThatWaitsKeepsItsSkippedMessagesFirst() async throws {
        let runtime = makeRuntime()
        let recorder = Recorder()
        let p = runtime.spawn { p in
            // Taking w moves x and y to the front; they go back to the
            // inbox when the receive for go waits; z arrives after them.
            for m in ["w", "x", "y"] { runtime.send(atom(m), to: p.pid) }
            recorder.record(try await p.receiveAny() ?? .nil)
            let got = try await p.receive { $0 == atom("go") ? $0 : nil }
            recorder.record(got ?? .nil)
            while let m = try await p.next(timeout: .milliseconds(0)) { recorder.record(m) }
        }
        await settle(runtime)
        #expect(p.queuedMessages == [atom("x"), atom("y")])
        runtime.send(atom("z"), to: p.pid)
        await settle(runtime)
        #expect(p.queuedMessages == [atom("x"), atom("y"), atom("z")])
        runtime.send(atom("go"), to: p.pid)
        #expect(await p.waitForExit() == atom("normal"))
        #expect(recorder.all == [atom("w"), atom("go"), atom("x"), atom("y"), atom("z")])
    }

    @Test func aFlushOfDownMessagesReachesBothParts() async throws {
        let runtime = makeRuntime()
        let ref = runtime.makeRef()
        let down = tuple(atom("DOWN"), .ref(ref), atom("process"), .pid(outsider), atom("normal"))
        let left = try await runtime.run { me in
            for m in [atom("a"), down, atom("b")] { runtime.send(m, to: me.pid) }
            _ = try await me.receiveAny()                         // a; the rest move to the front
            runtime.send(down, to: me.pid)                        // and one more in the inbox
            me.flushDownMessages(for: ref)
            return me.queuedMessages
        }
        #expect(left == [atom("b")])
    }
}
