#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Synchronization

/// Ctrl-C (SIGINT) as an ordinary callback, so the shell can stop the
/// running evaluation and keep its bindings (erl's "interrupt the current
/// job", without the BREAK menu).
///
/// Where a SIGINT goes:
/// - while an `EditLineReader` waits in `readline`, it belongs to the line
///   editor: the line being typed is dropped and the prompt shown again; the
///   handler is not called;
/// - otherwise, when a handler is installed, the handler is called once per
///   SIGINT on a private serial dispatch queue (never inside the signal
///   handler itself, so it may lock, allocate and send messages);
/// - otherwise the default action runs and the process terminates, as it
///   would without Swerl.
///
/// The C-level handler only does async-signal-safe work: atomic loads and
/// stores, `write(2)` of one byte to a pipe, `pthread_kill`, `signal` and
/// `raise`. The pipe is read by a dispatch source, which calls the handler.
public enum InterruptSignal {
    /// Calls `handler` each time SIGINT arrives outside line reading,
    /// replacing any handler installed before. Safe to call more than once.
    public static func install(handler: @escaping @Sendable () -> Void) throws(LineEditingError) {
        try SignalRouting.prepare()
        SignalRouting.handler.withLock { $0 = handler }
        SignalRouting.hasHandler.store(true, ordering: .releasing)
    }

    /// Removes the handler: a SIGINT outside line reading terminates the
    /// process again. Ctrl-C at an idle prompt keeps clearing the line.
    public static func uninstall() {
        SignalRouting.hasHandler.store(false, ordering: .releasing)
        SignalRouting.handler.withLock { $0 = nil }
    }
}

/// The state the signal handler reads, and the pipe that carries a SIGINT
/// out of signal context. Every field the handler touches is an atomic that
/// `prepare()` initialises before the handler is installed, so the handler
/// never runs a lazy initialiser.
enum SignalRouting {
    /// The write end of the self-pipe, -1 before `prepare()`.
    static let pipeWriteEnd = Atomic<Int32>(-1)
    /// Whether a Swift handler is installed.
    static let hasHandler = Atomic<Bool>(false)
    /// The thread waiting in `readline`, as a number; 0 when none.
    static let readerThread = Atomic<UInt>(0)
    /// Set by the handler when SIGINT arrived during `readline`.
    static let readInterrupted = Atomic<Bool>(false)
    /// The installed Swift handler.
    static let handler = Mutex<(@Sendable () -> Void)?>(nil)
    /// The dispatch source reading the pipe, kept alive once created.
    private static let source = Mutex<(any DispatchSourceRead)?>(nil)

    /// Creates the pipe, its reader and the `sigaction` once.
    static func prepare() throws(LineEditingError) {
        try source.withLock { (current: inout (any DispatchSourceRead)?) throws(LineEditingError) in
            if current != nil { return }
            var ends: [Int32] = [-1, -1]
            guard pipe(&ends) == 0 else { throw .cannotCreatePipe(errno: errno) }
            for fd in ends {
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            }
            let readEnd = ends[0]
            // Touch every atomic now, so their one-time initialisation has
            // happened before the signal handler can run.
            _ = hasHandler.load(ordering: .relaxed)
            _ = readerThread.load(ordering: .relaxed)
            _ = readInterrupted.load(ordering: .relaxed)
            pipeWriteEnd.store(ends[1], ordering: .releasing)

            let reader = DispatchSource.makeReadSource(
                fileDescriptor: readEnd, queue: DispatchQueue(label: "swerl.interrupt"))
            reader.setEventHandler { deliverPending(from: readEnd) }
            reader.resume()
            current = reader

            var action = sigaction()
            #if canImport(Darwin)
            action.__sigaction_u.__sa_handler = interruptHandler
            #else
            action.__sigaction_handler.sa_handler = interruptHandler
            #endif
            sigemptyset(&action.sa_mask)
            // No SA_RESTART: the read(2) inside readline must fail with EINTR.
            action.sa_flags = 0
            guard sigaction(SIGINT, &action, nil) == 0 else {
                throw .cannotInstallSignalHandler(errno: errno)
            }
        }
    }

    /// Drains the pipe and calls the handler once per SIGINT it carried.
    private static func deliverPending(from readEnd: Int32) {
        var bytes = [UInt8](repeating: 0, count: 64)
        var count = 0
        while true {
            let n = read(readEnd, &bytes, bytes.count)
            if n > 0 { count += n; continue }
            if n < 0 && errno == EINTR { continue }
            break
        }
        guard let handler = handler.withLock({ $0 }) else { return }
        for _ in 0..<count { handler() }
    }

    /// The calling thread as a number (for `readerThread`).
    static func currentThread() -> UInt {
        #if canImport(Darwin)
        UInt(bitPattern: pthread_self())
        #else
        UInt(pthread_self())
        #endif
    }

    /// Sends SIGINT to the thread numbered `thread` (async-signal-safe).
    static func interrupt(thread: UInt) {
        #if canImport(Darwin)
        if let target = pthread_t(bitPattern: thread) { _ = pthread_kill(target, SIGINT) }
        #else
        _ = pthread_kill(pthread_t(thread), SIGINT)
        #endif
    }
}

/// The SIGINT handler. Runs in signal context: async-signal-safe calls only.
private let interruptHandler: @convention(c) (Int32) -> Void = { _ in
    let savedErrno = errno
    defer { errno = savedErrno }
    let reader = SignalRouting.readerThread.load(ordering: .acquiring)
    if reader != 0 {
        // The line editor owns Ctrl-C. The signal must land on the reading
        // thread so its read(2) fails with EINTR; the kernel may have picked
        // another thread, so forward it there.
        SignalRouting.readInterrupted.store(true, ordering: .releasing)
        if reader != SignalRouting.currentThread() { SignalRouting.interrupt(thread: reader) }
        return
    }
    let fd = SignalRouting.pipeWriteEnd.load(ordering: .acquiring)
    if fd >= 0 && SignalRouting.hasHandler.load(ordering: .acquiring) {
        var byte: UInt8 = 3
        _ = write(fd, &byte, 1)
    } else {
        // Nobody listens: behave as if no handler had ever been installed.
        _ = signal(SIGINT, SIG_DFL)
        _ = raise(SIGINT)
    }
}
