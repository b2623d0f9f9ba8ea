#if canImport(Glibc)
import Glibc
#endif

/// Reads lines from standard input when it is not a terminal (a pipe or a
/// file). It writes the prompt itself, with no echo of the input, which is
/// what `erl < file` prints.
public final class StreamLineReader: LineReader, @unchecked Sendable {
    // @unchecked: used only by the shell's read loop, one call at a time.
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    private let descriptor: Int32
    private let writePrompt: @Sendable (String) -> Void

    /// A reader over file descriptor 0 that writes prompts to standard output.
    public convenience init() {
        self.init(descriptor: 0)
    }

    /// A reader over the file at `path` (a script of shell input).
    public convenience init(path: String) throws(LineEditingError) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .cannotOpen(path: path, errno: errno) }
        self.init(descriptor: fd)
    }

    /// A reader over `descriptor`; `writePrompt` shows each prompt
    /// (standard output by default).
    public init(descriptor: Int32, writePrompt: @escaping @Sendable (String) -> Void = StreamLineReader.writeToStandardOutput) {
        self.descriptor = descriptor
        self.writePrompt = writePrompt
    }

    /// Writes `text` to file descriptor 1 unbuffered.
    public static let writeToStandardOutput: @Sendable (String) -> Void = { text in
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { raw in write(1, raw.baseAddress.map { $0 + offset }, raw.count - offset) }
            if n <= 0 { if n < 0 && errno == EINTR { continue }; return }
            offset += n
        }
        bytes.removeAll()
    }

    /// Piped input is not interactive.
    public var isInteractive: Bool { false }

    /// Nothing to record for piped input.
    public func addHistory(_ entry: String) {}

    /// Shows the prompt and returns the next line, or `nil` at end of input.
    public func readLine(prompt: String) -> String? {
        if !prompt.isEmpty { writePrompt(prompt) }
        while true {
            if let newline = buffer[start...].firstIndex(of: 10) {
                var end = newline
                if end > start, buffer[end - 1] == 13 { end -= 1 }
                let line = String(decoding: buffer[start..<end], as: UTF8.self)
                start = newline + 1
                return line
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                let line = String(decoding: buffer[start...], as: UTF8.self)
                start = buffer.count
                return line
            }
            fill()
        }
    }

    private func fill() {
        if start > 0 {
            buffer.removeFirst(start)
            start = 0
        }
        var chunk = [UInt8](repeating: 0, count: 65536)
        let n = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, 65536) }
        if n <= 0 {
            if n < 0 && errno == EINTR { return }
            atEnd = true
            return
        }
        buffer.append(contentsOf: chunk[0..<n])
    }
}
