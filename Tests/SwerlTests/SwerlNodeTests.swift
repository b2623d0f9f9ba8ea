import Swerl
import SwiftCounter
import Testing

/// The public API as a Swift developer uses it: a Swift callback module
/// under `swift test`, a manual clock for its timeout, and an `.erl`
/// module loaded from source that calls it.
struct SwerlNodeTests {
    @Test func swiftCallbackModuleServesCallsAndCasts() async throws {
        let node = SwerlNode(clock: ManualClock(), output: CapturedOutput())
        node.install(Counter())
        let (value, unknown) = try await node.run { p in
            _ = try await p.call("gen_server", "start", .tuple([.atom("local"), .atom("swift_counter")]),
                                 .atom("swift_counter"), .int(1), .nil)
            _ = try await p.call("gen_server", "cast", .atom("swift_counter"), .atom("inc"))
            _ = try await p.call("gen_server", "cast", .atom("swift_counter"), .tuple([.atom("add"), .int(10)]))
            return (try await p.call("gen_server", "call", .atom("swift_counter"), .atom("value")),
                    try await p.call("gen_server", "call", .atom("swift_counter"), .atom("what")))
        }
        #expect(value == .int(12))
        #expect(unknown == .tuple([.atom("unknown_call"), .atom("what")]))
    }

    @Test func idleTimeoutFiresWhenTheClockAdvances() async throws {
        let clock = ManualClock()
        let node = SwerlNode(clock: clock, output: CapturedOutput())
        node.install(Counter(idle: 1000))
        _ = try await node.run { p in
            try await p.call("gen_server", "start", .tuple([.atom("local"), .atom("swift_counter")]),
                             .atom("swift_counter"), .int(7), .nil)
        }
        let before = try await node.evaluate("gen_server:call(swift_counter, value)")
        clock.advance(by: 999)
        let still = try await node.evaluate("gen_server:call(swift_counter, value)")
        clock.advance(by: 1000)
        // The timer's message is handled before the runtime goes quiet.
        await node.runtime.activity.waitUntilQuiet(limitMilliseconds: 5000)
        let after = try await node.evaluate("gen_server:call(swift_counter, value)")
        #expect(before == .int(7))
        #expect(still == .int(7))
        #expect(after == .int(0))
    }

    @Test func erlangModuleCallsTheSwiftServer() async throws {
        let node = SwerlNode(clock: ManualClock(), output: CapturedOutput())
        node.install(Counter())
        let name = try node.load(erlangSource: """
            -module(client).
            -export([bump/1]).
            bump(N) ->
                {ok, _} = gen_server:start({local, swift_counter}, swift_counter, N, []),
                [gen_server:cast(swift_counter, inc) || _ <- lists:seq(1, 5)],
                gen_server:call(swift_counter, value).
            """, file: "client.erl")
        #expect(name == Atom("client"))
        #expect(try await node.evaluate("client:bump(100)") == .int(105))
    }

    @Test func compileErrorsReadAsErlWritesThem() {
        let node = SwerlNode(clock: ManualClock(), output: CapturedOutput())
        #expect(throws: SwerlNode.CompileError.self) {
            try node.load(erlangSource: "-module(bad).\n-export([f/0]).\nf() -> X.\n", file: "bad.erl")
        }
    }

    /// A module named like a stdlib module erl keeps sticky is not loaded
    /// over it: the load says why, and `lists` keeps working.
    @Test func loadingOverAStickyModuleThrows() async throws {
        let node = SwerlNode(clock: ManualClock(), output: CapturedOutput())
        do {
            try node.load(erlangSource: "-module(lists).\n-export([seq/2]).\nseq(A, B) -> {A, B}.\n", file: "lists.erl")
            Issue.record("loading over lists succeeded")
        } catch {
            #expect(error.report == "Can't load module 'lists' that resides in sticky dir\n")
        }
        #expect(try await node.evaluate("lists:seq(1, 2)") == .list([.int(1), .int(2)]))
    }
}
