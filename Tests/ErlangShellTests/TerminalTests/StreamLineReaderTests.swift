import Foundation
import LineEditing
import ErlangTerms
import Testing

/// `StreamLineReader`: the reader for piped input and script files.
@Suite("StreamLineReader")
struct StreamLineReaderTests {
    /// The prompts a reader wrote.
    final class Prompts: Sendable {
        let written = Lock<[String]>([])
    }

    /// A reader over `input` (fed through a pipe by a background thread)
    /// and the prompts it writes.
    private func reader(over input: String) -> (StreamLineReader, Prompts) {
        // Close-on-exec, so that children spawned by parallel tests do not
        // inherit the write end and delay the end of input.
        guard let (readEnd, writeEnd) = closeOnExecPipe() else {
            preconditionFailure("pipe() failed")
        }
        let bytes = Array(input.utf8)
        DispatchQueue.global().async {
            var offset = 0
            while offset < bytes.count {
                let n = bytes.withUnsafeBytes { write(writeEnd, $0.baseAddress! + offset, $0.count - offset) }
                if n <= 0 { break }
                offset += n
            }
            close(writeEnd)
        }
        let prompts = Prompts()
        // The read end stays open for the rest of the test process (a few
        // descriptors per test).
        let reader = StreamLineReader(descriptor: readEnd) { prompt in
            prompts.written.withLock { $0.append(prompt) }
        }
        return (reader, prompts)
    }

    private func readAll(_ reader: StreamLineReader) -> [String] {
        var lines: [String] = []
        while let line = reader.readLine(prompt: "") { lines.append(line) }
        return lines
    }

    @Test(arguments: [
        ("a.\nb.\n", ["a.", "b."]),
        ("a.\nb.", ["a.", "b."]),             // no final newline
        ("a.\r\nb.\r\n", ["a.", "b."]),       // CRLF
        ("a.\r\nb.\r", ["a.", "b."]),         // CR before end of input
        ("\n\nx.\n", ["", "", "x."]),        // empty lines are lines
        ("", []),
        ("h\u{e9}llo.\n", ["h\u{e9}llo."]),   // UTF-8
    ])
    func splitsLines(input: String, expected: [String]) {
        let (reader, _) = reader(over: input)
        #expect(readAll(reader) == expected)
    }

    @Test func writesEachPromptBeforeReading() {
        let (reader, prompts) = reader(over: "1.\n")
        #expect(reader.readLine(prompt: "1> ") == "1.")
        #expect(reader.readLine(prompt: "2> ") == nil)
        #expect(prompts.written.withLock { $0 } == ["1> ", "2> "])
        #expect(!reader.isInteractive)
    }

    @Test func answersWithoutBlockingOnlyWhenALineIsBuffered() {
        guard let (readEnd, writeEnd) = closeOnExecPipe() else {
            preconditionFailure("pipe() failed")
        }
        let prompts = Prompts()
        let reads = Lock(0)
        let reader = StreamLineReader(descriptor: readEnd, writePrompt: { prompt in
            prompts.written.withLock { $0.append(prompt) }
        }, beforeReading: { reads.withLock { $0 += 1 } })
        func send(_ text: String) {
            _ = Array(text.utf8).withUnsafeBytes { write(writeEnd, $0.baseAddress!, $0.count) }
        }
        // Nothing read yet: not ready, no prompt shown, nothing read.
        #expect(reader.readLineIfReady(prompt: "1> ") == nil)
        #expect(reads.withLock { $0 } == 0)
        send("a.\nb.\nc")
        #expect(reader.readLine(prompt: "1> ") == "a.")
        #expect(reads.withLock { $0 } == 1)
        // "b." came in the same block; "c" has no newline yet.
        #expect(reader.readLineIfReady(prompt: "2> ") == .some("b."))
        #expect(reader.readLineIfReady(prompt: "3> ") == nil)
        #expect(prompts.written.withLock { $0 } == ["1> ", "2> "])
        close(writeEnd)
        #expect(reader.readLine(prompt: "3> ") == "c")
        // At end of input it is ready: with the end.
        #expect(reader.readLineIfReady(prompt: "4> ") == .some(nil))
        #expect(prompts.written.withLock { $0 } == ["1> ", "2> ", "3> ", "4> "])
        close(readEnd)
    }

    @Test func longLinesCrossBlockBoundaries() {
        let long = String(repeating: "x", count: 200_000)
        let (reader, _) = reader(over: "a.\n" + long + "\nb.")
        #expect(readAll(reader) == ["a.", long, "b."])
    }

    @Test func readsOneHundredThousandLinesQuickly() {
        let input = (0..<100_000).map { "x\($0).\n" }.joined()
        let (reader, _) = reader(over: input)
        let clock = ContinuousClock()
        var count = 0
        let elapsed = clock.measure {
            while reader.readLine(prompt: "1> ") != nil { count += 1 }
        }
        #expect(count == 100_000)
        #expect(elapsed < .seconds(5), "100,000 lines took \(elapsed)")
    }

    @Test func readsAFile() throws {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("swerl-reader-\(UUID().uuidString.prefix(8))")
        try "one.\ntwo.".write(to: url, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let reader = try StreamLineReader(path: url.path) { _ in }
        #expect(readAll(reader) == ["one.", "two."])
    }

    @Test func missingFileIsAnError() {
        #expect(throws: LineEditingError.cannotOpen(path: "/nonexistent/x", errno: ENOENT)) {
            _ = try StreamLineReader(path: "/nonexistent/x") { _ in }
        }
    }
}
