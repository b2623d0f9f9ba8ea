import ErlangRuntime
import ErlangTerms
import Testing

/// A gen_server's loop tries each callback without suspending first
/// (`ErlangProcess.applyAtOnce`): an interpreted function whose selected
/// clause cannot suspend runs whole; one that can answers `nil`, having
/// done nothing, and the loop calls it in full.
@Suite struct AtOnceCallbackTests {
    static let source = """
        -module(quick).
        -export([double/1, wait/1, mixed/1, bad/1]).
        double(X) -> X * 2.
        wait(X) -> receive X -> got end.
        mixed(sync) -> fast;
        mixed(Other) -> receive Other -> slow end.
        bad(X) -> X + a.
        """

    /// A call and what the try at once gives (`nil`: the full call must run).
    static let calls: [(String, Term, String)] = [
        ("double", .int(21), "42"),
        ("wait", .int(1), "nil"),
        ("mixed", .atom("sync"), "fast"),
        ("mixed", .atom("other"), "nil"),
    ]

    @Test("which calls answer at once", arguments: calls)
    func answersAtOnce(_ function: String, _ argument: Term, _ expected: String) async {
        let harness = ModuleHarness()
        harness.compile(Self.source, file: "quick.erl")
        let outcome = await harness.inProcess { process in
            var site = CallSite()
            let value = try process.applyAtOnce(module: Atom("quick"), function: Atom(function), [argument], via: &site)
            return value ?? .atom("nil")
        }
        #expect(outcome.text == expected, "\(function)")
    }

    @Test func anErrorAtOnceIsTheFullCallsError() async {
        let harness = ModuleHarness()
        harness.compile(Self.source, file: "quick.erl")
        let atOnce = await harness.inProcess { process in
            var site = CallSite()
            return try process.applyAtOnce(module: Atom("quick"), function: Atom("bad"), [.int(1)], via: &site) ?? .atom("nil")
        }
        let full = await harness.call("quick", "bad", [.int(1)])
        #expect(atOnce.text == "raised error:badarith")
        #expect(atOnce.stacktraceText == full.stacktraceText)
        #expect(atOnce.stacktraceText.contains("{quick,bad,1,"))
    }
}
