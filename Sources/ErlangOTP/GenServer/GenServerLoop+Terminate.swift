import ErlangRuntime
import ErlangTerms

/// Ending a server. Mirrors `gen_server:terminate/10`: call the module's
/// `terminate/2` (when exported) with the reason, write the
/// `** Generic server X terminating` error report unless the reason is
/// `normal`, `shutdown` or `{shutdown, _}`, then raise the reason again so
/// that the process ends with it (and proc_lib writes its crash report).
///
/// A callback's exception of any class is reported as `{Reason, Stack}`
/// (`reportStack` is its stack), a `{stop, Reason, ...}` result as `Reason`.
extension GenServerLoop {
    func terminate(_ kind: ErlangException.Class, _ reason: Term, stack: [Term], message: Term,
                   from: Term?, reportStack: [Term]? = nil) async throws -> Never {
        let stack = afterWaking(stack)
        let reportStack = reportStack.map(afterWaking)
        let terminateReason = GenServerLoop.terminateReason(kind, reason, stack)
        let terminateKey = FunctionKey(OTPAtom.terminate, 2)
        if await exports(terminateKey) {
            if case .crash(let failure) = try await invoke(OTPAtom.terminate, [terminateReason, state]) {
                let failureStack = afterWaking(failure.stacktrace + StackFrames.terminateExit)
                let failureReason = GenServerLoop.terminateReason(failure.kind, failure.reason, failureStack)
                try await writeErrorReport(failureReason, stack: nil, message: message, from: from)
                throw ErlangException(failure.kind, failure.reason, stacktrace: failureStack)
            }
        }
        if !(kind == .exit && OrderlyExit.isOrderly(reason)) {
            let shownReason = reportStack == nil ? terminateReason : reason
            try await writeErrorReport(shownReason, stack: reportStack, message: message, from: from)
        }
        throw ErlangException(kind, reason, stacktrace: stack)
    }

    /// The reason `terminate/2` and the report see: `{R, Stack}` for an
    /// error, `{{nocatch, V}, Stack}` for a throw, `R` for an exit.
    static func terminateReason(_ kind: ErlangException.Class, _ reason: Term, _ stack: [Term]) -> Term {
        switch kind {
        case .exit: return reason
        case .error: return .tuple([reason, .list(stack)])
        case .throw: return .tuple([.tuple([.atom(OTPAtom.nocatch), reason]), .list(stack)])
        }
    }

    /// Writes gen_server's `=ERROR REPORT====` (`gen_server:format_log/2`),
    /// after `format_status` has had its say about the message, the state,
    /// the reason and the log. The reason is reported as `{Reason, stack}`
    /// when a stack is given.
    func writeErrorReport(_ reason: Term, stack: [Term]?, message: Term, from: Term?) async throws {
        let status = try await formatStatus(OTPAtom.terminate, message: message, reason: reason)
        var reported = status.reason ?? reason
        if let stack { reported = .tuple([reported, .list(stack)]) }
        var body = format("** Generic server ~tp terminating \n", [name])
        body += format("** Last message in was ~tp~n", [status.message ?? message])
        body += format("** When Server state == ~tp~n", [status.shownState])
        body += format("** Reason for termination ==~n** ~tp~n",
                       [UndefReason.explained(reported, modules: process.runtime.modules)])
        if status.log != .nil { body += format("** Log ==~n** ~tp~n", [status.log]) }
        if let from, case .tuple(let e) = from, e.count == 2, case .pid(let client) = e[0] {
            if let clientProcess = process.runtime.process(client) {
                let arity = 2
                // A registered client is shown by its name, as erl does.
                let shown = clientProcess.registeredName.map { Term.atom($0) } ?? e[0]
                body += format("** Client ~tp stacktrace~n** ~tp~n",
                               [shown, .list(StackFrames.client(callArity: arity))])
            } else {
                body += format("** Client ~tp is dead~n", [e[0]])
            }
        }
        OTPLogger.of(process.runtime).write(.error, body)
    }

    private func format(_ text: String, _ args: [Term]) -> String {
        (try? ErlangFormat.format(text, args)) ?? text
    }
}
