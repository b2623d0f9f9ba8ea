import ErlangRuntime
import ErlangTerms
import Testing

/// A cast queued as its request alone (`MailboxMessage.cast`) is, to
/// every reader but `receiveQueued`, the tuple `{'$gen_cast', Request}`
/// that was sent, in its place among the other messages.
@Suite struct QueuedCastTests {
    @Test func theCastTagIsItsAtom() {
        #expect(MailboxMessage.castTag == Atom("$gen_cast"))
        #expect(MailboxMessage.cast(request: atom("ping")).term == tuple(atom("$gen_cast"), atom("ping")))
    }

    @Test func aQueuedCastReadsAsItsEnvelope() async throws {
        let runtime = makeRuntime()
        let (queued, taken, raw) = try await runtime.run { me in
            runtime.send(.cast(request: atom("a")), to: me.pid)
            runtime.send(.cast(request: atom("b")), to: me.pid)
            let queued = me.queuedMessages
            let taken = try await me.receiveAny() ?? .nil
            let raw = try await me.receiveQueued()
            return (queued, taken, raw)
        }
        #expect(queued == [tuple(atom("$gen_cast"), atom("a")), tuple(atom("$gen_cast"), atom("b"))])
        #expect(taken == tuple(atom("$gen_cast"), atom("a")))
        guard case .cast(let request)? = raw else {
            Issue.record("receiveQueued gave \(String(describing: raw)), not the cast as queued")
            return
        }
        #expect(request == atom("b"))
    }

    @Test func aSelectiveReceiveSkipsACastAndFindsItLaterInItsPlace() async throws {
        let runtime = makeRuntime()
        let taken = try await runtime.run { me -> [Term] in
            runtime.send(.cast(request: atom("c")), to: me.pid)
            runtime.send(atom("a"), to: me.pid)
            runtime.send(atom("b"), to: me.pid)
            // Two scans skip the cast (the first made its term in place).
            var taken: [Term] = []
            for wanted in ["b", "a"] {
                taken.append(try await me.receive { $0 == atom(wanted) ? $0 : nil } ?? .nil)
            }
            taken.append(try await me.receiveAny() ?? .nil)
            return taken
        }
        #expect(taken == [atom("b"), atom("a"), tuple(atom("$gen_cast"), atom("c"))])
    }
}
