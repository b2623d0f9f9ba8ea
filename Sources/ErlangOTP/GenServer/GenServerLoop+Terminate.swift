import ErlangRuntime
import ErlangTerms

/// Ending a server. Mirrors `gen_server:terminate/10`: call the module's
/// `terminate/2` (when exported) with the reason, write the
/// `** Generic server X terminating` error report unless the reason is
/// `normal`, `shutdown` or `{shutdown, _}`, then raise the reason again so
/// that the process ends with it (and proc_lib writes its crash report).
extension GenServerLoop {
    mutating func terminate(_ kind: ErlangException.Class, _ reason: Term, stack: [Term], message: Term,
                            from: Term?) async throws -> Never {
        let reportReason = GenServerLoop.terminateReason(kind, reason, stack)
        let terminateKey = FunctionKey(OTPAtom.terminate, 2)
        if await process.runtime.modules.module(module)?.exportedFunction(terminateKey) != nil {
            if case .crash(let failure) = try await invoke(OTPAtom.terminate, [reportReason, state]) {
                let failureStack = failure.stacktrace + StackFrames.terminateExit
                let failureReason = GenServerLoop.terminateReason(failure.kind, failure.reason, failureStack)
                writeErrorReport(failureReason, message: message, from: from)
                throw ErlangException(failure.kind, failure.reason, stacktrace: failureStack)
            }
        }
        if !(kind == .exit && Runtime.isQuietExit(reason)) {
            writeErrorReport(reportReason, message: message, from: from)
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

    /// Writes gen_server's `=ERROR REPORT====` (`gen_server:format_log/2`).
    func writeErrorReport(_ reason: Term, message: Term, from: Term?) {
        var body = format("** Generic server ~tp terminating \n", [name])
        body += format("** Last message in was ~tp~n", [message])
        body += format("** When Server state == ~tp~n", [state])
        body += format("** Reason for termination ==~n** ~tp~n", [reason])
        if let from, case .tuple(let e) = from, e.count == 2, case .pid(let client) = e[0] {
            if process.runtime.process(client) != nil {
                let arity = 2
                body += format("** Client ~tp stacktrace~n** ~tp~n",
                               [e[0], .list(StackFrames.client(callArity: arity))])
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
