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
/// stores, `write(2)` of one byte to a pipe, `signal` and `raise`. One pipe
/// is read by a dispatch source, which calls the handler; the other wakes
/// the line editor's reader (`TerminalInput`).
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
    /// The ends of the pipe that wakes `TerminalInput` when SIGINT arrives
    /// during `readline`; -1 before `prepare()`.
    static let readerWakeReadEnd = Atomic<Int32>(-1)
    static let readerWakeWriteEnd = Atomic<Int32>(-1)
    /// Whether a Swift handler is installed.
    static let hasHandler = Atomic<Bool>(false)
    /// Whether a thread is in `readline`, so that SIGINT belongs to it.
    static let readerActive = Atomic<Bool>(false)
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
            let ends = try makeNonBlockingPipe()
            let readerWake = try makeNonBlockingPipe()
            let readEnd = ends.read
            // Touch every atomic now, so their one-time initialisation has
            // happened before the signal handler can run.
            _ = hasHandler.load(ordering: .relaxed)
            _ = readerActive.load(ordering: .relaxed)
            _ = readInterrupted.load(ordering: .relaxed)
            readerWakeReadEnd.store(readerWake.read, ordering: .releasing)
            readerWakeWriteEnd.store(readerWake.write, ordering: .releasing)
            pipeWriteEnd.store(ends.write, ordering: .releasing)

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
            // SA_RESTART: no write of libedit's or anyone's is cut short.
            // The line editor learns of Ctrl-C through its wake-up pipe.
            action.sa_flags = SA_RESTART
            guard sigaction(SIGINT, &action, nil) == 0 else {
                throw .cannotInstallSignalHandler(errno: errno)
            }
        }
    }

    /// A pipe whose ends neither block nor leak into child processes.
    private static func makeNonBlockingPipe() throws(LineEditingError) -> (read: Int32, write: Int32) {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw .cannotCreatePipe(errno: errno) }
        for fd in ends {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        return (ends[0], ends[1])
    }

    /// Ends the line being read: flags the interrupt, then wakes the
    /// reader's poll. Async-signal-safe.
    static func interruptReader() {
        readInterrupted.store(true, ordering: .releasing)
        let wake = readerWakeWriteEnd.load(ordering: .acquiring)
        if wake >= 0 {
            var byte: UInt8 = 3
            _ = write(wake, &byte, 1)
        }
    }

    /// Empties the reader's wake-up pipe (the interrupt flag says whether
    /// a Ctrl-C is pending; the bytes only wake the poll).
    static func drainReaderWakeUps() {
        let fd = readerWakeReadEnd.load(ordering: .acquiring)
        guard fd >= 0 else { return }
        var bytes = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        while true {
            let n = withUnsafeMutableBytes(of: &bytes) { read(fd, $0.baseAddress, $0.count) }
            if n > 0 || (n < 0 && errno == EINTR) { continue }
            return
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
}

/// The SIGINT handler. Runs in signal context: async-signal-safe calls only.
private let interruptHandler: @convention(c) (Int32) -> Void = { _ in
    let savedErrno = errno
    defer { errno = savedErrno }
    if SignalRouting.readerActive.load(ordering: .acquiring) {
        // The line editor owns Ctrl-C, on whichever thread the kernel chose
        // to run this handler.
        SignalRouting.interruptReader()
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
