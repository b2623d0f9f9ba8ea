import ErlangRuntime
import ErlangTerms
import Testing

/// `erlang:monitor/3` with OTP 25's options (recorded from erl 25).
@Suite struct MonitorOptionsTests {
    @Test func aTagReplacesDownInTheMessage() async throws {
        let runtime = makeStdlibRuntime()
        let messages = try await runtime.run { p in
            let plain = try await p.erlang("monitor", atom("process"), atom("nobody"), .nil)
            let tagged = try await p.erlang("monitor", atom("process"), atom("nobody"),
                                            list(tuple(atom("tag"), tuple(atom("my"), atom("tag")))))
            let aliased = try await p.erlang("monitor", atom("process"), atom("nobody"),
                                             list(tuple(atom("alias"), atom("explicit_unalias"))))
            return [try await p.next() ?? .nil, try await p.next() ?? .nil, try await p.next() ?? .nil,
                    plain, tagged, aliased]
        }
        let item = tuple(atom("nobody"), atom("nonode@nohost"))
        #expect(messages[0] == tuple(atom("DOWN"), messages[3], atom("process"), item, atom("noproc")))
        #expect(messages[1] == tuple(tuple(atom("my"), atom("tag")), messages[4], atom("process"), item, atom("noproc")))
        #expect(messages[2] == tuple(atom("DOWN"), messages[5], atom("process"), item, atom("noproc")))
    }

    @Test func aTaggedMonitorOfALiveProcessFiresWithTheTag() async throws {
        let runtime = makeStdlibRuntime()
        let target = runtime.spawn { p in _ = try await p.next() }
        let down = try await runtime.run { p in
            let ref = try await p.erlang("monitor", atom("process"), .pid(target.pid), list(tuple(atom("tag"), atom("hello"))))
            runtime.send(atom("go"), to: target.pid)
            return [try await p.next() ?? .nil, ref]
        }
        #expect(down[0] == tuple(atom("hello"), down[1], atom("process"), .pid(target.pid), atom("normal")))
    }

    @Test func badOptionsAreBadarg() async throws {
        let runtime = makeStdlibRuntime()
        let errors = try await runtime.run { p in
            [await raised { try await p.erlang("monitor", atom("process"), .pid(p.pid), list(atom("bad"))) },
             await raised { try await p.erlang("monitor", atom("process"), .pid(p.pid), atom("a")) }]
        }
        #expect(errors.allSatisfy { $0?.reason == atom("badarg") })
    }
}
