import Dispatch
import ErlangTerms
import Foundation
@testable import LineEditing
import Testing

/// `TerminalInput`, libedit's source of characters: UTF-8 decoding, end of
/// input, and Ctrl-C ending a read whenever it arrives. Serialized: the
/// interrupt flag is process-wide.
@Suite("Terminal input", .serialized)
struct TerminalInputTests {
    /// A pipe standing in for the terminal.
    final class FakeTerminal {
        let readEnd: Int32
        let writeEnd: Int32

        init() throws {
            var ends: [Int32] = [-1, -1]
            guard pipe(&ends) == 0 else { throw POSIXError(.EMFILE) }
            readEnd = ends[0]
            writeEnd = ends[1]
        }

        func type(_ bytes: [UInt8]) {
            _ = bytes.withUnsafeBytes { write(writeEnd, $0.baseAddress, $0.count) }
        }

        func hangUp() { close(writeEnd) }

        /// Every character read until end of input.
        func readAll() -> [Int32] {
            var scalars: [Int32] = []
            while true {
                let scalar = TerminalInput.readScalar(from: readEnd)
                if scalar < 0 { return scalars }
                scalars.append(scalar)
            }
        }

        deinit {
            close(readEnd)
            close(writeEnd)
        }
    }

    @Test("characters come whole, one Unicode scalar each, then end of input")
    func decodesUTF8() throws {
        let terminal = try FakeTerminal()
        terminal.type(Array("aé→😀\n".utf8))
        terminal.hangUp()
        #expect(terminal.readAll() == [0x61, 0xE9, 0x2192, 0x1F600, 0x0A])
    }

    @Test("a byte that is not UTF-8 is dropped; a cut-off character restarts at the next one")
    func dropsInvalidBytes() throws {
        let terminal = try FakeTerminal()
        terminal.type([0xFF, 0x62, 0xE2, 0x63, 0x80, 0xE2, 0x86, 0x92, 0xED, 0xA0, 0x80, 0x64])
        terminal.hangUp()
        // 0xFF and the stray continuation byte 0x80 go; "E2 63" gives "c";
        // "ED A0 80" would be a surrogate and goes whole.
        #expect(terminal.readAll() == [0x62, 0x63, 0x2192, 0x64])
    }

    @Test("Ctrl-C while waiting for a key ends the read")
    func interruptWakesWaitingRead() throws {
        try SignalRouting.prepare()
        SignalRouting.readInterrupted.store(false, ordering: .releasing)
        SignalRouting.drainReaderWakeUps()
        defer { SignalRouting.readInterrupted.store(false, ordering: .releasing) }
        let terminal = try FakeTerminal()
        let started = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        let result = Lock<Int32?>(nil)
        let readEnd = terminal.readEnd
        Thread.detachNewThread {
            started.signal()
            let scalar = TerminalInput.readScalar(from: readEnd)
            result.withLock { $0 = scalar }
            finished.signal()
        }
        started.wait()
        // Whether the reader is already in poll or not yet: either way the
        // read must end, without any key.
        SignalRouting.interruptReader()
        #expect(finished.wait(timeout: .now() + 10) == .success)
        #expect(result.withLock { $0 } == -1)
    }

    @Test("a Ctrl-C that came before the read ends it, even with keys waiting")
    func interruptBeforeReadWins() throws {
        try SignalRouting.prepare()
        SignalRouting.readInterrupted.store(false, ordering: .releasing)
        defer {
            SignalRouting.readInterrupted.store(false, ordering: .releasing)
            SignalRouting.drainReaderWakeUps()
        }
        let terminal = try FakeTerminal()
        terminal.type(Array("x".utf8))
        SignalRouting.interruptReader()
        #expect(TerminalInput.readScalar(from: terminal.readEnd) == -1)
    }
}
