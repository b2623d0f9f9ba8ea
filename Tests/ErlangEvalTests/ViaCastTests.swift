import ErlangRuntime
import ErlangTerms
import Testing

/// `gen_server:cast/2` to `{via, M, N}` sends through the registry module,
/// as OTP 25's gen_server does (`catch M:send(N, Msg)`): in the caller,
/// with the registry's errors dropped. Expected values are erl 25's.
@Suite struct ViaCastTests {
    static let registry = """
        -module(reg).
        -export([register_name/2, unregister_name/1, whereis_name/1, send/2]).
        register_name(_, _) -> yes.
        unregister_name(_) -> ok.
        whereis_name(_) -> undefined.
        send(bad, _) -> erlang:error(no_route);
        send(Name, Msg) -> self() ! {sent_via, Name, Msg}, ok.
        """

    @Test func aViaCastGoesThroughTheRegistrysSend() async {
        let harness = ModuleHarness()
        harness.compile(Self.registry, file: "reg.erl")
        let outcome = await harness.inProcess { process in
            let via: Term = .tuple([.atom("via"), .atom("reg"), .atom("foo")])
            let cast = try await process.apply(module: Atom("gen_server"), function: Atom("cast"), [via, .atom("hello")])
            return .tuple([cast, try await process.receiveAny(timeout: .milliseconds(0)) ?? .atom("none")])
        }
        #expect(outcome.text == "{ok,{sent_via,foo,{'$gen_cast',hello}}}")
    }

    @Test func aRegistryThatFailsOrIsMissingLeavesTheCastOk() async {
        let harness = ModuleHarness()
        harness.compile(Self.registry, file: "reg.erl")
        let outcome = await harness.inProcess { process in
            let failing: Term = .tuple([.atom("via"), .atom("reg"), .atom("bad")])
            let missing: Term = .tuple([.atom("via"), .atom("nosuchmod"), .atom("foo")])
            return .tuple([
                try await process.apply(module: Atom("gen_server"), function: Atom("cast"), [failing, .atom("x")]),
                try await process.apply(module: Atom("gen_server"), function: Atom("cast"), [missing, .atom("x")]),
            ])
        }
        #expect(outcome.text == "{ok,ok}")
    }
}
