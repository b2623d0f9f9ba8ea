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
}
