import ErlangRuntime
import ErlangTerms
import Testing

/// Nothing is lost (issue 8, DESIGN.md): 1,000,000 messages from 4
/// concurrent senders to one receiver all arrive exactly once, and each
/// sender's messages arrive in the order it sent them.
@Suite struct NothingLostTests {
    @Test func aMillionMessagesFromFourSendersAllArriveInOrderPerSender() async throws {
        let runtime = makeRuntime()
        let senders = 4, perSender = 250_000
        let (count, inOrder) = try await runtime.run { me in
            for s in 0..<senders {
                // The senders count reductions as Erlang code would, so they
                // share the workers with the other tests' processes.
                runtime.spawn { p in
                    for i in 0..<perSender {
                        runtime.send(.tuple([.int(s), .int(i)]), to: me.pid)
                        try await p.tick()
                    }
                    runtime.send(.tuple([.int(s), .atom(Atom("done"))]), to: me.pid)
                }
            }
            // Each sender's `done` comes after all its messages, so once all
            // four are in, a lost message shows as a short count, not a hang.
            var next = Array(repeating: 0, count: senders)
            var received = 0, done = 0
            var ordered = true
            while done < senders {
                try await me.tick()
                guard case .tuple(let e)? = try await me.next(), case .int(let s) = e[0] else {
                    ordered = false
                    break
                }
                guard case .int(let i) = e[1] else {
                    done += 1
                    if next[s] != perSender { ordered = false }
                    continue
                }
                if i != next[s] { ordered = false }
                next[s] = i + 1
                received += 1
            }
            return (received, ordered && me.messageQueueLength == 0)
        }
        #expect(count == senders * perSender)
        #expect(inOrder)
    }
}
