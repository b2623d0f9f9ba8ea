import ErlangRuntime
import ErlangTerms

/// The callbacks OTP 25 lets a module leave out, and what the loop does
/// instead: `handle_info/2` (a warning report, the message is dropped and
/// the state kept), `terminate/2` (nothing runs), `format_status/1,2` (the
/// state is shown as it is). `handle_cast/2`, `handle_call/3` and
/// `handle_continue/2` are not optional: their `undef` crashes the server.
/// (`code_change/3` is not optional either: `sys:change_code/4` answers
/// `{error, {'EXIT', {undef, ...}}}`.)
extension GenServerLoop {
    /// Whether `handle_info/2` raised `undef` because the module does not
    /// export it; if so, writes gen_server's warning report about
    /// `message`. An `undef` from a call inside an exported `handle_info/2`
    /// is an ordinary crash. Mirrors the `no_handle_info` case of
    /// `gen_server:try_dispatch/4`.
    func missingHandleInfo(_ message: Term) async -> Bool {
        guard !(await exports(FunctionKey(OTPAtom.handleInfo, 2))) else { return false }
        let body = (try? ErlangFormat.format("** Undefined handle_info in ~tp~n** Unhandled message: ~tp~n",
                                             [.atom(module), message])) ?? ""
        OTPLogger.of(process.runtime).log(.warning, body)
        return true
    }

    /// Whether the callback module exports `key`.
    func exports(_ key: FunctionKey) async -> Bool {
        await process.runtime.modules.module(module)?.exportedFunction(key) != nil
    }
}

extension ErlangException {
    /// Whether this is `error:undef`, what calling a function that is not
    /// there raises.
    var isUndef: Bool { kind == .error && reason == .atom(.undef) }
}
