import ErlangTerms

/// The stack frames OTP's own code contributes to stacktraces, written as
/// erl writes them: `{Module, Function, Arity, [{file, F}, {line, L}]}`,
/// with the file names and line numbers of OTP 25's sources, so reports and
/// the shell's `in function ...` lines read as erl's.
public enum StackFrames {
    /// `{Module, Function, Arity, [{file, "module.erl"}, {line, Line}]}`.
    public static func frame(_ module: Atom, _ function: String, _ arity: Int, line: Int) -> Term {
        .tuple([.atom(module), .atom(Atom(function)), .int(arity),
                .list([.tuple([.atom(OTPAtom.file), .string(module.text + ".erl")]),
                       .tuple([.atom(OTPAtom.line), .int(line)])])])
    }

    /// `proc_lib:init_p_do_apply/3`, the bottom of every proc_lib process.
    public static let procLibBottom = frame(OTPAtom.procLib, "init_p_do_apply", 3, line: 240)

    /// The frames under a callback that `gen_server:handle_msg` dispatched:
    /// `try_dispatch/4` (cast, info) or `try_handle_call/4` (call).
    static func dispatch(call: Bool) -> [Term] {
        if call {
            return [frame(OTPAtom.genServer, "try_handle_call", 4, line: 1149),
                    frame(OTPAtom.genServer, "handle_msg", 6, line: 1178), procLibBottom]
        }
        return [frame(OTPAtom.genServer, "try_dispatch", 4, line: 1123),
                frame(OTPAtom.genServer, "handle_msg", 6, line: 1200), procLibBottom]
    }

    /// The frames under `Module:init/1`.
    static let initCallback: [Term] = [
        frame(OTPAtom.genServer, "init_it", 2, line: 851),
        frame(OTPAtom.genServer, "init_it", 6, line: 814), procLibBottom,
    ]

    /// Where `gen_server:init_it/6` exits after `{stop, R}` (line 835) or a
    /// bad return value (line 843).
    static func initExit(line: Int) -> [Term] {
        [frame(OTPAtom.genServer, "init_it", 6, line: line), procLibBottom]
    }

    /// Where gen_server exits after a `{stop, ...}` callback result.
    static let commonReplyExit: [Term] = [
        frame(OTPAtom.genServer, "handle_common_reply", 8, line: 1241), procLibBottom,
    ]

    /// Where gen_server's `terminate/10` re-raises an exit.
    static let terminateExit: [Term] = [
        frame(OTPAtom.genServer, "terminate", 10, line: 1312), procLibBottom,
    ]

    /// The stack a client shows while it waits in `gen_server:call/N`.
    static func client(callArity: Int) -> [Term] {
        [frame(OTPAtom.gen, "do_call", 4, line: 256),
         frame(OTPAtom.genServer, "call", callArity, line: callArity == 2 ? 366 : 382)]
    }
}
