import ErlangOTP
import ErlangRuntime
import ErlangTerms
import Testing

/// OTP 25's `format_status/1`: what a server shows of its state in
/// `sys:get_status/1` and in its error report.
@Suite struct FormatStatusTests {
    /// The misc list of `sys:get_status(fs1)`.
    func misc(_ p: ErlangProcess) async throws -> [Term] {
        let status = try await p.call("sys", "get_status", atom("fs1"))
        guard case .tuple(let e) = status, e.count == 4, let parts = e[3].listElements, parts.count == 5,
              let misc = parts[4].listElements else { return [] }
        return misc
    }

    @Test func statusAndReportShowWhatFormatStatusReturns() async throws {
        let h = OTPHarness()
        let shown = try await h.runtime.run { p in
            _ = try await p.call("gen_server", "start", local("fs1"), atom("fs1"), atom("secret"), .nil)
            let shown = try await misc(p)
            _ = try await p.catching("gen_server", "call", atom("fs1"), atom("boom"))
            return shown
        }
        await h.settle()
        #expect(shown.last == tuple(atom("data"), list(tuple(.string("State"), atom("hidden_state")))))
        let out = h.output.text
        #expect(out.contains("** When Server state == hidden_state\n** Reason for termination ==\n** {hidden,boom}\n"))
        #expect(!out.contains("secret"))
    }

    @Test func aResultThatIsNotAMapIsShownAsAText() async throws {
        let h = OTPHarness()
        let shown = try await h.runtime.run { p in
            _ = try await p.call("gen_server", "start", local("fs1"), atom("fs1"), atom("not_a_map"), .nil)
            return try await misc(p)
        }
        #expect(shown.last == tuple(atom("data"), list(tuple(.string("State"),
                                                             .string("fs1:format_status/1 did not return a map")))))
    }

    @Test func theReportShowsTheLogWhenThereIsOne() async throws {
        let h = OTPHarness()
        _ = try await h.runtime.run { p in
            let options = list(tuple(atom("debug"), list(atom("log"))))
            _ = try await p.call("gen_server", "start", local("tc"), atom("tc"), .int(0), options)
            return try await p.exitReason(ofRegistered: "tc") {
                _ = try await p.call("gen_server", "cast", atom("tc"), tuple(atom("quit"), atom("odd")))
            } ?? .nil
        }
        #expect(h.output.text.contains("""
            ** Reason for termination ==
            ** odd
            ** Log ==
            ** [{in,{'$gen_cast',{quit,odd}}}]

            """))
    }
}
