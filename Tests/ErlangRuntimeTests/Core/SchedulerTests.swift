#if canImport(Glibc)
import Glibc
#endif
import ErlangRuntime
import ErlangTerms
import Testing

/// The process scheduler under load: round trips, many processes, spinning
/// processes. Each test checks a result; the timings it prints are the
/// measurements quoted in the runtime's notes (run with `-c release`).
@Suite struct SchedulerTests {
    @Test func pingPongRoundTripsEchoEveryMessageInOrder() async throws {
        let runtime = Runtime(clock: SystemClock(), output: CapturedOutput())
        let rounds = 200_000
        let echo = runtime.spawn { p in
            while true {
                guard case .tuple(let e)? = try await p.next(), case .pid(let from) = e[0] else { return }
                runtime.send(e[1], to: from)
            }
        }
        let (ok, micros) = try await runtime.run { me in
            let start = runtime.clock.nowMicroseconds()
            for i in 0..<rounds {
                runtime.send(.tuple([.pid(me.pid), .int(i)]), to: echo.pid)
                guard try await me.next() == .int(i) else { return (false, Int64(0)) }
            }
            return (true, runtime.clock.nowMicroseconds() - start)
        }
        #expect(ok)
        print("ping-pong: \(Double(micros) * 1000 / Double(rounds)) ns per round trip")
        runtime.send(atom("stop"), to: echo.pid)
        _ = await echo.waitForExit()
    }

    @Test func manyIdleProcessesAllRunAndAllEnd() async throws {
        let runtime = Runtime(clock: SystemClock(), output: CapturedOutput())
        let count = getenv("SWERL_BENCH_PROCESSES").flatMap { String(validatingCString: $0) }.flatMap { Int($0) } ?? 20_000
        let before = residentBytes()
        let start = runtime.clock.nowMicroseconds()
        let last = (0..<count).map { _ in runtime.spawn(ErlangProcess.waitForAMessage) }.last
        await settle(runtime)
        let spawnMicros = runtime.clock.nowMicroseconds() - start
        let perProcess = (residentBytes() - before) / count
        #expect(runtime.processCount == count)
        print("spawn: \(count) idle processes in \(spawnMicros / 1000) ms, \(perProcess) bytes each (resident)")
        for pid in runtime.processPids { runtime.send(atom("stop"), to: pid) }
        if let last { _ = await last.waitForExit() }
        await settle(runtime)
        #expect(runtime.processCount == 0)
    }

    @Test func spinningProcessesShareTheWorkersWithAPingPongPair() async throws {
        let runtime = Runtime(clock: SystemClock(), output: CapturedOutput())
        let spinners = (0..<4).map { _ in runtime.spawn { p in while true { try await p.tick() } } }
        let echo = runtime.spawn { p in
            guard case .pid(let from)? = try await p.next() else { return }
            runtime.send(atom("pong"), to: from)
        }
        let reply = try await runtime.run { me in
            runtime.send(.pid(me.pid), to: echo.pid)
            return try await me.next()
        }
        #expect(reply == atom("pong"))
        for s in spinners { runtime.sendExitSignal(from: outsider, to: s.pid, reason: atom("kill")) }
        for s in spinners { #expect(await s.waitForExit() == atom("killed")) }
    }
}

/// The resident set size of this process, in bytes.
private func residentBytes() -> Int {
    guard let file = fopen("/proc/self/statm", "r") else { return 0 }
    defer { fclose(file) }
    var size = 0, resident = 0
    guard withUnsafeMutablePointer(to: &size, { s in
        withUnsafeMutablePointer(to: &resident) { r in fscanfTwo(file, s, r) }
    }) else { return 0 }
    return resident * Int(sysconf(Int32(_SC_PAGESIZE)))
}

private func fscanfTwo(_ file: UnsafeMutablePointer<FILE>, _ a: UnsafeMutablePointer<Int>, _ b: UnsafeMutablePointer<Int>) -> Bool {
    var line = [CChar](repeating: 0, count: 128)
    guard fgets(&line, Int32(line.count), file) != nil,
          let text = line.withUnsafeBufferPointer({ $0.baseAddress.flatMap { String(validatingCString: $0) } }) else { return false }
    let fields = text.split(separator: " ")
    guard fields.count >= 2, let x = Int(fields[0]), let y = Int(fields[1]) else { return false }
    a.pointee = x
    b.pointee = y
    return true
}
