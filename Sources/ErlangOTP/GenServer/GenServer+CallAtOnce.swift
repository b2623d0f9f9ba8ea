import ErlangRuntime
import ErlangTerms

/// A call answered at once. When the server is idle with nothing else to
/// do and its `handle_call` clause cannot suspend, the caller claims the
/// server (`ErlangProcess.claimWhileIdle`), runs that clause itself, as
/// the server, and gives the server back: no message, no monitor, no task
/// switch and no async frame. To everyone else the server handled the
/// request at that moment, as if it had come through its mailbox.
///
/// What the loop would do next decides how the call ends:
/// - a plain `{reply, R, S}`: the server keeps `S` and is idle again, and
///   the call returns `R`, all at once;
/// - `handle_call` cannot run at once, or the server has `sys` debug
///   options: nothing was done, and the call is made in full (`call`);
/// - anything else (`noreply`, `stop`, a crash, a timeout or
///   `hibernate` to start): the callback has run, so the call cannot start
///   over; the server goes on from its result on the caller's task, as a
///   borrowed run does, and the caller awaits the answer
///   (`UnfinishedAtOnce`).
extension GenServer {
    /// How many calls to a server are made in full, untried, after one
    /// whose `handle_call` clause could not run at once. A try that
    /// misses costs about as much as a call answered at once; tried
    /// every time, it made calls to a server whose callbacks wait a
    /// quarter slower.
    static let skipAfterMiss = 15

    /// `gen_server:call(dest, request)` (or `call/3` with `explicitTimeout`)
    /// answered at once: the reply, or `nil` when nothing was done and
    /// the call must be made in full. Throws `UnfinishedAtOnce` when the
    /// callback has run but the answer needs the server to go on.
    public static func callAtOnce(_ dest: Term, _ request: Term, timeout explicitTimeout: Term? = nil,
                                  from process: ErlangProcess) throws -> Term? {
        guard let pid = ServerRef.resolveAtOnce(dest, in: process), pid != process.pid,
              let server = process.runtime.process(pid) else { return nil }
        var timeout = defaultTimeout
        if let explicitTimeout {
            guard let parsed = GenServer.timeout(explicitTimeout) else { return nil }
            timeout = parsed
        }
        // A call that may not wait at all times out before its server runs, as in erl.
        guard timeout != .milliseconds(0) else { return nil }
        guard server.shouldTryAtOnce(), let claim = server.claimWhileIdle() else { return nil }
        // Idle in a plain wait for any message, the server's idle code is
        // its loop (`ServerProcess.resumption(of:)`).
        guard let loop = claim.code as? GenServerLoop, let body = loop.body, loop.debug == nil else {
            claim.giveBack()
            return nil
        }
        let mref = process.runtime.makeRef()
        let tag: Term = .cons(.atom(OTPAtom.alias), .ref(mref))
        let from: Term = .tuple([.pid(process.pid), tag])
        process.expectDirectReply(mref)
        // What is left once the callback has run: the server's turn to
        // finish on this task, then the answer to take; or only the
        // answer to wait for.
        let remainder: FunBody?
        var waiting: Int?
        do {
            guard let outcome = try loop.invokeHandleCallAtOnce(request, from) else {
                // Its calls may well wait again: the next few go in full at once.
                server.skipTriesAtOnce(skipAfterMiss)
                process.forgetDirectReply()
                claim.giveBack()
                return nil
            }
            loop.show(hibernating: false)
            if let next = loop.replied(outcome, to: from) {
                if case .wait(.infinity) = next {
                    claim.giveBack()
                    switch process.takeDirectReply(mref, monitoring: server) {
                    case .reply(let reply): return reply
                    case .monitoring(let skipping): waiting = skipping
                    }
                    remainder = nil
                } else {
                    remainder = body.resumption(of: loop, next: next)
                }
            } else {
                remainder = CallRemainder(body: body, loop: loop, outcome: .success(outcome), from: from, request: request)
            }
        } catch {
            // Not an Erlang exception (the callback's are outcomes): the
            // server was killed while its callback ran.
            loop.show(hibernating: false)
            remainder = CallRemainder(body: body, loop: loop, outcome: .failure(error), from: from, request: request)
        }
        let arguments = explicitTimeout.map { [dest, request, $0] } ?? [dest, request]
        // The values now, without a capture list (see `scripts/thunks`).
        let (waitingNow, timeoutNow) = (waiting, timeout)
        throw UnfinishedAtOnce {
            var skipping = waitingNow
            if let remainder {
                await claim.runOn(from: remainder)
                switch process.takeDirectReply(mref, monitoring: server) {
                case .reply(let reply): return reply
                case .monitoring(let count): skipping = count
                }
            }
            let answer = try await awaitAnswer(mref: mref, tag: tag, timeout: timeoutNow, skipping: skipping ?? 0, in: process)
            switch answer {
            case .success(let reply): return reply
            case .failure(let failure): throw callExit(failure, arguments, in: process)
            }
        }
    }
}

/// The rest of a server's turn after a `handle_call` that ran at once
/// with `outcome`, not a plain reply: the code the caller runs the server
/// on with (`IdleClaim.runOn(from:)`).
private final class CallRemainder: FunBody, @unchecked Sendable {
    // @unchecked: immutable; the loop passes between tasks as
    // `GenServerLoop` explains.
    let body: ServerProcess
    let loop: GenServerLoop
    let outcome: Result<GenServerLoop.Outcome, any Error>
    let from: Term
    let request: Term

    init(body: ServerProcess, loop: GenServerLoop, outcome: Result<GenServerLoop.Outcome, any Error>,
         from: Term, request: Term) {
        self.body = body
        self.loop = loop
        self.outcome = outcome
        self.from = from
        self.request = request
    }

    override func call(_ server: ErlangProcess, _ args: [Term]) async throws -> Term {
        try await body.serve(server, loop, afterCall: outcome, from: from, request: request)
    }
}
