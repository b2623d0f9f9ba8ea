import ErlangRuntime
import ErlangTerms
import Testing

/// Registered names, with erl's refusals.
@Suite struct RegistryTests {
    @Test func registerWhereisUnregister() async throws {
        let runtime = makeRuntime()
        let p = runtime.spawn(ErlangProcess.waitForever)
        let q = runtime.spawn(ErlangProcess.waitForever)
        #expect(runtime.register(p.pid, as: Atom("a")))
        #expect(runtime.whereis(Atom("a")) == p.pid)
        #expect(p.registeredName == Atom("a"))
        #expect(!runtime.register(q.pid, as: Atom("a")), "name in use")
        #expect(!runtime.register(p.pid, as: Atom("b")), "process already named")
        #expect(!runtime.register(q.pid, as: .undefined), "undefined is not a name")
        #expect(!runtime.register(Pid(serial: 9999), as: Atom("c")), "no such process")
        #expect(runtime.registeredNames == [Atom("a")])
        #expect(runtime.unregister(Atom("a")))
        #expect(!runtime.unregister(Atom("a")))
        #expect(runtime.whereis(Atom("a")) == nil)
        #expect(p.registeredName == nil)
        for x in [p, q] { runtime.sendExitSignal(from: outsider, to: x.pid, reason: atom("kill")) }
        for x in [p, q] { _ = await x.waitForExit() }
    }

    @Test func aNameIsFreedWhenItsProcessExits() async throws {
        let runtime = makeRuntime()
        let p = runtime.spawn(ErlangProcess.waitForAMessage)
        #expect(runtime.register(p.pid, as: Atom("svc")))
        runtime.send(atom("stop"), to: p.pid)
        _ = await p.waitForExit()
        #expect(runtime.whereis(Atom("svc")) == nil)
        #expect(runtime.registeredNames.isEmpty)
        #expect(!runtime.register(p.pid, as: Atom("svc")), "a dead process cannot be registered")
    }
}
