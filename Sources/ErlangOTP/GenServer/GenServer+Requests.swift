import ErlangRuntime
import ErlangTerms

/// Asynchronous calls. Mirrors `gen_server:send_request/2`,
/// `wait_response/2`, `receive_response/2` and `check_response/2`: the
/// request id is the monitor reference `Mref` of the server; the answer is
/// `{reply, Reply}`, `{error, {Reason, Server}}` (`Server` as the `'DOWN'`
/// message names it), `timeout`, or `no_reply` when a message is not the
/// answer to the request.
extension GenServer {
    /// Sends `request` to `dest` and returns the request id. When nothing
    /// has the name, the request id's `'DOWN'` message, naming `dest` and
    /// the reason (`noproc`), is already in the caller's mailbox, as gen.erl
    /// fakes it. `function_clause` when `dest` is not a server reference.
    public static func sendRequest(_ dest: Term, _ request: Term, from process: ErlangProcess) async throws -> Term {
        switch await ServerRef.locate(dest, in: process) {
        case .found(let server):
            let (mref, _) = await sendRequest(to: server, label: OTPAtom.genCall, request, from: process)
            return .ref(mref)
        case .missing(let reason):
            let ref = process.runtime.makeRef()
            process.runtime.send(.tuple([.atom(.DOWN), .ref(ref), .atom(.process), dest, reason]), to: process.pid)
            return .ref(ref)
        case .malformed(let term):
            throw ErlangException(.error, .atom(.functionClause),
                                  stacktrace: [StackFrames.doForProc(term, fun: 0, in: process)])
        }
    }

    /// Waits for the answer to `requestId` (`wait_response/2` keeps the
    /// monitor on timeout; `receive_response/2` drops it, and with it any
    /// late reply).
    public static func waitResponse(_ requestId: Term, timeout: ErlangProcess.ReceiveTimeout, dropOnTimeout: Bool,
                                    from process: ErlangProcess) async throws -> Term {
        guard case .ref(let mref) = requestId else {
            // No reply can answer it: erl's receive waits out the timeout.
            _ = try await process.receive(timeout: timeout) { _ -> Term? in nil }
            return .atom(.timeout)
        }
        let answer = try await process.receive(timeout: timeout) { message in response(to: mref, in: message) }
        if let answer { return settled(answer, mref, process) }
        if dropOnTimeout {
            process.demonitor(mref)
            process.flushDownMessages(for: mref)
        }
        return .atom(.timeout)
    }

    /// Whether `message` answers `requestId` (`check_response/2`).
    public static func checkResponse(_ message: Term, _ requestId: Term, from process: ErlangProcess) throws -> Term {
        guard case .ref(let mref) = requestId else { throw ErlangException.badarg }
        guard let answer = response(to: mref, in: message) else { return .atom(OTPAtom.noReply) }
        return settled(answer, mref, process)
    }

    /// `{reply, Reply}` for a reply to `mref`, `{error, {Reason, Object}}`
    /// for its `'DOWN'` message; `nil` for any other message.
    private static func response(to mref: Ref, in message: Term) -> Term? {
        guard case .tuple(let e) = message else { return nil }
        if e.count == 2, case .cons(let cell) = e[0], case .ref(let r) = cell.tail, r == mref,
           cell.head == .atom(OTPAtom.alias) {
            return .tuple([.atom(OTPAtom.reply), e[1]])
        }
        if e.count == 5, case .ref(let r) = e[1], r == mref, e[0] == .atom(.DOWN) {
            return .tuple([.atom(.error), .tuple([e[4], e[3]])])
        }
        return nil
    }

    /// `answer`, once the monitor of a replied request is gone.
    private static func settled(_ answer: Term, _ mref: Ref, _ process: ErlangProcess) -> Term {
        if answer.tupleElements?.first == .atom(OTPAtom.reply), !process.demonitor(mref) {
            process.flushDownMessages(for: mref)
        }
        return answer
    }
}
