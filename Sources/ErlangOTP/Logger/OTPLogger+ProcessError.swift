import ErlangRuntime
import ErlangTerms

/// The report BEAM's emulator logs when a plain process dies of an
/// uncaught `error` or `throw`:
///
/// ```
/// =ERROR REPORT==== 4-Dec-2026::03:29:54.275772 ===
/// Error in process <0.83.0> with exit value:
/// {badarith,[{erlang,'/',[1,0],[{error_info,#{module => erl_erts_errors}}]}]}
///
/// ```
///
/// Not for `exit/1` or an exit signal, and not for a proc_lib process
/// (gen_server, `proc_lib:spawn`): proc_lib catches the exception, writes
/// its own `CRASH REPORT` and ends with `exit(Reason)`.
extension OTPLogger {
    /// Logs the emulator's report for `pid`, which died with `exitReason`
    /// (`{Reason, Stack}`, or `{{nocatch, Value}, Stack}` for a throw).
    /// Mirrors erts's `"Error in process ~p with exit value:~n~p~n"`,
    /// logged at level `error`: a primary level below `error` drops it.
    public func logProcessError(_ pid: Pid, exitReason: Term) {
        log(.error, OTPLogger.processErrorBody(pid, exitReason: exitReason))
    }

    /// The report's text, without its header.
    static func processErrorBody(_ pid: Pid, exitReason: Term) -> String {
        "Error in process \(TermWriter.write(.pid(pid))) with exit value:\n"
            + PrettyPrinter().print(exitReason, column: 1) + "\n"
    }
}
