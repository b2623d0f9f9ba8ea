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

    /// How the sink turns text into bytes (`io:getopts/0`, `io:setopts/1`);
    /// `nil` for a sink that keeps text as text.
    var encoding: IOEncodingSetting? { get }
}

extension OutputSink {
    /// Nothing to do: the sink does not buffer.
    public func flush() {}

    /// No byte encoding: the sink keeps text.
    public var encoding: IOEncodingSetting? { nil }
}

/// Writes to the process's standard output, unbuffered so that output from
/// several processes and the prompt interleave in the order they were made.
public struct StandardOutput: OutputSink {
    /// How text becomes bytes.
    public let encoding: IOEncodingSetting?

    /// Standard output, in `encoding` (UTF-8 unless told otherwise).
    public init(encoding: IOEncodingSetting = IOEncodingSetting(.unicode)) {
        self.encoding = encoding
    }

    /// Writes `text` to file descriptor 1.
    public func write(_ text: String) {
        var bytes: [UInt8] = []
        (encoding?.value ?? .unicode).encode(text, into: &bytes)
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
