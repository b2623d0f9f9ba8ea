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
        -export([double/1, wait/1, mixed/1, bad/1, pick/1, sign/1, deep/1, loops/1, nomatch/1,
                 via_helper/1, tail_helper/1, via_loop/1, helper_error/1]).
        double(X) -> X * 2.
        wait(X) -> receive X -> got end.
        mixed(sync) -> fast;
        mixed(Other) -> receive Other -> slow end.
        bad(X) -> X + a.
        pick(X) -> Y = X + 1, case Y of 2 -> two; _ -> begin Z = Y * 2, {other, Z} end end.
        sign(X) -> if X > 0 -> pos; X < 0 -> neg; true -> case X of 0 -> zero; _ -> float_zero end end.
        deep(X) -> case X of {a, Y} -> double(Y); _ -> none end.
        loops(0) -> done;
        loops(N) -> loops(N - 1).
        nomatch(X) -> case X of a -> 1 end.
        via_helper(X) -> Y = double(X), {ok, Y}.
        tail_helper(X) -> double(X).
        via_loop(X) -> loops(X).
        helper_error(X) -> Y = bad(X), {never, Y}.
        """

    /// A call and what the try at once gives (`nil`: the full call must run).
    static let calls: [(String, Term, String)] = [
        ("double", .int(21), "42"),
        ("wait", .int(1), "nil"),
        ("mixed", .atom("sync"), "fast"),
        ("mixed", .atom("other"), "nil"),
        // A `case`, `if` or `begin` in tail position runs at once when
        // nothing in it can suspend: not a call of the module's own
        // function that recurses (`loops`), which the function's loop makes.
        ("pick", .int(1), "two"),
        ("pick", .int(4), "{other,10}"),
        ("sign", .int(-3), "neg"),
        ("sign", .float(0.0), "float_zero"),
        ("deep", .atom("x"), "none"),
        ("loops", .int(0), "done"),
        ("loops", .int(3), "nil"),
        // A call of the module's own function that recurses into nothing
        // and cannot suspend is made in place, in or out of tail position.
        ("via_helper", .int(21), "{ok,42}"),
        ("tail_helper", .int(21), "42"),
        ("via_loop", .int(3), "nil"),
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

    @Test func aCaseClauseAtOnceIsTheFullCallsError() async {
        let harness = ModuleHarness()
        harness.compile(Self.source, file: "quick.erl")
        let atOnce = await harness.inProcess { process in
            var site = CallSite()
            return try process.applyAtOnce(module: Atom("quick"), function: Atom("nomatch"), [.atom("b")], via: &site)
                ?? .atom("nil")
        }
        let full = await harness.call("quick", "nomatch", [.atom("b")])
        #expect(atOnce.text == "raised error:{case_clause,b}")
        #expect(atOnce.stacktraceText == full.stacktraceText)
        #expect(atOnce.stacktraceText.contains("{quick,nomatch,1,"))
    }

    @Test func anErrorInAHelperAtOnceIsTheFullCallsError() async {
        let harness = ModuleHarness()
        harness.compile(Self.source, file: "quick.erl")
        let atOnce = await harness.inProcess { process in
            var site = CallSite()
            return try process.applyAtOnce(module: Atom("quick"), function: Atom("helper_error"), [.int(1)], via: &site)
                ?? .atom("nil")
        }
        let full = await harness.call("quick", "helper_error", [.int(1)])
        #expect(atOnce.text == "raised error:badarith")
        #expect(atOnce.stacktraceText == full.stacktraceText)
        #expect(atOnce.stacktraceText.contains("{quick,bad,1,") && atOnce.stacktraceText.contains("{quick,helper_error,1,"))
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
