import ErlangRuntime
import ErlangTerms

/// Asynchronous calls. Mirrors `gen_server:send_request/2`,
/// `wait_response/2`, `receive_response/2` and `check_response/2`: the
/// request id is the monitor reference `Mref` of the server; the answer is
/// `{reply, Reply}`, `{error, {Reason, ServerRef}}`, `timeout`, or
/// `no_reply` when a message is not the answer to the request.
extension GenServer {
    /// Sends `request` to `dest` and returns the request id. For a name
    /// nothing has, the id's `'DOWN'` (`noproc`) is already in the mailbox.
    public static func sendRequest(_ dest: Term, _ request: Term, from process: ErlangProcess) async -> Term {
        guard let server = await ServerRef.resolve(dest, in: process) else {
            if case .atom(let name) = dest { return .ref(process.monitor(name: name)) }
            return .ref(process.monitor(name: Atom("undefined")))
        }
        let (mref, _) = sendRequest(to: server, label: OTPAtom.genCall, request, from: process)
        return .ref(mref)
    }

    /// Waits for the answer to `requestId` (`wait_response/2` keeps the
    /// monitor on timeout; `receive_response/2` drops it, and with it any
    /// late reply).
    public static func waitResponse(_ requestId: Term, timeout: ErlangProcess.ReceiveTimeout, dropOnTimeout: Bool,
                                    server: Term, from process: ErlangProcess) async throws -> Term {
        guard case .ref(let mref) = requestId else { throw ErlangException.badarg }
        let answer = try await process.receive(timeout: timeout) { message in answerIn(message, mref) }
        if let response = responseTerm(answer, mref, server: server, process) { return response }
        if dropOnTimeout {
            process.demonitor(mref)
            process.flushDownMessages(for: mref)
        }
        return .atom(.timeout)
    }

    /// Whether `message` answers `requestId` (`check_response/2`).
    public static func checkResponse(_ message: Term, _ requestId: Term, server: Term,
                                     from process: ErlangProcess) throws -> Term {
        guard case .ref(let mref) = requestId else { throw ErlangException.badarg }
        return responseTerm(answerIn(message, mref), mref, server: server, process) ?? .atom(OTPAtom.noReply)
    }

    /// `{reply, Reply}` (the monitor ended) or `{error, {Reason, Server}}`
    /// for an answer; `nil` when there is none yet.
    private static func responseTerm(_ answer: Result<Term, CallFailure>?, _ mref: Ref, server: Term,
                                     _ process: ErlangProcess) -> Term? {
        switch answer {
        case .some(.success(let reply)):
            if !process.demonitor(mref) { process.flushDownMessages(for: mref) }
            return .tuple([.atom(OTPAtom.reply), reply])
        case .some(.failure(.exited(let reason))):
            return .tuple([.atom(.error), .tuple([reason, server])])
        case .some(.failure(.timedOut)), .none:
            return nil
        }
    }
}
