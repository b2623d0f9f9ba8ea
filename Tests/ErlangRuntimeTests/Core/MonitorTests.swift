import ErlangRuntime
import ErlangTerms
import Testing

/// Monitors: `'DOWN'` messages, `noproc`, monitors by name, demonitor.
@Suite struct MonitorTests {
    func down(_ ref: Ref, _ item: Term, _ reason: Term) -> Term {
        tuple(atom("DOWN"), .ref(ref), atom("process"), item, reason)
    }

    @Test func aMonitorGetsOneDownMessageWithTheReason() async throws {
        let runtime = makeRuntime()
        let target = runtime.spawn(ErlangProcess.waitForever)
        let (messages, held) = try await runtime.run { me in
            let ref = me.monitor(target.pid)
            #expect(target.monitoringPids == [me.pid])
            runtime.sendExitSignal(from: outsider, to: target.pid, reason: atom("bye"))
            let first = try await me.next()
            return ([first ?? .nil, .ref(ref)], me.monitoredPids)
        }
        guard case .ref(let ref) = messages[1] else { Issue.record("no ref"); return }
        #expect(messages[0] == down(ref, .pid(target.pid), atom("bye")))
        #expect(held.isEmpty)
    }

    @Test func aTaggedMonitorsDownMessageCarriesTheTag() async throws {
        // erlang:monitor/3's {tag, T}: T replaces 'DOWN', for a live and for a dead process.
        let runtime = makeRuntime()
        let target = runtime.spawn(ErlangProcess.waitForever)
        let dead = runtime.spawn { _ in }
        _ = await dead.waitForExit()
        let messages = try await runtime.run { me -> [Term] in
            let live = me.monitor(target.pid, tag: atom("my_down"))
            let gone = me.monitor(dead.pid, tag: tuple(atom("t"), .int(1)))
            runtime.sendExitSignal(from: outsider, to: target.pid, reason: atom("bye"))
            let first = try await me.next() ?? .nil
            let second = try await me.next() ?? .nil
            return [first, second, .ref(live), .ref(gone)]
        }
        guard case .ref(let live) = messages[2], case .ref(let gone) = messages[3] else { Issue.record("no refs"); return }
        #expect(messages[0] == tuple(tuple(atom("t"), .int(1)), .ref(gone), atom("process"), .pid(dead.pid), atom("noproc")))
        #expect(messages[1] == tuple(atom("my_down"), .ref(live), atom("process"), .pid(target.pid), atom("bye")))
    }

    @Test func monitoringADeadProcessGivesNoprocAtOnce() async throws {
        let runtime = makeRuntime()
        let dead = runtime.spawn { _ in }
        _ = await dead.waitForExit()
        let (ref, mailbox, held) = try await runtime.run { me in
            let ref = me.monitor(dead.pid)
            return (ref, me.queuedMessages, me.monitoredPids)
        }
        #expect(mailbox == [down(ref, .pid(dead.pid), atom("noproc"))])
        #expect(held.isEmpty)
    }

    @Test func monitoringANameUsesNameAndNodeAsTheItem() async throws {
        let runtime = makeRuntime()
        let target = runtime.spawn(ErlangProcess.waitForever)
        #expect(runtime.register(target.pid, as: Atom("svc")))
        let (r1, r2, mailbox) = try await runtime.run { me in
            let r1 = me.monitor(name: Atom("nobody"))
            let r2 = me.monitor(name: Atom("svc"))
            #expect(me.monitoredItems == [tuple(atom("svc"), atom("nonode@nohost"))])
            runtime.sendExitSignal(from: outsider, to: target.pid, reason: atom("kill"))
            _ = try await me.receive { m in m.tupleElements?[1] == .ref(r2) ? true : nil }
            return (r1, r2, me.queuedMessages)
        }
        let item = tuple(atom("nobody"), atom("nonode@nohost"))
        #expect(mailbox == [down(r1, item, atom("noproc"))])
        #expect(r1 != r2)
    }

    @Test func demonitorStopsTheDownMessageAndFlushRemovesOneAlreadyThere() async throws {
        let runtime = makeRuntime()
        let a = runtime.spawn(ErlangProcess.waitForever)
        let b = runtime.spawn(ErlangProcess.waitForever)
        let (mailbox, wasActive, again) = try await runtime.run { me in
            let ra = me.monitor(a.pid)
            let rb = me.monitor(b.pid)
            let wasActive = me.demonitor(ra)
            runtime.sendExitSignal(from: outsider, to: a.pid, reason: atom("kill"))
            _ = await a.waitForExit()
            runtime.sendExitSignal(from: outsider, to: b.pid, reason: atom("kill"))
            _ = await b.waitForExit()
            let again = me.demonitor(rb)    // the DOWN came: no longer active
            me.flushDownMessages(for: rb)
            return (me.queuedMessages, wasActive, again)
        }
        #expect(mailbox.isEmpty)
        #expect(wasActive)
        #expect(!again)
    }

    @Test func monitoringItselfDoesNothing() async throws {
        let runtime = makeRuntime()
        let (held, mailbox) = try await runtime.run { me in
            _ = me.monitor(me.pid)
            return (me.monitoredPids, me.queuedMessages)
        }
        #expect(held.isEmpty && mailbox.isEmpty)
    }

    @Test func spawnMonitorCannotMissAnImmediateExit() async throws {
        let runtime = makeRuntime()
        let (ref, pid, message) = try await runtime.run { me in
            let (child, ref) = runtime.spawnMonitor(by: me) { _ in throw ErlangException(.exit, atom("quick")) }
            return (ref, child.pid, try await me.next())
        }
        #expect(message == down(ref, .pid(pid), atom("quick")))
    }

    @Test func aDyingWatcherRemovesItsMonitorsFromTheTargets() async throws {
        let runtime = makeRuntime()
        let target = runtime.spawn(ErlangProcess.waitForever)
        let watcher = runtime.spawn { p in
            _ = p.monitor(target.pid)
        }
        _ = await watcher.waitForExit()
        #expect(target.monitoringPids.isEmpty)
        runtime.sendExitSignal(from: outsider, to: target.pid, reason: atom("kill"))
        _ = await target.waitForExit()
    }
}
