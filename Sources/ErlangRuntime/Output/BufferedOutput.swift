#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ErlangTerms
import Synchronization

/// Output to a file descriptor through a buffer: standard output when it
/// is a pipe or a file rather than a terminal, so that a piped session
/// costs one `write(2)` per buffer instead of one per prompt and per
/// result. Like erl's standard output port, which also writes a pipe in
/// blocks.
///
/// Every writer (each process's `io:format`, the shell's prompts and
/// results, the logger) appends to the one buffer under its lock, so the
/// order of the text is exactly the order of the calls, as with the
/// unbuffered `StandardOutput`. The buffer goes out:
/// - when the shell is about to block reading its input (`flush()`),
/// - when it holds `capacity` bytes,
/// - at process exit, for `standardOutput` (`halt/0,1`, end of input: an
///   `atexit` handler),
/// - and at the latest `flushDelay` after text arrives in an empty buffer
///   (a flusher thread), so output of a long evaluation still shows up
///   while it runs.
///
/// An instance lives as long as the process (its flusher thread keeps it).
public final class BufferedOutput: OutputSink, @unchecked Sendable {
    // @unchecked: `state` is a `Lock`; `semaphore` is a POSIX semaphore
    // (thread-safe by definition), allocated once and never freed (the
    // instance lives as long as the process); `descriptor` is immutable.

    /// Standard output, flushed at exit. Created on first use, which also
    /// registers its exit handler and starts its flusher.
    public static let standardOutput: BufferedOutput = {
        let output = BufferedOutput(descriptor: 1)
        atexit { BufferedOutput.standardOutput.flush() }
        return output
    }()

    /// The buffer size that makes `write` flush at once.
    public static let capacity = 1 << 16

    /// How long text may wait in the buffer when nothing else flushes it.
    public static let flushDelayMicroseconds: UInt32 = 5_000

    private struct State {
        var bytes: [UInt8] = []
        /// Whether the flusher has been told about the text in the buffer.
        var flusherNotified = false
    }

    private let state: Lock<State>
    private let semaphore: UnsafeMutablePointer<sem_t>
    private let descriptor: Int32
    private let setting = IOEncodingSetting(.unicode)

    /// How text becomes bytes (UTF-8 until set otherwise).
    public var encoding: IOEncodingSetting? { setting }

    /// Buffered output to `descriptor` (not closed, not flushed at exit).
    public init(descriptor: Int32) {
        var initial = State()
        initial.bytes.reserveCapacity(Self.capacity)
        state = Lock(initial)
        semaphore = .allocate(capacity: 1)
        sem_init(semaphore, 0, 0)
        self.descriptor = descriptor
        startFlusher()
    }

    /// Appends `text` to the buffer.
    public func write(_ text: String) {
        let encoding = setting.value
        let notify = state.withLock { s -> Bool in
            encoding.encode(text, into: &s.bytes)
            if s.bytes.count >= Self.capacity {
                Self.writeOut(&s.bytes, to: descriptor)
                return false
            }
            guard !s.flusherNotified else { return false }
            s.flusherNotified = true
            return true
        }
        if notify { sem_post(semaphore) }
    }

    /// Writes the buffer to the descriptor.
    public func flush() {
        state.withLock { Self.writeOut(&$0.bytes, to: descriptor) }
    }

    /// Starts the flusher thread (once).
    private func startFlusher() {
        var thread = pthread_t()
        let argument = Unmanaged.passRetained(self).toOpaque()
        let status = pthread_create(&thread, nil, { raw in
            guard let raw else { return nil }
            Unmanaged<BufferedOutput>.fromOpaque(raw).takeUnretainedValue().runFlusher()
            return nil
        }, argument)
        if status == 0 { pthread_detach(thread) } else { Unmanaged.passUnretained(self).release() }
    }

    /// The flusher's loop: woken when text arrives in an empty buffer, it
    /// waits `flushDelay` (more text gathers meanwhile) and flushes.
    private func runFlusher() {
        while true {
            while sem_wait(semaphore) != 0 && errno == EINTR {}
            usleep(Self.flushDelayMicroseconds)
            state.withLock { s in
                s.flusherNotified = false
                Self.writeOut(&s.bytes, to: descriptor)
            }
        }
    }

    /// Writes `bytes` in full (retrying interrupted and partial writes) and
    /// empties it; on an error the text is dropped, as `StandardOutput` does.
    private static func writeOut(_ bytes: inout [UInt8], to descriptor: Int32) {
        guard !bytes.isEmpty else { return }
        var offset = 0
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            while offset < raw.count {
                let written = Glibc.write(descriptor, base + offset, raw.count - offset)
                if written <= 0 {
                    if written < 0 && errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
        bytes.removeAll(keepingCapacity: true)
    }
}
