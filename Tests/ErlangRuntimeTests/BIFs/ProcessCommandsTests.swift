import ErlangRuntime
import ErlangStdlib
import ErlangTerms
import Testing

/// `regs/0` and `i/0`: erl's column layout (checked against erl 25).
@Suite struct ProcessCommandsTests {
    /// Runs the command `name` from `ProcessCommands.functions` in `process`.
    static func run(_ name: String, in process: ErlangProcess) async throws -> Term {
        guard let row = ProcessCommands.functions.first(where: { $0.name == name && $0.arity == 0 }) else { return .nil }
        return try await row.body(process, [])
    }

    @Test func regsListsRegisteredProcessesByNameInErlsColumns() async throws {
        let output = CapturedOutput()
        let runtime = Runtime(clock: ManualClock(), output: output, firstSerial: 83)
        Stdlib.install(in: runtime)
        let long = runtime.spawn(initialCall: tuple(atom("lists"), atom("seq"), .int(2)), ErlangProcess.waitForever)
        let short = runtime.spawn(ErlangProcess.waitForever)
        #expect(runtime.register(long.pid, as: Atom("a_very_long_registered_name_xyz")))
        #expect(runtime.register(short.pid, as: Atom("b")))
        runtime.send(atom("hello"), to: short.pid)
        let result = try await runtime.run { p in try await Self.run("regs", in: p) }
        #expect(result == .ok)
        let lines = output.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "")
        #expect(lines[1] == "** Registered procs on node nonode@nohost **")
        #expect(lines[2] == "Name                  Pid          Initial Call                      Reds Msgs")
        #expect(lines[3] == "a_very_long_registere <0.83.0>     lists:seq/2                          0    0")
        #expect(lines[4] == "b                     <0.84.0>     erlang:apply/2                       0    1")
        #expect(lines[5] == "")
        #expect(lines[6] == "** Registered ports on node nonode@nohost **")
        #expect(lines[7] == "Name                  Id              Command                                 ")
        for p in [long, short] { runtime.sendExitSignal(from: outsider, to: p.pid, reason: atom("kill")) }
        for p in [long, short] { _ = await p.waitForExit() }
    }

    @Test func iListsEveryProcessOnTwoLinesAndTheTotals() async throws {
        let output = CapturedOutput()
        let runtime = Runtime(clock: ManualClock(), output: output, firstSerial: 90)
        Stdlib.install(in: runtime)
        let idle = runtime.spawn(ErlangProcess.waitForever)
        #expect(runtime.register(idle.pid, as: Atom("init")))
        runtime.send(tuple(atom("a"), atom("b")), to: idle.pid)
        _ = try await runtime.run { p in try await Self.run("i", in: p) }
        let lines = output.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Pid                   Initial Call                          Heap     Reds Msgs")
        #expect(lines[1] == "Registered            Current Function                     Stack              ")
        // A 2-tuple message is 3 words, on top of BEAM's 233-word minimum heap.
        #expect(lines[2] == "<0.90.0>              erlang:apply/2                         236        0    1")
        #expect(lines[3] == "init                  erlang:apply/2                           0              ")
        #expect(lines[4].hasPrefix("<0.91.0>              erlang:apply/2                         233"))
        #expect(lines[6].hasPrefix("Total                                                        469"))
        #expect(lines[7] == String(repeating: " ", count: 63) + "0" + String(repeating: " ", count: 14))
        runtime.sendExitSignal(from: outsider, to: idle.pid, reason: atom("kill"))
        _ = await idle.waitForExit()
    }
}
