import ErlangRuntime
import ErlangTerms
import Testing

/// The process BIFs' behaviour, as erl 25 shows it.
@Suite struct ProcessBIFTests {
    @Test func exitToItselfTakesEffectBeforeTheCallReturns() async throws {
        let runtime = makeStdlibRuntime()
        let recorder = Recorder()
        let p = runtime.spawn { p in
            _ = try await p.erlang("exit", .pid(p.pid), atom("normal"))
            recorder.record(atom("after"))
        }
        #expect(await p.waitForExit() == atom("normal"))
        #expect(recorder.all.isEmpty)
    }

    @Test func exitToItselfWhileTrappingIsAMessage() async throws {
        let runtime = makeStdlibRuntime()
        let mailbox = try await runtime.run { p in
            #expect(try await p.erlang("process_flag", atom("trap_exit"), .true) == .false)
            #expect(try await p.erlang("process_flag", atom("trap_exit"), .true) == .true)
            _ = try await p.erlang("exit", .pid(p.pid), atom("normal"))
            _ = try await p.erlang("exit", .pid(p.pid), atom("foo"))
            return p.queuedMessages
        }
        #expect(mailbox.count == 2)
        #expect(mailbox.last?.tupleElements?.last == atom("foo"))
    }

    @Test func exitNormalToAnotherProcessIsIgnored() async throws {
        let runtime = makeStdlibRuntime()
        let target = runtime.spawn(ErlangProcess.waitForever)
        let alive = try await runtime.run { p in
            _ = try await p.erlang("exit", .pid(target.pid), atom("normal"))
            return try await p.erlang("is_process_alive", .pid(target.pid))
        }
        #expect(alive == .true)
        let killed = try await runtime.run { p in
            _ = try await p.erlang("exit", .pid(target.pid), atom("kill"))
            _ = await target.waitForExit()
            return try await p.erlang("is_process_alive", .pid(target.pid))
        }
        #expect(killed == .false)
    }

    @Test func linkToADeadProcessWhileTrappingDeliversNoproc() async throws {
        let runtime = makeStdlibRuntime()
        let dead: Term = .pid(Pid(serial: 999))
        let (result, mailbox) = try await runtime.run { p in
            _ = try await p.erlang("process_flag", atom("trap_exit"), .true)
            return (try await p.erlang("link", dead), p.queuedMessages)
        }
        #expect(result == .true)
        #expect(mailbox == [tuple(atom("EXIT"), dead, atom("noproc"))])
    }

    @Test func sendToNamesAndNodeTuples() async throws {
        let runtime = makeStdlibRuntime()
        let mailbox = try await runtime.run { p in
            _ = try await p.erlang("register", atom("me"), .pid(p.pid))
            #expect(try await p.erlang("send", atom("me"), .int(1)) == .int(1))
            #expect(try await p.erlang("send", tuple(atom("me"), atom("nonode@nohost")), .int(2)) == .int(2))
            #expect(try await p.erlang("send", tuple(atom("nobody"), atom("nonode@nohost")), .int(3)) == .int(3))
            #expect(try await p.erlang("send", tuple(atom("me"), atom("other@host")), .int(4)) == .int(4))
            #expect(try await p.erlang("send", .pid(Pid(serial: 999)), .int(5)) == .int(5))
            return p.queuedMessages
        }
        #expect(mailbox == [.int(1), .int(2)])
    }

    @Test func monitorAnUnregisteredNameGivesAnImmediateDown() async throws {
        let runtime = makeStdlibRuntime()
        let (ref, mailbox) = try await runtime.run { p in
            (try await p.erlang("monitor", atom("process"), atom("nosuch")), p.queuedMessages)
        }
        #expect(mailbox == [tuple(atom("DOWN"), ref, atom("process"), tuple(atom("nosuch"), atom("nonode@nohost")), atom("noproc"))])
    }

    @Test func demonitorResults() async throws {
        let runtime = makeStdlibRuntime()
        let target = runtime.spawn(ErlangProcess.waitForever)
        let results = try await runtime.run { p in
            let unknown: Term = .ref(runtime.makeRef())
            let r1 = try await p.erlang("demonitor", unknown)
            let r2 = try await p.erlang("demonitor", unknown, list(atom("info")))
            let r3 = try await p.erlang("demonitor", unknown, list(atom("flush")))
            let ref = try await p.erlang("monitor", atom("process"), .pid(target.pid))
            let r4 = try await p.erlang("demonitor", ref, list(atom("flush"), atom("info")))
            let r5 = try await p.erlang("demonitor", ref, list(atom("flush"), atom("info")))
            return [r1, r2, r3, r4, r5]
        }
        #expect(results == [.true, .false, .true, .true, .false])
        runtime.sendExitSignal(from: outsider, to: target.pid, reason: atom("kill"))
        _ = await target.waitForExit()
    }

