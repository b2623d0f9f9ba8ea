import ErlangRuntime
import ErlangTerms

/// The client side of a call. Mirrors `gen:do_call/4`: monitor the
/// server, send `{Label, {Self, [alias | Mref]}, Request}`, wait for
/// `{[alias | Mref], Reply}` or the monitor's `'DOWN'`. The reply is
/// delivered only while the monitor is held, so a reply that comes after
/// a timeout is dropped and nothing stray stays in the caller's mailbox.
/// A call that runs its idle server on its own task takes the monitor
/// only if that run ends without a reply (`ErlangProcess+DirectAnswer`).
extension GenServer {
    /// Why a call failed: the reason erl's `gen:call` exits with.
    public enum CallFailure: Error, Sendable {
        /// No process has the name (`noproc`), or the server died (`'DOWN'` reason).
        case exited(Term)
        /// No answer in time (`timeout`).
        case timedOut
        /// The destination is not a server reference; the term is the one
        /// gen.erl's `do_for_proc/2` has no clause for.
        case malformed(Term)

        /// The reason the caller exits with (wrapped in its own `{Reason,
        /// {Module, Function, Args}}`). A malformed destination gives
        /// `{function_clause, [do_for_proc frame, caller]}`.
        func reason(caller: Term, in process: ErlangProcess) -> Term {
            switch self {
            case .exited(let reason): return reason
            case .timedOut: return .atom(.timeout)
            case .malformed(let dest):
                return .tuple([.atom(.functionClause), .list([StackFrames.doForProc(dest, fun: 0, in: process), caller])])
            }
        }
    }

    /// Sends `request` to `dest` under `label` (`'$gen_call'` or `system`)
    /// and waits for the answer. Throws `ProcessExit` when the caller is
    /// killed meanwhile. Inlined into `call`, whose frame it then shares.
    @inline(__always)
    public static func request(_ dest: Term, label: Atom, _ request: Term, timeout: ErlangProcess.ReceiveTimeout,
                               from process: ErlangProcess) async throws -> Result<Term, CallFailure> {
        let server: Pid
        if let pid = ServerRef.resolveAtOnce(dest, in: process) {
            server = pid
        } else {
            switch await ServerRef.locate(dest, in: process) {
            case .found(let pid): server = pid
            case .missing(let reason): return .failure(.exited(reason))
            case .malformed(let term): return .failure(.malformed(term))
            }
        }
        if server == process.pid { return .failure(.exited(.atom(OTPAtom.callingSelf))) }
        // A call that may not wait at all (timeout 0) is not run on the
        // caller's task: in erl it times out before its server runs.
        if label == OTPAtom.genCall, timeout != .milliseconds(0), let target = process.runtime.process(server) {
            let mref = process.runtime.makeRef()
            let tag: Term = .cons(.atom(OTPAtom.alias), .ref(mref))
            let message = requestMessage(label, tag, request, from: process)
            switch await target.runBorrowed(delivering: message, replyTo: process, ref: mref) {
            case .reply(let reply)?:
                return .success(reply)
            case .monitoring(let skipping)?:
                return try await awaitAnswer(mref: mref, tag: tag, timeout: timeout, skipping: skipping, in: process)
            case nil:
                break
            }
        }
        let mark = process.ownMessageCount
        let (mref, tag) = await sendRequest(to: server, label: label, request, from: process, mayBorrow: false)
        return try await awaitAnswer(mref: mref, tag: tag, timeout: timeout, skipping: mark, in: process)
    }

    /// `{Label, {Self, Tag}, Request}`, the message a request is.
    private static func requestMessage(_ label: Atom, _ tag: Term, _ request: Term, from process: ErlangProcess) -> Term {
        .tuple([.atom(label), .tuple([.pid(process.pid), tag]), request])
    }

    /// Monitors `server` and sends it the request; returns the monitor and
    /// the reply tag. Mirrors `gen:send_request/3`. A call to an idle
    /// server may run the server here (`ErlangProcess.runBorrowed`) unless
    /// `mayBorrow` is `false`: its loop hands itself a task of its own when
    /// its callbacks may wait. (A call that waits for the reply at once
    /// borrows without a monitor first: `request`.)
    static func sendRequest(to server: Pid, label: Atom, _ request: Term,
                            from process: ErlangProcess, mayBorrow: Bool = true) async -> (Ref, Term) {
        let mref = process.monitor(server)
        let tag: Term = .cons(.atom(OTPAtom.alias), .ref(mref))
        let message = requestMessage(label, tag, request, from: process)
        var borrowed = false
        if mayBorrow, label == OTPAtom.genCall, let target = process.runtime.process(server) {
            borrowed = await target.runBorrowed(delivering: message)
        }
        if !borrowed { process.runtime.send(message, to: server) }
        return (mref, tag)
    }

