#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ErlangTerms

/// Where the runtime's text output goes: every process's `io:format`, the
/// shell's prompts and results, and the logger's reports. Mirrors the group
/// leader of a non-distributed erl: one sink per runtime.
public protocol OutputSink: Sendable {
    /// Writes `text` in full, in call order.
    func write(_ text: String)

    /// Hands everything written so far to the device, for a sink that
    /// buffers (before the shell blocks reading its input, and at exit).
    func flush()
}

extension OutputSink {
    /// Nothing to do: the sink does not buffer.
    public func flush() {}
}

/// Writes to the process's standard output, unbuffered so that output from
/// several processes and the prompt interleave in the order they were made.
public struct StandardOutput: OutputSink {
    /// Standard output.
    public init() {}

    /// Writes `text` to file descriptor 1.
    public func write(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { raw in
                Glibc.write(1, raw.baseAddress! + offset, raw.count - offset)
            }
            if written <= 0 {
                if written < 0 && errno == EINTR { continue }
                return
            }
            offset += written
        }
        bytes.removeAll()
    }
}

/// Collects output in memory, for tests.
public final class CapturedOutput: OutputSink {
    private let buffer = Lock("")

    /// An empty capture.
    public init() {}

    /// Appends `text`.
    public func write(_ text: String) { buffer.withLock { $0 += text } }

    /// Everything written so far.
    public var text: String { buffer.withLock { $0 } }

    /// Returns everything written so far and clears it.
    public func take() -> String {
        buffer.withLock { b in
            let out = b
            b = ""
            return out
        }
    }
}
