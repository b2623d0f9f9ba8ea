import ErlangRuntime
import ErlangTerms

/// The client side of `sys`: each function sends `{system, From,
/// Request}` to a process and returns its answer, exiting as sys.erl does
/// when there is none: `{Reason, {sys, Function, Args}}` (`noproc`,
/// `timeout`, or the reason the process died of).
public enum Sys {
    /// `sys`'s default timeout: 5000 ms.
    public static let defaultTimeout = ErlangProcess.ReceiveTimeout.milliseconds(5000)

    /// Sends `request` to `dest` and returns the answer. `function` and
    /// `args` name the `sys` call for the exit reason.
    public static func request(_ dest: Term, _ request: Term, function: String, args: [Term],
                               timeout: ErlangProcess.ReceiveTimeout = defaultTimeout,
                               from process: ErlangProcess) async throws -> Term {
        switch try await GenServer.request(dest, label: OTPAtom.system, request, timeout: timeout, from: process) {
        case .success(let answer):
            return answer
        case .failure(let failure):
            let reason = failure.reason(caller: StackFrames.frame(OTPAtom.sys, "send_system_msg", 2, line: 336),
                                        in: process)
            throw ErlangException(.exit, .tuple([reason, .tuple([.atom(OTPAtom.sys), .atom(Atom(function)), .list(args)])]))
        }
    }

    /// `sys:get_state/1,2`: the callback module's state.
    public static func getState(_ dest: Term, timeout: ErlangProcess.ReceiveTimeout = defaultTimeout, args: [Term],
                                from process: ErlangProcess) async throws -> Term {
        let answer = try await request(dest, .atom(OTPAtom.getState), function: "get_state", args: args,
                                       timeout: timeout, from: process)
        return try unwrapError(answer)
    }

    /// `sys:replace_state/2,3`: applies the fun to the state, returns the new state.
    public static func replaceState(_ dest: Term, _ fun: Term, timeout: ErlangProcess.ReceiveTimeout = defaultTimeout,
                                    args: [Term], from process: ErlangProcess) async throws -> Term {
        let answer = try await request(dest, .tuple([.atom(OTPAtom.replaceState), fun]), function: "replace_state",
                                       args: args, timeout: timeout, from: process)
        return try unwrapError(answer)
    }

    /// `sys:get_state` and `sys:replace_state` raise `error(Reason)` when
    /// the process answered `{error, Reason}` from a failing callback.
    private static func unwrapError(_ answer: Term) throws -> Term {
        if case .tuple(let e) = answer, e.count == 2, e[0] == .atom(.error), case .tuple(let inner) = e[1],
           inner.first == .atom(OTPAtom.callbackFailed) {
            throw ErlangException.error(e[1])
        }
        return answer
    }

    /// `sys:terminate/2,3`: asks the process to terminate with `reason`;
    /// `ok` once it has agreed (it terminates right after answering).
    /// Unlike `gen_server:stop`, it does not wait for the end, and a
    /// process that is not there gives `{noproc, {sys, terminate, Args}}`.
    public static func terminate(_ dest: Term, reason: Term, timeout: ErlangProcess.ReceiveTimeout = .infinity,
                                 args: [Term], from process: ErlangProcess) async throws -> Term {
        try await request(dest, .tuple([.atom(OTPAtom.terminate), reason]), function: "terminate", args: args,
                          timeout: timeout, from: process)
    }

    /// Sends `{debug, Option}` (`sys:trace/2`, `log/2`, `statistics/2`, `no_debug/1`).
    public static func debug(_ dest: Term, _ option: Term, function: String, args: [Term],
                             timeout: ErlangProcess.ReceiveTimeout = defaultTimeout,
                             from process: ErlangProcess) async throws -> Term {
        try await request(dest, .tuple([.atom(OTPAtom.debug), option]), function: function, args: args,
                          timeout: timeout, from: process)
    }
}
