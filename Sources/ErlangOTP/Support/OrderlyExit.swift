import ErlangRuntime
import ErlangTerms

/// The exit reasons OTP's behaviours take for an orderly end: `normal`,
/// `shutdown` and `{shutdown, _}`. gen_server writes no
/// `** Generic server X terminating` report and proc_lib no crash report
/// for them; any other reason, `killed` included (a linked parent that
/// was killed, `exit(killed)`), gets both. (An untrappable `kill` signal
/// ends a process before either runs, so it is never reported.)
enum OrderlyExit {
    /// Whether `reason` is an orderly end.
    static func isOrderly(_ reason: Term) -> Bool {
        if case .atom(let a) = reason, a == .killed { return false }
        return Runtime.isQuietExit(reason)
    }
}
