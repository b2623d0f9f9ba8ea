import ErlangRuntime
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

    /// `proc_lib:wake_up/3`, the bottom of a process once it has hibernated.
    public static let wakeUpBottom = frame(OTPAtom.procLib, "wake_up", 3, line: 250)

    /// Which gen_server function ran a callback.
    enum Site {
        /// `handle_msg` through `try_handle_call/4`: `handle_call/3`.
        case call
        /// `handle_msg` through `try_dispatch/4`: `handle_cast/2`, `handle_info/2`.
        case dispatch
        /// `loop/7` through `try_dispatch/4`: `handle_continue/2`.
        case continuation
    }

    /// The frames under a callback that `site` ran.
    static func under(_ site: Site) -> [Term] {
        switch site {
        case .call:
            return [frame(OTPAtom.genServer, "try_handle_call", 4, line: 1149),
                    frame(OTPAtom.genServer, "handle_msg", 6, line: 1178), procLibBottom]
        case .dispatch:
            return [frame(OTPAtom.genServer, "try_dispatch", 4, line: 1123),
                    frame(OTPAtom.genServer, "handle_msg", 6, line: 1200), procLibBottom]
        case .continuation:
            return [frame(OTPAtom.genServer, "try_dispatch", 4, line: 1123),
                    frame(OTPAtom.genServer, "loop", 7, line: 865), procLibBottom]
        }
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

    /// The frames under `Module:code_change/3` during `sys:change_code`.
    static let codeChange: [Term] = [
        frame(OTPAtom.genServer, "system_code_change", 4, line: 1288),
        frame(OTPAtom.sys, "do_change_code", 5, line: 606),
        frame(OTPAtom.sys, "do_cmd", 6, line: 498),
        frame(OTPAtom.sys, "handle_system_msg", 8, line: 388), procLibBottom,
    ]

    /// Where gen_server's `terminate/10` re-raises an exit.
    static let terminateExit: [Term] = [
        frame(OTPAtom.genServer, "terminate", 10, line: 1312), procLibBottom,
    ]

    /// `gen:do_for_proc(Dest, Fun)`, where a call (`fun` 0), a `sys`
    /// request (also 0) or a stop (`fun` 3) fails with `function_clause`
    /// when `Dest` is not a server reference. The fun is one of gen.erl's
    /// closures, which nothing calls.
    static func doForProc(_ dest: Term, fun index: Int, in process: ErlangProcess) -> Term {
        let fun = Fun(kind: .local(module: OTPAtom.gen, index: index, uniq: 81020319, body: FunBody()), arity: 1,
                      identity: process.runtime.makeFunIdentity())
        return .tuple([.atom(OTPAtom.gen), .atom(Atom("do_for_proc")), .list([dest, .fun(fun)]), location("gen.erl", 557)])
    }

    /// `gen_server:cast(Dest, Request)` with arguments no clause takes.
    static func badCast(_ dest: Term, _ request: Term) -> Term {
        .tuple([.atom(OTPAtom.genServer), .atom(Atom("cast")), .list([dest, request]), location("gen_server.erl", 570)])
    }

    /// `[{file, File}, {line, Line}]`.
    private static func location(_ file: String, _ line: Int) -> Term {
        .list([.tuple([.atom(OTPAtom.file), .string(file)]), .tuple([.atom(OTPAtom.line), .int(line)])])
    }

    /// The stack a client shows while it waits in `gen_server:call/N`.
    static func client(callArity: Int) -> [Term] {
        [frame(OTPAtom.gen, "do_call", 4, line: 256),
         frame(OTPAtom.genServer, "call", callArity, line: callArity == 2 ? 366 : 382)]
    }
}
