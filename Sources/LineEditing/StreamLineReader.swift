#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Reads shell input from a pipe or a file, as erl does when its input is
/// not a terminal: the prompt is written before each line is read, and the
/// input is not echoed (so `erl < file` prints `1> ` followed directly by
/// the result).
///
/// Input is read in 64 KiB blocks and split at `\n`; a `\r` before the `\n`
/// (or at the very end) is dropped, and a last line without a newline is
/// still returned. A line's bytes become text through `decode` (UTF-8 by
/// default, where bytes that are not UTF-8 become U+FFFD). Before each
/// `read(2)` (which may block) the reader calls `beforeReading`, so that
/// buffered output, the prompt included, is out while it waits.
public final class StreamLineReader: LineReader {
    private struct State {
        var buffer: [UInt8] = []
        /// Where the next line starts in `buffer`.
        var start = 0
        var atEnd = false
    }

    private let descriptor: Int32
    private let closeWhenDone: Bool
    private let writePrompt: @Sendable (String) -> Void
    private let beforeReading: @Sendable () -> Void
    private let decode: @Sendable (ArraySlice<UInt8>) -> String
    private let state = Mutex(State())
    private static let blockSize = 65_536

    /// A reader over standard input that writes prompts to standard output.
    public convenience init() {
        self.init(descriptor: 0)
    }

    /// A reader over `descriptor`; `writePrompt` shows each prompt
    /// (standard output by default); `beforeReading` runs before each
    /// read from the descriptor; `decode` turns a line's bytes into text.
    /// The descriptor is not closed.
    public init(descriptor: Int32,
                writePrompt: @escaping @Sendable (String) -> Void = StreamLineReader.writeToStandardOutput,
                beforeReading: @escaping @Sendable () -> Void = {},
                decode: @escaping @Sendable (ArraySlice<UInt8>) -> String = StreamLineReader.decodeUTF8) {
        self.descriptor = descriptor
        self.closeWhenDone = false
        self.writePrompt = writePrompt
        self.beforeReading = beforeReading
        self.decode = decode
    }

    /// A reader over the file at `path` (a script of shell input), closed
    /// when the reader goes away.
    public init(path: String,
                writePrompt: @escaping @Sendable (String) -> Void = StreamLineReader.writeToStandardOutput,
                beforeReading: @escaping @Sendable () -> Void = {},
                decode: @escaping @Sendable (ArraySlice<UInt8>) -> String = StreamLineReader.decodeUTF8) throws(LineEditingError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .cannotOpen(path: path, errno: errno) }
        self.descriptor = fd
        self.closeWhenDone = true
        self.writePrompt = writePrompt
        self.beforeReading = beforeReading
        self.decode = decode
    }

    deinit {
        if closeWhenDone { close(descriptor) }
    }

    /// Writes `prompt`, then returns the next input line without its line
    /// terminator; `nil` at end of input.
    public func readLine(prompt: String) -> String? {
        if !prompt.isEmpty { writePrompt(prompt) }
        return state.withLock { nextLine(&$0) }
    }

    /// The next line when it is already buffered (or the input has ended),
    /// after writing `prompt`; `nil`, writing nothing, when it would have
    /// to read.
    public func readLineIfReady(prompt: String) -> String?? {
        let ready = state.withLock { s -> String?? in
            guard s.atEnd || s.buffer[s.start...].contains(UInt8(ascii: "\n")) else { return nil }
            return .some(nextLine(&s))
        }
        if ready != nil, !prompt.isEmpty { writePrompt(prompt) }
        return ready
    }

    /// Piped input has no history: does nothing.
    public func addHistory(_ entry: String) {}

    /// Always `false`: no editing, no completion.
    public var isInteractive: Bool { false }

    /// Cuts the next line out of the buffer, reading more as needed.
    private func nextLine(_ s: inout State) -> String? {
        var searchFrom = s.start
        while true {
            if let newline = s.buffer[searchFrom...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = decodeLine(s.buffer[s.start..<newline])
                s.start = newline + 1
                return line
            }
            if s.atEnd {
                guard s.start < s.buffer.count else { return nil }
                let line = decodeLine(s.buffer[s.start...])
                s.start = s.buffer.count
                return line
            }
            // Keep only the unread tail, then append one more block.
            if s.start > 0 {
                s.buffer.removeSubrange(0..<s.start)
                s.start = 0
            }
            searchFrom = s.buffer.count
            if !fill(&s.buffer) { s.atEnd = true }
        }
    }

    /// Appends up to one block read from the descriptor; `false` at end of
    /// file (or on a read error, which ends the input the same way).
    private func fill(_ buffer: inout [UInt8]) -> Bool {
        beforeReading()
        let oldCount = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: Self.blockSize))
        while true {
            let n = buffer.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return read(descriptor, base + oldCount, Self.blockSize)
            }
            if n < 0 && errno == EINTR { continue }
            buffer.removeLast(Self.blockSize - max(n, 0))
            return n > 0
        }
    }

    /// The text of one line, without a trailing `\r`.
    private func decodeLine(_ bytes: ArraySlice<UInt8>) -> String {
        var line = bytes
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        return decode(line)
    }

    /// UTF-8 text of `bytes`; bytes that are not UTF-8 become U+FFFD.
    public static let decodeUTF8: @Sendable (ArraySlice<UInt8>) -> String = { String(decoding: $0, as: UTF8.self) }

    /// Writes `text` to standard output unbuffered, like the runtime's
    /// `StandardOutput`, so prompts and results keep their order.
    public static let writeToStandardOutput: @Sendable (String) -> Void = { text in
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return write(1, base + offset, raw.count - offset)
            }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            offset += n
        }
    }
}
