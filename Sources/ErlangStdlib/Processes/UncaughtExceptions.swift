import ErlangOTP
import ErlangRuntime
import ErlangTerms

/// What happens when a process dies of an uncaught `error` or `throw`,
/// as in erl: unless proc_lib started the process (it writes its own
/// crash report), the emulator's `Error in process` report is logged.
/// `Stdlib.install` makes this each runtime's `uncaughtExceptionHandler`.
///
/// The exception of a spawned fun or a proc_lib process that has no
/// stack (one the evaluator raised itself: `{badmatch, V}`,
/// `{case_clause, V}`, ...) gets the evaluator's frame, as `catch` gives
/// it: erl's stack there always shows erl_eval (and proc_lib), and the
/// shell prints an exit `{Reason, []}` differently from `{Reason, Stack}`.
/// A process that started in a function (`spawn(M, F, Args)`) keeps an
/// empty stack, as erl's `spawn(erlang, error, [foo])` does.
enum UncaughtExceptions {
    /// Makes `handle` the runtime's handler of uncaught exceptions.
    static func install(in runtime: Runtime) {
        runtime.uncaughtExceptionHandler.withLock { $0 = handle }
    }

    /// Reports the exception `process` dies of; answers it, with the
    /// evaluator's frame in place of an empty stack where erl has one.
    static func handle(_ process: ErlangProcess, _ exception: ErlangException) -> ErlangException {
        var exception = exception
        let procLib = ProcLib.isProcLibProcess(process)
        if exception.stacktrace.isEmpty, procLib || process.initialCall == funInitialCall {
            exception.stacktrace = [evaluatorFrame]
        }
        if !procLib {
            OTPLogger.of(process.runtime).logProcessError(process.pid, exitReason: Runtime.exitReason(of: exception))
        }
        return exception
    }

    /// `{erlang, apply, 2}`: the initial call of a process that runs a fun.
    static let funInitialCall: Term = .tuple([.atom(Atom("erlang")), .atom(Atom("apply")), .int(2)])

    /// `erl_eval:expr/6`, where erl's stacks show the errors the evaluator
    /// raises itself (`{badmatch, V}`, `{case_clause, V}`, ...); the frame
    /// the evaluator's own `catch` and `try` put in an empty stack.
    static let evaluatorFrame: Term = .tuple([.atom("erl_eval"), .atom("expr"), .int(6),
                                              .list([.tuple([.atom("file"), .string("erl_eval.erl")]),
                                                     .tuple([.atom("line"), .int(496)])])])
}
