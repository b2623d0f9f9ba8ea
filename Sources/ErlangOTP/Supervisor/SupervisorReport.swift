import ErlangRuntime
import ErlangTerms

/// The `=SUPERVISOR REPORT====` a supervisor writes when a child fails
/// to start, ends, cannot be shut down, or when it gives up. Mirrors
/// supervisor.erl's `report_error/4` through logger's default formatter:
///
/// ```
/// =SUPERVISOR REPORT==== 4-Dec-2026::10:15:15.056628 ===
///     supervisor: {local,sup1}
///     errorContext: child_terminated
///     reason: boom
///     offender: [{pid,<0.93.0>},
///                ...]
///
/// ```
enum SupervisorReport {
    /// Writes the report: `context` is `start_error`, `child_terminated`,
    /// `shutdown_error` or `shutdown`.
    static func write(_ process: ErlangProcess, supervisor: Term, context: String, reason: Term,
                      offender: SupervisedChild) {
        let report: Term = .list([
            .tuple([.atom(Atom("supervisor")), supervisor]),
            .tuple([.atom(Atom("errorContext")), .atom(Atom(context))]),
            .tuple([.atom(Atom("reason")), reason]),
            .tuple([.atom(Atom("offender")), offender.offender]),
        ])
        OTPLogger.of(process.runtime).write(.error, OTPLogger.reportBody(report) + "\n", kind: "SUPERVISOR")
    }
}
