@testable import ErlangShell
import ErlangRuntime
import ErlangTerms
import Testing

/// How the shell reports the exit of an evaluator that a crashing linked
/// process killed (expected text recorded from erl 25, session gs_crash_linked).
@Suite("Exception reports")
struct ExceptionReportTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let reason: Term
        let expected: String
        var testDescription: String { name }
    }

    static func location(_ file: String, _ line: Int) -> Term {
        .list([.tuple([.atom("file"), .string(file)]), .tuple([.atom("line"), .int(line)])])
    }

    static func frame(_ m: String, _ f: String, _ arity: Int, _ file: String, _ line: Int) -> Term {
        .tuple([.atom(m), .atom(f), .int(arity), location(file, line)])
    }

    static let genServerFrames = [
        frame("gen_server", "try_dispatch", 4, "gen_server.erl", 1123),
        frame("gen_server", "handle_msg", 6, "gen_server.erl", 1200),
        frame("proc_lib", "init_p_do_apply", 3, "proc_lib.erl", 240),
    ]

    static let cases: [Case] = [
        Case(name: "badmatch in a callback",
             reason: .tuple([.tuple([.atom("badmatch"), .atom("bad")]),
                             .list([frame("crashy", "handle_cast", 2, "crashy.erl", 16)] + genServerFrames)]),
             expected: """
             ** exception exit: {badmatch,bad}
                  in function  crashy:handle_cast/2 (crashy.erl, line 16)
                  in call from gen_server:try_dispatch/4 (gen_server.erl, line 1123)
                  in call from gen_server:handle_msg/6 (gen_server.erl, line 1200)
                  in call from proc_lib:init_p_do_apply/3 (proc_lib.erl, line 240)

             """),
        Case(name: "badarg from a BIF in a callback",
             reason: .tuple([.atom("badarg"),
                             .list([.tuple([.atom("erlang"), .atom("length"), .list([.atom("not_a_list")]), .nil]),
                                    frame("crashy", "handle_info", 2, "crashy.erl", 20)] + genServerFrames)]),
             expected: """
             ** exception exit: badarg
                  in function  length/1
                     called as length(not_a_list)
                     *** argument 1: not a list
                  in call from crashy:handle_info/2 (crashy.erl, line 20)
                  in call from gen_server:try_dispatch/4 (gen_server.erl, line 1123)
                  in call from gen_server:handle_msg/6 (gen_server.erl, line 1200)
                  in call from proc_lib:init_p_do_apply/3 (proc_lib.erl, line 240)

             """),
    ]

    @Test(arguments: cases)
    func killedEvaluator(_ c: Case) {
        let report = ExceptionReport { term, column in PrettyPrinter.shell.print(term, column: column) }
        #expect(report.format(ErlangException(.exit, c.reason), killedBySignal: true) == c.expected)
    }

    @Test func exitRaisedInTheShellPrintsTheWholeReason() {
        let reason = Term.tuple([.atom("foo"), .list([Self.frame("m", "f", 1, "m.erl", 3)])])
        let report = ExceptionReport { term, column in PrettyPrinter.shell.print(term, column: column) }
        #expect(report.format(ErlangException(.exit, reason)) == "** exception exit: {foo,[{m,f,1,[{file,\"m.erl\"},{line,3}]}]}\n")
    }

    /// Exceptions of every class show the frames above the shell's own, as
    /// erl's shell shows them (expected text recorded from erl 25).
    static let located: [(ErlangException, String)] = [
        (ErlangException(.exit, .tuple([.atom("noproc"), .tuple([.atom("gen_server"), .atom("call"),
                                                                 .list([.atom("nobody"), .atom("x")])])]),
                         stacktrace: [frame("gen_server", "call", 2, "gen_server.erl", 370)]),
         """
         ** exception exit: {noproc,{gen_server,call,[nobody,x]}}
              in function  gen_server:call/2 (gen_server.erl, line 370)

         """),
        (ErlangException(.throw, .atom("up"), stacktrace: [frame("exm", "th", 0, "exm.erl", 4)]),
         "** exception throw: up\n     in function  exm:th/0 (exm.erl, line 4)\n"),
        // A BIF raising in a shell fun: erl's frame for it is shell:apply_fun/3.
        (ErlangException(.exit, .atom("x"), stacktrace: [CallerStandIn.frame(),
                                                         frame("lists", "foreach_1", 2, "lists.erl", 1442)]),
         """
         ** exception exit: x
              in function  shell:apply_fun/3 (shell.erl, line 912)
              in call from lists:foreach_1/2 (lists.erl, line 1442)

         """),
        // Raised by the shell's own expression: only the shell's frames.
        (ErlangException(.exit, .atom("foo"), stacktrace: [CallerStandIn.frame()]), "** exception exit: foo\n"),
        (ErlangException(.throw, .atom("x"), stacktrace: [frame("erl_eval", "do_apply", 7, "erl_eval.erl", 748),
                                                          frame("shell", "exprs", 7, "shell.erl", 691)]),
         "** exception throw: x\n"),
    ]

    @Test(arguments: located)
    func everyClassShowsItsFrames(_ exception: ErlangException, _ expected: String) {
        let report = ExceptionReport { term, column in PrettyPrinter.shell.print(term, column: column) }
        #expect(report.format(exception) == expected)
    }
}
