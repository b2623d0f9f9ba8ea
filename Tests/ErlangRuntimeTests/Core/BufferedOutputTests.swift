#if canImport(Glibc)
import Glibc
#endif
import ErlangRuntime
import Testing

/// `BufferedOutput`: standard output for pipes and files, written in blocks.
@Suite struct BufferedOutputTests {
    /// A pipe's two ends.
    private func makePipe() -> (read: Int32, write: Int32) {
        var fds: [Int32] = [0, 0]
        let status = fds.withUnsafeMutableBufferPointer { pipe($0.baseAddress!) }
        precondition(status == 0, "pipe() failed")
        return (fds[0], fds[1])
    }

    /// Everything the pipe holds now (the read end is made non-blocking).
    private func drain(_ fd: Int32) -> String {
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        var bytes: [UInt8] = []
        var block = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = block.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n <= 0 { break }
            bytes += block[0..<n]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func flushWritesEverythingInCallOrder() {
        let (r, w) = makePipe()
        defer { close(r); close(w) }
        let output = BufferedOutput(descriptor: w)
        output.write("1> ")
        output.write("ok\n")
        output.write("2> ")
        output.flush()
        #expect(drain(r) == "1> ok\n2> ")
    }

    @Test func concurrentWritersKeepEachWriteWholeAndInOrder() async {
        let (r, w) = makePipe()
        defer { close(r); close(w) }
        let output = BufferedOutput(descriptor: w)
        await withTaskGroup(of: Void.self) { group in
            for writer in 0..<4 {
                group.addTask {
                    for i in 0..<1000 { output.write("w\(writer)-\(i)\n") }
                }
            }
        }
        output.flush()
        let lines = drain(r).split(separator: "\n")
        #expect(lines.count == 4000)
        for writer in 0..<4 {
            let mine = lines.filter { $0.hasPrefix("w\(writer)-") }
            #expect(mine == (0..<1000).map { "w\(writer)-\($0)"[...] })
        }
    }

    @Test func textGoesOutWithoutAFlushSoonAfterItArrives() {
        let (r, w) = makePipe()
        defer { close(r); close(w) }
        let output = BufferedOutput(descriptor: w)
        output.write("prompt> ")
        // The flusher writes it; wait for the pipe to become readable.
        var poller = pollfd(fd: r, events: Int16(POLLIN), revents: 0)
        #expect(poll(&poller, 1, 30_000) == 1)
        #expect(drain(r) == "prompt> ")
    }
}
