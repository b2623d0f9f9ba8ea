import ErlangOTP
import ErlangTerms
import Testing

/// `OTPAtom`'s constants are atom indices (`Atom(constant:)`): each must
/// be the atom of the text it stands for.
@Suite struct OTPAtomTests {
    @Test(arguments: [
        (OTPAtom.genCall, "$gen_call"), (OTPAtom.genCast, "$gen_cast"), (OTPAtom.system, "system"),
        (OTPAtom.alias, "alias"), (OTPAtom.ack, "ack"), (OTPAtom.reply, "reply"), (OTPAtom.noreply, "noreply"),
        (OTPAtom.stop, "stop"), (OTPAtom.continue, "continue"), (OTPAtom.hibernate, "hibernate"),
        (OTPAtom.ignore, "ignore"), (OTPAtom.local, "local"), (OTPAtom.global, "global"), (OTPAtom.via, "via"),
        (OTPAtom.alreadyStarted, "already_started"), (OTPAtom.badReturnValue, "bad_return_value"),
        (OTPAtom.shutdown, "shutdown"), (OTPAtom.genServer, "gen_server"), (OTPAtom.gen, "gen"),
        (OTPAtom.sys, "sys"), (OTPAtom.procLib, "proc_lib"), (OTPAtom.call, "call"), (OTPAtom.initialize, "init"),
        (OTPAtom.handleCall, "handle_call"), (OTPAtom.handleCast, "handle_cast"), (OTPAtom.handleInfo, "handle_info"),
        (OTPAtom.handleContinue, "handle_continue"), (OTPAtom.terminate, "terminate"), (OTPAtom.timeout, "timeout"),
        (OTPAtom.initialCallKey, "$initial_call"), (OTPAtom.ancestorsKey, "$ancestors"),
    ])
    func constantIsItsText(_ atom: Atom, _ text: String) {
        #expect(atom.text == text)
        #expect(Atom(text) == atom)
    }
}
