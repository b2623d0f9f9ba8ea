import ErlangRuntime
import ErlangStdlib
import ErlangTerms
import Synchronization
import Testing

/// `io:getopts/0,1` and `io:setopts/1,2` report and change the encoding of
/// the runtime's output device, with erl's answers for bad options.
@Suite struct IOOptionsTests {
    /// A sink that keeps the bytes its encoding makes.
    final class ByteSink: OutputSink {
        let setting = IOEncodingSetting(.latin1)
        private let bytes = Mutex<[UInt8]>([])
        var encoding: IOEncodingSetting? { setting }
        func write(_ text: String) {
            let encoding = setting.value
            bytes.withLock { encoding.encode(text, into: &$0) }
        }
        var written: [UInt8] { bytes.withLock { $0 } }
    }

    private func options(_ encoding: String) -> Term {
        .list([.tuple([.atom("binary"), .atom("false")]), .tuple([.atom("encoding"), .atom(Atom(encoding))])])
    }

    @Test func setoptsSwitchesWhatFormatWrites() async throws {
        let sink = ByteSink()
        let runtime = Runtime(clock: ManualClock(), output: sink)
        Stdlib.install(in: runtime)
        let lambda = Term.list([.int(955)])
        #expect(try await StdlibHarness.call("io", "getopts", [], in: runtime).get() == options("latin1"))
        _ = try await StdlibHarness.call("io", "format", [.string("~ts~n"), .list([lambda])], in: runtime).get()
        let utf8 = Term.list([.tuple([.atom("encoding"), .atom("utf8")])])
        #expect(try await StdlibHarness.call("io", "setopts", [utf8], in: runtime).get() == .ok)
        #expect(try await StdlibHarness.call("io", "getopts", [.atom("standard_io")], in: runtime).get() == options("unicode"))
        _ = try await StdlibHarness.call("io", "format", [.string("~ts ~s~n"), .list([lambda, .list([.int(233)])])], in: runtime).get()
        #expect(sink.written == Array("\\x{3BB}\n".utf8) + [0xCE, 0xBB, 0x20, 0xC3, 0xA9, 0x0A])
    }

    @Test func badOptionsAnswerAsErlDoes() async throws {
        let runtime = Runtime(clock: ManualClock(), output: ByteSink())
        Stdlib.install(in: runtime)
        let enotsup = Term.tuple([.atom("error"), .atom("enotsup")])
        #expect(try await StdlibHarness.call("io", "setopts", [.list([.atom("foo")])], in: runtime).get() == enotsup)
        let bad = Term.list([.tuple([.atom("encoding"), .atom("bad")])])
        #expect(try await StdlibHarness.call("io", "setopts", [bad], in: runtime).get() == enotsup)
        let request = Term.tuple([.atom("error"), .tuple([.atom("request"), .tuple([.atom("setopts"), .atom("foo")])])])
        #expect(try await StdlibHarness.call("io", "setopts", [.atom("foo")], in: runtime).get() == request)
        #expect(try await StdlibHarness.call("io", "setopts", [.list([.atom("list")])], in: runtime).get() == .ok)
    }
}
