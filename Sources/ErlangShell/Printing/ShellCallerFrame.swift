import ErlangRuntime
import ErlangTerms

/// The frame erl's shell has where swerl's `error`/`exit`/`throw` BIFs put
/// a stand-in for their caller (`{erl_eval, do_apply, ArityOrArgs, []}`):
/// in erl, a call the shell evaluates reaches the BIF through
/// `shell:apply_fun/3`, so that frame heads the stacktrace
/// (`error(undef)` is `undefined function shell:apply_fun/3`,
/// `error(function_clause, [1])` names `shell:apply_fun(1)`).
enum ShellCallerFrame {
    /// `{shell, apply_fun, 3 | Args, [{file, "shell.erl"}, {line, 912} | Options]}`.
    static func frame(arityOrArgs: Term, options: [Term]) -> Term {
        let place: [Term] = [
            .tuple([.atom("file"), .string("shell.erl")]),
            .tuple([.atom("line"), .int(912)]),
        ]
        let called: Term = arityOrArgs.isList ? arityOrArgs : .int(3)
        return .tuple([.atom("shell"), .atom("apply_fun"), called, .list(place + options)])
    }

    /// `frames` with the BIFs' caller stand-in replaced by the shell's
    /// `apply_fun` frame; when the stand-in was the whole stack, erl_eval's
    /// `do_apply` follows it, as it does in erl.
    static func resolved(_ frames: [Term]) -> [Term] {
        guard let first = frames.first, CallerStandIn.isStandIn(first),
              case .tuple(let e) = first, e.count == 4 else { return frames }
        let shellFrame = frame(arityOrArgs: e[2], options: e[3].listElements ?? [])
        let rest = Array(frames.dropFirst())
        return [shellFrame] + (rest.isEmpty ? [EvaluatorExit.doApply] : rest)
    }
}
