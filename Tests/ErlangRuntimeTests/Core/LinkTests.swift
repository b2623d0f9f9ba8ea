import ErlangRuntime
import ErlangTerms
import Testing

/// Links: exit propagation, trap_exit, `kill` along a link, unlink.
@Suite struct LinkTests {
    /// Starts a process linked to a fresh partner that waits for ever (or
    /// traps exits), makes the linked one exit with `reason`, and returns
    /// the partner's exit reason (or `nil` when it survives) and its mailbox.
    func propagate(_ reason: Term, partnerTraps: Bool) async throws -> (partnerReason: Term?, mailbox: [Term], links: [Pid]) {
        let runtime = makeRuntime()
        let partner = runtime.spawn { p in
            p.trapExit = partnerTraps
            _ = try await p.receive { $0 == atom("stop") ? true : nil }
        }
        await settle(runtime)
        let child = runtime.spawn(linkTo: partner) { _ in
            throw ErlangException(.exit, reason)
        }
        _ = await child.waitForExit()
        await settle(runtime)
        guard partner.isAlive else { return (await partner.waitForExit(), [], []) }
        let mailbox = partner.queuedMessages
        let links = partner.links
        runtime.send(atom("stop"), to: partner.pid)
        _ = await partner.waitForExit()
        return (nil, mailbox, links)
    }

    @Test func anAbnormalExitKillsTheLinkedProcess() async throws {
        let r = try await propagate(atom("boom"), partnerTraps: false)
        #expect(r.partnerReason == atom("boom"))
    }

    @Test func aNormalExitDoesNotKillTheLinkedProcessAndRemovesTheLink() async throws {
        let r = try await propagate(atom("normal"), partnerTraps: false)
        #expect(r.partnerReason == nil)
        #expect(r.mailbox.isEmpty)
        #expect(r.links.isEmpty)
    }

    @Test func killAlongALinkIsAnOrdinaryReason() async throws {
        let r = try await propagate(atom("kill"), partnerTraps: false)
        #expect(r.partnerReason == atom("kill"))
        let trapped = try await propagate(atom("kill"), partnerTraps: true)
        #expect(trapped.partnerReason == nil)
        #expect(trapped.mailbox.count == 1)
        #expect(trapped.mailbox.first?.tupleElements?.last == atom("kill"))
    }

    @Test func aTrappingProcessGetsAnExitMessage() async throws {
        let r = try await propagate(atom("boom"), partnerTraps: true)
        #expect(r.partnerReason == nil)
        #expect(r.mailbox.count == 1)
        guard case .tuple(let e)? = r.mailbox.first else { Issue.record("no EXIT message"); return }
        #expect(e.count == 3 && e[0] == atom("EXIT") && e[2] == atom("boom"))
        #expect(r.links.isEmpty)
    }

    @Test func linkIsBothWaysAndUnlinkStopsPropagation() async throws {
        let runtime = makeRuntime()
        let a = runtime.spawn(ErlangProcess.waitForever)
        let b = runtime.spawn(ErlangProcess.waitForever)
        #expect(a.link(to: b.pid))
        #expect(a.links == [b.pid])
        #expect(b.links == [a.pid])
        a.unlink(from: b.pid)
        #expect(a.links.isEmpty && b.links.isEmpty)
        runtime.sendExitSignal(from: outsider, to: a.pid, reason: atom("boom"))
        #expect(await a.waitForExit() == atom("boom"))
        await settle(runtime)
        #expect(b.isAlive)
        runtime.sendExitSignal(from: outsider, to: b.pid, reason: atom("kill"))
        _ = await b.waitForExit()
    }

    @Test func linkingToADeadProcessFails() async throws {
        let runtime = makeRuntime()
        let dead = runtime.spawn { _ in }
        _ = await dead.waitForExit()
        let result = try await runtime.run { me in (me.link(to: dead.pid), me.links, me.link(to: me.pid)) }
        #expect(result.0 == false)
        #expect(result.1.isEmpty)
        #expect(result.2 == true)
    }

    @Test func spawnLinkChainPropagatesThroughEveryProcess() async throws {
        let runtime = makeRuntime()
        var chain: [ErlangProcess] = [runtime.spawn(ErlangProcess.waitForever)]
        for _ in 0..<50 { chain.append(runtime.spawn(linkTo: chain[chain.count - 1], ErlangProcess.waitForever)) }
        runtime.sendExitSignal(from: outsider, to: chain[25].pid, reason: atom("chain"))
        for p in chain { #expect(await p.waitForExit() == atom("chain")) }
        #expect(runtime.processCount == 0)
    }
}
