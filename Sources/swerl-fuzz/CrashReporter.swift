#if canImport(Glibc)
import Glibc
#endif

/// Remembers the input being tried, and prints it from a signal handler
/// when Swerl traps on it, so every crash the fuzzer finds comes with the
/// input that makes it. The buffer is fixed and preallocated: the handler
/// only calls `write(2)`, which is async-signal-safe.
enum CrashReporter {
    private static let capacity = 1 << 20
    // nonisolated(unsafe): written only by the fuzzing thread between cases,
    // read only by the signal handler on that same thread when it traps.
    nonisolated(unsafe) private static var buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    nonisolated(unsafe) private static var length = 0

    /// Installs the handlers for the signals a Swift trap raises.
    static func install() {
        for signal in [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = crashed
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(bitPattern: UInt32(truncatingIfNeeded: SA_RESETHAND))
            sigaction(signal, &action, nil)
        }
    }

    /// Records `input` as the case being tried.
    static func record(_ input: String) {
        var n = 0
        for byte in input.utf8 where n < capacity {
            buffer[n] = byte
            n += 1
        }
        length = n
    }

    fileprivate static func dump() {
        let header = "\n*** swerl-fuzz: crash on this input:\n"
        _ = header.withCString { write(2, $0, strlen($0)) }
        _ = write(2, buffer, length)
        _ = "\n*** end of input\n".withCString { write(2, $0, strlen($0)) }
    }
}

private let crashed: @convention(c) (Int32) -> Void = { signal in
    CrashReporter.dump()
    raise(signal)
}
