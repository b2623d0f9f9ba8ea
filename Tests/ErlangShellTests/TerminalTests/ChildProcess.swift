import Foundation

/// A finished child process: its exit status and what it wrote.
struct ProcessResult {
    /// The exit status (128 + N when killed by signal N, or -1 on timeout).
    var status: Int32
    /// Everything written to standard output.
    var output: String
    /// Everything written to standard error.
    var errorOutput: String
}

/// Runs `executable` with `arguments`, feeding `input` on standard input,
/// and waits at most `timeout` seconds (then kills it: status -1).
///
/// Built on posix_spawn, poll and waitpid, with every pipe close-on-exec:
/// tests run in parallel, and a child (above all tmux's server, a daemon)
/// must not inherit another test's pipe and hold it open. Foundation's
/// `Process` gives no such guarantee and reaps children on a dispatch
/// queue, which blocked tests can starve. With `outputFile`, standard
/// output and error go to that file instead of pipes.
func runProcess(_ executable: String, _ arguments: [String], input: String = "",
                environment: [String: String]? = nil, timeout: Double = 30,
                outputFile: URL? = nil) throws -> ProcessResult {
    struct SpawnFailure: Error, CustomStringConvertible {
        var description: String
    }
    func makePipe() throws -> (read: Int32, write: Int32) {
        guard let ends = closeOnExecPipe() else { throw SpawnFailure(description: "pipe: \(errno)") }
        return ends
    }
    let stdin = try makePipe(), stdout = try makePipe(), stderr = try makePipe()

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, stdin.read, 0)
    if let outputFile {
        posix_spawn_file_actions_addopen(&actions, 1, outputFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
    } else {
        posix_spawn_file_actions_adddup2(&actions, stdout.write, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr.write, 2)
    }

    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let variables = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
    let envp = variables.map { strdup($0) } + [nil]
    defer {
        argv.forEach { free($0) }
        envp.forEach { free($0) }
    }
    // The calling thread is a pool thread, which blocks every signal, and
    // a child inherits that mask (tmux's server then never sees SIGCHLD and
    // swerl never sees SIGHUP or SIGINT). Start it with none blocked and the
    // usual signals at their default action.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGINT, SIGHUP, SIGTERM, SIGQUIT, SIGPIPE, SIGCHLD, SIGTSTP, SIGTTIN, SIGTTOU] {
        sigaddset(&defaults, signal)
    }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    for fd in [stdin.read, stdout.write, stderr.write] { close(fd) }
    guard spawned == 0 else {
        for fd in [stdin.write, stdout.read, stderr.read] { close(fd) }
        throw SpawnFailure(description: "posix_spawn \(executable): \(String(cString: strerror(spawned)))")
    }

    let bytes = Array(input.utf8)
    var offset = 0
    while offset < bytes.count {
        let n = bytes.withUnsafeBytes { raw -> Int in
            guard let base = raw.baseAddress else { return 0 }
            return write(stdin.write, base + offset, raw.count - offset)
        }
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { break }
        offset += n
    }
    close(stdin.write)

    let deadline = Date().addingTimeInterval(timeout)
    var collected: [Int32: [UInt8]] = [stdout.read: [], stderr.read: []]
    var open = [stdout.read, stderr.read]
    var buffer = [UInt8](repeating: 0, count: 65_536)
    var waitStatus: Int32 = 0
    var exited = false
    var timedOut = false
    while !(exited && open.isEmpty) {
        if Date() > deadline {
            timedOut = true
            break
        }
        if !exited {
            let reaped = waitpid(pid, &waitStatus, WNOHANG)
            exited = reaped == pid || (reaped < 0 && errno != EINTR)
        }
        guard !open.isEmpty else {
            if !exited { usleep(5_000) }
            continue
        }
        var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        _ = poll(&fds, nfds_t(fds.count), 20)
        for entry in fds where entry.revents != 0 {
            let n = read(entry.fd, &buffer, buffer.count)
            if n > 0 {
                collected[entry.fd, default: []] += buffer[0..<n]
            } else if n == 0 || errno != EINTR {
                open.removeAll { $0 == entry.fd }
            }
        }
    }
    if timedOut && !exited {
        kill(pid, SIGKILL)
        _ = waitpid(pid, &waitStatus, 0)
    }
    close(stdout.read)
    close(stderr.read)

    var out = collected[stdout.read] ?? []
    if let outputFile, let data = FileManager.default.contents(atPath: outputFile.path) {
        out = Array(data)
    }
    let signal = waitStatus & 0x7f
    let status: Int32 = timedOut ? -1 : signal == 0 ? (waitStatus >> 8) & 0xff : 128 + signal
    return ProcessResult(status: status,
                         output: String(decoding: out, as: UTF8.self),
                         errorOutput: String(decoding: collected[stderr.read] ?? [], as: UTF8.self))
}

/// A pipe whose two ends are closed on exec (pipe2 is not visible from
/// Swift on glibc; the flag is set right after creation).
func closeOnExecPipe() -> (read: Int32, write: Int32)? {
    var ends: [Int32] = [-1, -1]
    guard pipe(&ends) == 0 else { return nil }
    for fd in ends { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    return (ends[0], ends[1])
}
