import ErlangRuntime
import ErlangTerms

/// How the shell's evaluator passes on an exception it did not catch, as
/// erl's evaluator does (shell.erl's `eval_exprs`): every process linked to
/// it gets an exit signal `{Reason, Stacktrace}` (`{{nocatch, Value},
/// Stacktrace}` for a throw), with the stack as erl's evaluator shows it
/// (erl_eval's and the shell's own frames, with OTP 25's line numbers);
/// then the evaluator ends with `normal`, which is what its monitors and
/// trapping links see last. An `exit(normal)` sends nothing: the evaluator
/// just ends with `normal`.
enum EvaluatorExit {
    /// Signals the processes linked to `process` for `exception` and
    /// answers the reason the evaluator then exits with (`normal`).
    static func signalLinks(of process: ErlangProcess, _ exception: ErlangException) -> Term {
        if exception.kind == .exit, exception.reason == .atom(.normal) { return .atom(.normal) }
        let reason = linkedReason(of: exception)
        for pid in process.links {
            process.runtime.sendExitSignal(from: process.pid, to: pid, reason: reason)
        }
        return .atom(.normal)
    }

    /// The reason the linked processes get: `{Reason, Stacktrace}`, or
    /// `{{nocatch, Value}, Stacktrace}` for a throw.
    static func linkedReason(of exception: ErlangException) -> Term {
        let reason = exception.kind == .throw ? .tuple([.atom("nocatch"), exception.reason]) : exception.reason
        return .tuple([reason, .list(stacktrace(of: exception))])
    }

    /// The stack erl's evaluator has when `exception` reaches it: where the
    /// exception was raised, then erl_eval's call and the shell's loop.
    /// An exception without frames was raised by the evaluator itself
    /// (`{badmatch, V}`, `{case_clause, V}`); one that the `error`, `exit`
    /// or `throw` BIFs raised (their frame stands for the caller) was
    /// raised by a local call, which erl's shell makes through `apply_fun`.
    static func stacktrace(of exception: ErlangException) -> [Term] {
        var frames = exception.stacktrace.filter { !CallerStandIn.isStandIn($0) }
        if frames.isEmpty {
            if exception.stacktrace.isEmpty {
                frames = [evaluatorFrame(for: exception.reason)]
            } else {
                frames = [frame("shell", "apply_fun", 3, file: "shell.erl", line: 912), doApply]
            }
        } else if !isEvaluatorFrame(frames[frames.count - 1]) {
            frames.append(doApply)
        }
        return frames + shellLoop
    }

    /// `erl_eval:do_apply/7`, where erl_eval calls a function.
    static let doApply = frame("erl_eval", "do_apply", 7, file: "erl_eval.erl", line: 748)

    /// The shell's own frames under every evaluation.
    static let shellLoop: [Term] = [
        frame("shell", "exprs", 7, file: "shell.erl", line: 691),
        frame("shell", "eval_exprs", 7, file: "shell.erl", line: 647),
        frame("shell", "eval_loop", 3, file: "shell.erl", line: 632),
    ]

    /// The erl_eval frame that raises an error the evaluator detects itself.
    static func evaluatorFrame(for reason: Term) -> Term {
        if case .tuple(let e) = reason, e.count == 2, e[0] == .atom("case_clause") {
            return frame("erl_eval", "case_clauses", 8, file: "erl_eval.erl", line: 1041)
        }
        return frame("erl_eval", "expr", 6, file: "erl_eval.erl", line: 496)
    }

    /// Whether `frame` is one of erl_eval's.
    static func isEvaluatorFrame(_ frame: Term) -> Bool {
        guard case .tuple(let e) = frame, e.count == 4 else { return false }
        return e[0] == .atom("erl_eval")
    }

    /// `{Module, Function, Arity, [{file, File}, {line, Line}]}`.
    static func frame(_ module: String, _ function: String, _ arity: Int, file: String, line: Int) -> Term {
        .tuple([.atom(Atom(module)), .atom(Atom(function)), .int(arity),
                .list([.tuple([.atom("file"), .string(file)]), .tuple([.atom("line"), .int(line)])])])
    }
}
