import ErlangRuntime
import ErlangTerms

/// A start answered at once. A server with no name whose `init/1` clause
/// cannot suspend is made (`Runtime.makeUnstarted`) and its `init/1` run
/// by the starter itself, as the new process; on a plain `{ok, State}`
/// the server parks idle without a task (`Runtime.parkUnstarted`), as it
/// would have after `init/1` in a task, and the start returns
/// `{ok, Pid}`: no task, no async frame, no acknowledgement message.
///
/// Once the process is made, the start cannot begin again, so anything
/// else finishes in full (`UnfinishedAtOnce`): an `init/1` that cannot
/// run at once runs in the usual start on the starter's task; any other
/// result of it (`ignore`, `stop`, a crash, a next step) goes on from
/// there (`ServerProcess.carryOn`).
extension GenServer {
    /// `gen_server:start/3`, `start_link/3` or `start_monitor/3` at once:
    /// its answer, or `nil` when nothing was done (the start must be made
    /// in full). Throws `UnfinishedAtOnce` when the server was made but
    /// its start must end in full.
    public static func startAtOnce(_ module: Atom, _ args: Term, options: StartOptions, tie: ProcLib.Tie,
                                   from caller: ErlangProcess) throws -> Term? {
        guard initCannotWait(module, name: nil, options: options, runtime: caller.runtime) else { return nil }
        let mark = caller.ownMessageCount
        let body = ServerProcess(module, args, name: nil, options: options, tie: tie, starter: caller)
        let (child, monitor) = ProcLib.makeUnstarted(from: caller, tie: tie, body)
        let outcome: Result<Term, any Error>?
        do {
            var site = CallSite()
            outcome = try child.applyAtOnce(module: module, function: OTPAtom.initialize, [args], via: &site).map(Result.success)
        } catch let exception as ErlangException where exception.kind == .throw {
            outcome = .success(exception.reason)
        } catch {
            outcome = .failure(error)
        }
        if case .success(let result)? = outcome, case .ok(let state, .wait(.infinity)) = InitResult(result) {
            let loop = GenServerLoop(process: child, parent: tie == .link ? caller.pid : child.pid, name: .pid(child.pid),
                                     module: module, state: state, debug: options.debug)
            body.idle(child, loop)
            if let monitor { return .tuple([.ok, .tuple([.pid(child.pid), .ref(monitor)])]) }
            return .tuple([.ok, .pid(child.pid)])
        }
        // The starter's slot for the acknowledgement, as the full start opens it.
        caller.expectStartAck(from: child.pid)
        throw UnfinishedAtOnce {
            if let outcome {
                await caller.runtime.runUnstartedOnCallerTask(child, .closure { server in
                    _ = try await body.carryOn(server, afterInit: outcome)
                })
            } else {
                await caller.runtime.runUnstartedOnCallerTask(child, .fun(body))
            }
            return try await answer(of: child, monitor: monitor, tie: tie, options: options, skipping: mark, to: caller)
        }
    }
}

extension ServerProcess {
    /// Leaves `server`, whose `init/1` ran at once, idle in `loop` as
    /// `call` leaves a server after `init/1`: waiting without a task.
    func idle(_ server: ErlangProcess, _ loop: GenServerLoop) {
        loop.body = self
        server.lendTaskWhileIdle(to: loop)
        loop.show(hibernating: false)
        server.runtime.parkUnstarted(server, resumingWith: resumption(of: loop))
    }
}
