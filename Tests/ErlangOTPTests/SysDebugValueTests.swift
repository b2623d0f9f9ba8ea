import ErlangOTP
import ErlangRuntime
import ErlangTerms
import Testing

/// `SysDebug` shares one storage object between copies until one of them
/// changes: a copy must still behave as a value, so changing it (as a
/// server's loop does when it records an event) leaves the others as
/// they were.
@Suite struct SysDebugValueTests {
    @Test func aChangedCopyLeavesTheOriginalAsItWas() throws {
        let original = try #require(SysDebug(options: .list([.atom("trace"), .tuple([.atom("log"), .int(2)])])))
        var copy = original
        copy.setTrace(false)
        copy.startStatistics()
        copy.record(.tuple([.atom("in"), .atom("ping")]), name: .atom("s"), output: DiscardingOutput())

        #expect(original.trace)
        #expect(original.logged.isEmpty)
        #expect(original.statistics == nil)
        #expect(original.enabled.map(\.text) == ["log", "trace"])

        #expect(!copy.trace)
        #expect(copy.logged == [.tuple([.atom("in"), .atom("ping")])])
        #expect(copy.statistics?.messagesIn == 1)
        #expect(copy.enabled.map(\.text) == ["statistics", "log"])
    }

    @Test func aLogKeepsItsLastEventsInEachCopy() throws {
        var first = try #require(SysDebug(options: .list([.tuple([.atom("log"), .int(2)])])))
        for n in 1...3 { first.record(.int(n), name: .atom("s"), output: DiscardingOutput()) }
        var second = first
        second.record(.int(4), name: .atom("s"), output: DiscardingOutput())
        #expect(first.logged == [.int(2), .int(3)])
        #expect(second.logged == [.int(3), .int(4)])
    }
}

/// An output that drops what it is given.
private struct DiscardingOutput: OutputSink {
    func write(_ text: String) {}
}
