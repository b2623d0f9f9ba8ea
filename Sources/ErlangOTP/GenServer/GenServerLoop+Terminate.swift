import ErlangRuntime
import ErlangTerms

/// Ending a server. Mirrors `gen_server:terminate/10`: call the module's
/// `terminate/2` (when exported) with the reason, write the
/// `** Generic server X terminating` error report unless the reason is
/// `normal`, `shutdown` or `{shutdown, _}`, then raise the reason again so
/// that the process ends with it (and proc_lib writes its crash report).
///
/// The report names `reportReason`: a callback's exception of any class is
/// reported as `{Reason, Stack}`, a `{stop, Reason, ...}` result as `Reason`.
extension GenServerLoop {
    func terminate(_ kind: ErlangException.Class, _ reason: Term, stack: [Term], message: Term,
                            from: Term?, reportReason: Term? = nil) async throws -> Never {
        let terminateReason = GenServerLoop.terminateReason(kind, reason, stack)
        let reportReason = reportReason ?? terminateReason
        let terminateKey = FunctionKey(OTPAtom.terminate, 2)
        if await exports(terminateKey) {
            if case .crash(let failure) = try await invoke(OTPAtom.terminate, [terminateReason, state]) {
                let failureStack = failure.stacktrace + StackFrames.terminateExit
                let failureReason = GenServerLoop.terminateReason(failure.kind, failure.reason, failureStack)
                await writeErrorReport(failureReason, message: message, from: from)
                throw ErlangException(failure.kind, failure.reason, stacktrace: failureStack)
            }
        }
        if !(kind == .exit && Runtime.isQuietExit(reason)) {
            await writeErrorReport(reportReason, message: message, from: from)
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
    func writeErrorReport(_ reason: Term, message: Term, from: Term?) async {
        var body = format("** Generic server ~tp terminating \n", [name])
        body += format("** Last message in was ~tp~n", [message])
        body += format("** When Server state == ~tp~n", [await formattedState(.atom(OTPAtom.terminate))])
        body += format("** Reason for termination ==~n** ~tp~n",
                       [UndefReason.explained(reason, modules: process.runtime.modules)])
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

    /// The state as reports and `sys:get_status` show it: what the
    /// module's `format_status(Opt, [PDict, State])` makes of it when the
    /// module exports that function (`Opt` is `terminate` or `normal`),
    /// the state itself otherwise or when `format_status/2` fails.
    func formattedState(_ option: Term) async -> Term {
        guard await exports(FunctionKey(OTPAtom.formatStatus, 2)) else { return state }
        let dictionary: Term = .list(process.dictionaryEntries.map { .tuple([$0.key, $0.value]) })
        guard case .value(let formatted)? = try? await invoke(OTPAtom.formatStatus, [option, .list([dictionary, state])]) else {
            return state
        }
        return formatted
    }

    private func format(_ text: String, _ args: [Term]) -> String {
        (try? ErlangFormat.format(text, args)) ?? text
    }
}