    /// Waits for the answer to the request with monitor `mref`. The first
    /// `skipping` messages were queued before the monitor existed, so they
    /// are not scanned: a call costs the same however full the mailbox is.
    @inline(__always)
    static func awaitAnswer(mref: Ref, tag: Term, timeout: ErlangProcess.ReceiveTimeout, skipping: Int,
                            in process: ErlangProcess) async throws -> Result<Term, CallFailure> {
        if timeout == .milliseconds(0) {
            // In erl the server cannot have run yet: the call times out,
            // whatever the server does meanwhile. A reply that raced in is dropped.
            process.demonitor(mref)
            process.flushDownMessages(for: mref)
            _ = try await process.receive(timeout: .milliseconds(0), skipping: skipping) { message -> Term? in
                if case .success(let reply)? = answerIn(message, mref) { return reply }
                return nil
            }
            return .failure(.timedOut)
        }
        let answer = try await process.receive(timeout: timeout, skipping: skipping) { message in
            answerIn(message, mref)
        }
        switch answer {
        case .some(.success(let reply)):
            if !process.demonitor(mref) { process.flushDownMessages(for: mref) }
            return .success(reply)
        case .some(.failure(let failure)):
            return .failure(failure)
        case .none:
            process.demonitor(mref)
            process.flushDownMessages(for: mref)
            let late = try await process.receive(timeout: .milliseconds(0), skipping: skipping) { message -> Term? in
                if case .success(let reply)? = answerIn(message, mref) { return reply }
                return nil
            }
            if let late { return .success(late) }
            return .failure(.timedOut)
        }
    }

    /// `{[alias | Mref], Reply}` or `{'DOWN', Mref, _, _, Reason}`.
    static func answerIn(_ message: Term, _ mref: Ref) -> Result<Term, CallFailure>? {
        guard case .tuple(let e) = message else { return nil }
        if e.count == 2, case .cons(let cell) = e[0], case .ref(let r) = cell.tail, r == mref,
           cell.head == .atom(OTPAtom.alias) {
            return .success(e[1])
        }
        if e.count == 5, case .ref(let r) = e[1], r == mref, e[0] == .atom(.DOWN) {
            return .failure(.exited(e[4]))
        }
        return nil
    }

    /// Makes a call and returns the reply; on failure exits as
    /// `gen_server:call/2,3` does: `{Reason, {gen_server, call, Args}}`.
    /// `explicitTimeout` is the third argument of `call/3` (`nil` for `call/2`).
    public static func call(_ dest: Term, _ request: Term, timeout explicitTimeout: Term? = nil,
                            from process: ErlangProcess) async throws -> Term {
        // The arguments as the exit reason shows them; built only on failure.
        var args: [Term] { explicitTimeout.map { [dest, request, $0] } ?? [dest, request] }
        var timeout = defaultTimeout
        if let explicitTimeout {
            guard let parsed = GenServer.timeout(explicitTimeout) else {
                // gen:call/4 has no clause for a bad timeout.
                let genCall = Term.tuple([.atom(OTPAtom.gen), .atom(OTPAtom.call),
                                          .list([dest, .atom(OTPAtom.genCall), request, explicitTimeout]),
                                          .list([.tuple([.atom(OTPAtom.file), .string("gen.erl")]),
                                                 .tuple([.atom(OTPAtom.line), .int(215)])])])
                let stack: [Term] = [genCall, StackFrames.frame(OTPAtom.genServer, "call", 3, line: 381)]
                throw ErlangException(.exit, .tuple([.tuple([.atom(.functionClause), .list(stack)]),
                                                     .tuple([.atom(OTPAtom.genServer), .atom(OTPAtom.call), .list(args)])]),
                                      stacktrace: [StackFrames.frame(OTPAtom.genServer, "call", 3, line: 385)])
            }
            timeout = parsed
        }
        switch try await Self.request(dest, label: OTPAtom.genCall, request, timeout: timeout, from: process) {
        case .success(let reply):
            return reply
        case .failure(let failure):
            throw callExit(failure, args, in: process)
        }
    }

    /// The exit a failed `gen_server:call(Args...)` raises:
    /// `{Reason, {gen_server, call, Args}}`, from `call/2` or `call/3`.
    static func callExit(_ failure: CallFailure, _ arguments: [Term], in process: ErlangProcess) -> ErlangException {
        let caller = StackFrames.frame(OTPAtom.genServer, "call", arguments.count, line: arguments.count == 2 ? 366 : 382)
        let reason = failure.reason(caller: caller, in: process)
        let frame = StackFrames.frame(OTPAtom.genServer, "call", arguments.count, line: arguments.count == 2 ? 370 : 385)
        return ErlangException(.exit, .tuple([reason, .tuple([.atom(OTPAtom.genServer), .atom(OTPAtom.call), .list(arguments)])]),
                               stacktrace: [frame])
    }

    /// Calls every server registered locally as `name`. Mirrors
    /// `gen_server:multi_call/2,3,4` on a node that is not distributed:
    /// `{[{Node, Reply}], BadNodes}`.
    public static func multiCall(_ name: Atom, _ request: Term, nodes: [Term]? = nil,
                                 timeout: ErlangProcess.ReceiveTimeout = .infinity,
                                 from process: ErlangProcess) async throws -> Term {
        let here = Term.atom(.nonode)
        var replies: [Term] = []
        var bad: [Term] = []
        for node in nodes ?? [here] {
            guard node == here else {
                bad.append(node)
                continue
            }
            switch try await self.request(.atom(name), label: OTPAtom.genCall, request, timeout: timeout, from: process) {
            case .success(let reply): replies.append(.tuple([node, reply]))
            case .failure: bad.append(node)
            }
        }
        return .tuple([.list(replies), .list(bad)])
    }
}
