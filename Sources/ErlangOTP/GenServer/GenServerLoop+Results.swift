import ErlangRuntime
import ErlangTerms

/// Interpreting callback results. Mirrors `gen_server:handle_msg/6` and
/// `handle_common_reply/8`: `{reply, R, S}`, `{reply, R, S, Next}`,
/// `{noreply, S}`, `{noreply, S, Next}`, `{stop, Reason, S}` and (from
/// `handle_call`) `{stop, Reason, Reply, S}`; anything else stops the
/// server with `{bad_return_value, Result}`.
extension GenServerLoop {
    /// The usual `handle_call` results, `{reply, R, S}` and `{reply, R, S,
    /// Next}`: replies, keeps the state and returns what to do next; `nil`
    /// for anything else. Synchronous, so the common path adds no frame.
    func replied(_ outcome: Outcome, to from: Term) -> LoopNext? {
        guard case .value(.tuple(let e)) = outcome, e.count == 3 || e.count == 4,
              e[0] == .atom(OTPAtom.reply), let next = LoopNext(ending: e, at: 3) else { return nil }
        GenServer.reply(to: from, e[1], from: process)
        state = e[2]
        if debug != nil { record(.tuple([.atom(OTPAtom.out), e[1], from, state])) }
        return next
    }

    /// The usual results of the other callbacks, `{noreply, S}` and
    /// `{noreply, S, Next}`: keeps the state and returns what to do next;
    /// `nil` for anything else.
    func noReplied(_ outcome: Outcome) -> LoopNext? {
        guard case .value(.tuple(let e)) = outcome, e.count == 2 || e.count == 3,
              e[0] == .atom(OTPAtom.noreply), let next = LoopNext(ending: e, at: 2) else { return nil }
        state = e[1]
        if debug != nil { record(.tuple([.atom(OTPAtom.noreply), state])) }
        return next
    }

    /// A `handle_call` result other than a good `reply`: a crash, a stop,
    /// a `noreply`, or a bad return value.
    @inline(never)
    func handleCallResult(_ outcome: Outcome, from: Term, request: Term) async throws -> LoopNext {
        let result: Term
        switch outcome {
        case .crash(let exception):
            try await crashed(exception, site: .call, message: request, from: from)
        case .value(let value):
            result = value
        }
        if case .tuple(let e) = result, case .atom(let tag) = e[0] {
            if tag == OTPAtom.stop, e.count == 4 {
                state = e[3]
                do {
                    try await terminate(.exit, e[1], stack: StackFrames.commonReplyExit, message: request, from: from)
                } catch {
                    GenServer.reply(to: from, e[2], from: process)
                    if debug != nil { record(.tuple([.atom(OTPAtom.out), e[2], from, state])) }
                    throw error
                }
            }
        }
        return try await afterNoReply(.value(result), message: request, from: from)
    }

    /// What to do after a callback other than `handle_call`: the usual
    /// `noreply` synchronously (inlined, so the common path adds no
    /// frame), anything else through `handleNoReply`.
    /// `site` says which gen_server function ran the callback (for the
    /// frames under it in a crash).
    @inline(__always)
    func afterNoReply(_ outcome: Outcome, message: Term, from: Term? = nil,
                      site: StackFrames.Site = .dispatch) async throws -> LoopNext {
        if let next = noReplied(outcome) { return next }
        try await handleNoReply(outcome, message: message, from: from, site: site)
    }

    /// The other results every callback but `handle_call` may give (and
    /// `handle_call`'s `noreply` and 3-tuple `stop`): a crash, a stop, or
    /// a bad return value.
    @inline(never)
    private func handleNoReply(_ outcome: Outcome, message: Term, from: Term?,
                               site: StackFrames.Site) async throws -> Never {
        let result: Term
        switch outcome {
        case .crash(let exception):
            try await crashed(exception, site: site, message: message, from: from)
        case .value(let value):
            result = value
        }
        if case .tuple(let e) = result, case .atom(let tag) = e[0] {
            if tag == OTPAtom.stop, e.count == 3 {
                state = e[2]
                try await terminate(.exit, e[1], stack: StackFrames.commonReplyExit, message: message, from: from)
            }
        }
        try await badReturn(result, message, from)
    }

    private func badReturn(_ result: Term, _ message: Term, _ from: Term?) async throws -> Never {
        let reason: Term = .tuple([.atom(OTPAtom.badReturnValue), result])
        try await terminate(.exit, reason, stack: StackFrames.commonReplyExit, message: message, from: from)
    }

    /// A callback raised `exception`: the server terminates with it, the
    /// stack extended by gen_server's own frames, as in erl.
    private func crashed(_ exception: ErlangException, site: StackFrames.Site, message: Term,
                         from: Term?) async throws -> Never {
        let stack = exception.stacktrace + StackFrames.under(site)
        try await terminate(exception.kind, exception.reason, stack: stack, message: message, from: from,
                            reportStack: stack)
    }
}