    @Test func spawnFamily() async throws {
        let runtime = makeStdlibRuntime()
        let (down1, down2, linked) = try await runtime.run { p in
            let m1 = try await p.erlang("spawn_monitor", atom("nosuchmod"), atom("f"), .nil)
            let fun: Term = .fun(Fun(kind: .external(module: Atom("erlang"), function: Atom("self")), arity: 1, identity: 1))
            let m2 = try await p.erlang("spawn_monitor", fun)
            // The two children race to exit: take each one's 'DOWN' by its reference.
            let d1 = try await p.receive { downFor(m1, $0) }
            let d2 = try await p.receive { downFor(m2, $0) }
            let child = try await p.erlang("spawn_link", atom("timer"), atom("sleep"), list(atom("infinity")))
            return ([m1, d1 ?? .nil], [m2, d2 ?? .nil], [child] + p.links.map { .pid($0) })
        }
        // spawn_monitor(nosuchmod, f, []) exits with {undef, [{nosuchmod, f, [], []}]}.
        #expect(down1[1].tupleElements?.last
                == tuple(atom("undef"), list(tuple(atom("nosuchmod"), atom("f"), .nil, .nil))))
        // A fun of the wrong arity exits with badarity at erlang:apply/2.
        guard case .tuple(let reason)? = down2[1].tupleElements?.last else { Issue.record("no reason"); return }
        #expect(reason.first?.tupleElements?.first == atom("badarity"))
        #expect(reason.last == list(tuple(atom("erlang"), atom("apply"), .int(2), .nil)))
        #expect(linked.count == 2 && linked[0] == linked[1])
        guard case .pid(let sleeper) = linked[0] else { return }
        runtime.sendExitSignal(from: outsider, to: sleeper, reason: atom("kill"))
    }

    @Test func processInfo() async throws {
        let runtime = makeStdlibRuntime()
        let target = runtime.spawn(initialCall: tuple(atom("m"), atom("f"), .int(0)), ErlangProcess.waitForever)
        await settle(runtime)
        let info = try await runtime.run { p in
            runtime.send(atom("hello"), to: target.pid)
            let pid: Term = .pid(target.pid)
            return [
                try await p.erlang("process_info", pid, atom("registered_name")),
                try await p.erlang("process_info", pid, list(atom("registered_name"), atom("message_queue_len"),
                                                              atom("messages"), atom("initial_call"), atom("trap_exit"))),
                try await p.erlang("process_info", .pid(p.pid), atom("status")),
                try await p.erlang("process_info", .pid(Pid(serial: 999)), atom("status")),
                try await p.erlang("process_info", .pid(Pid(serial: 999))),
            ]
        }
        #expect(info[0] == .nil)
        #expect(info[1] == list(tuple(atom("registered_name"), .nil), tuple(atom("message_queue_len"), .int(1)),
                                tuple(atom("messages"), list(atom("hello"))),
                                tuple(atom("initial_call"), tuple(atom("m"), atom("f"), .int(0))),
                                tuple(atom("trap_exit"), .false)))
        #expect(info[2] == tuple(atom("status"), atom("running")))
        #expect(info[3] == .undefined)
        #expect(info[4] == .undefined)
        runtime.sendExitSignal(from: outsider, to: target.pid, reason: atom("kill"))
        _ = await target.waitForExit()
    }

    @Test func processInfoOfAWaitingProcessWithMonitorsAndLinks() async throws {
        let runtime = makeStdlibRuntime()
        let other = runtime.spawn(ErlangProcess.waitForever)
        let target = runtime.spawn { p in
            _ = try await p.erlang("register", atom("svc"), .pid(p.pid))
            _ = try await p.erlang("put", atom("k"), .int(1))
            _ = try await p.erlang("monitor", atom("process"), .pid(other.pid))
            _ = try await p.erlang("link", .pid(other.pid))
            _ = try await p.next()
        }
        await settle(runtime)
        let info = try await runtime.run { p in
            try await p.erlang("process_info", .pid(target.pid))
        }
        let items = info.listElements ?? []
        let keys = items.compactMap { $0.tupleElements?.first }
        #expect(keys == ["registered_name", "current_function", "initial_call", "status", "message_queue_len",
                         "links", "dictionary", "trap_exit", "error_handler", "priority", "suspending"].map(atom))
        #expect(items.contains(tuple(atom("registered_name"), atom("svc"))))
        #expect(items.contains(tuple(atom("status"), atom("waiting"))))
        #expect(items.contains(tuple(atom("links"), list(.pid(other.pid)))))
        #expect(items.contains(tuple(atom("dictionary"), list(tuple(atom("k"), .int(1))))))
        let monitors = try await runtime.run { p in
            [try await p.erlang("process_info", .pid(target.pid), atom("monitors")),
             try await p.erlang("process_info", .pid(other.pid), atom("monitored_by"))]
        }
        #expect(monitors == [tuple(atom("monitors"), list(tuple(atom("process"), .pid(other.pid)))),
                             tuple(atom("monitored_by"), list(.pid(target.pid)))])
        runtime.sendExitSignal(from: outsider, to: other.pid, reason: atom("kill"))
        #expect(await target.waitForExit() == atom("killed"))
    }

    @Test func processDictionary() async throws {
        let runtime = makeStdlibRuntime()
        let results = try await runtime.run { p in
            [
                try await p.erlang("put", atom("c"), .int(3)),
                try await p.erlang("put", atom("a"), .int(1)),
                try await p.erlang("put", atom("c"), .int(4)),
                try await p.erlang("get", atom("c")),
                try await p.erlang("get", atom("zz")),
                try await p.erlang("get"),
                try await p.erlang("get_keys"),
                try await p.erlang("get_keys", .int(1)),
                try await p.erlang("erase", atom("c")),
                try await p.erlang("erase", atom("c")),
                try await p.erlang("put", atom("b"), .int(2)),
                try await p.erlang("erase"),
                try await p.erlang("get"),
            ]
        }
        #expect(results == [
            .undefined, .undefined, .int(3), .int(4), .undefined,
            list(tuple(atom("c"), .int(4)), tuple(atom("a"), .int(1))),
            list(atom("c"), atom("a")), list(atom("a")), .int(4), .undefined, .undefined,
            list(tuple(atom("a"), .int(1)), tuple(atom("b"), .int(2))), .nil,
        ])
    }

    @Test func registry() async throws {
        let runtime = makeStdlibRuntime()
        let results = try await runtime.run { p in
            [
                try await p.erlang("whereis", atom("x")),
                try await p.erlang("register", atom("x"), .pid(p.pid)),
                try await p.erlang("whereis", atom("x")),
                try await p.erlang("registered"),
                try await p.erlang("unregister", atom("x")),
                try await p.erlang("registered"),
            ]
        }
        #expect(results[0] == .undefined)
        #expect(results[1] == .true)
        #expect(results[2].tupleElements == nil && results[2] != .undefined)
        #expect(results[3] == list(atom("x")))
        #expect(results[4] == .true)
        #expect(results[5] == .nil)
    }

    @Test func pidsAndNodes() async throws {
        let runtime = makeStdlibRuntime()
        let results = try await runtime.run { p in
            [
                try await p.erlang("list_to_pid", .string("<0.5.0>")),
                try await p.erlang("pid_to_list", .pid(Pid(serial: 42))),
                try await p.erlang("node"),
                try await p.erlang("node", .pid(p.pid)),
                try await p.erlang("node", .ref(Ref(id: 1))),
                try await p.erlang("nodes"),
                try await p.erlang("self"),
                try await p.erlang("processes"),
            ]
        }
        #expect(results[7] == list(results[6]))
        #expect(results[0] == .pid(Pid(serial: 5)))
        #expect(results[1] == .string("<0.42.0>"))
        #expect(results[2] == atom("nonode@nohost"))
        #expect(results[3] == atom("nonode@nohost"))
        #expect(results[4] == atom("nonode@nohost"))
        #expect(results[5] == .nil)
    }
}

/// `message` if it is the `'DOWN'` message of the monitor in `spawned`
/// (`{Pid, Ref}`, as `spawn_monitor` returns it).
private func downFor(_ spawned: Term, _ message: Term) -> Term? {
    guard case .tuple(let m) = message, m.count == 5, m[0] == atom("DOWN"),
          m[1] == spawned.tupleElements?.last else { return nil }
    return message
}
