import ErlangRuntime
import ErlangTerms

/// Where a run of interpreted code stands in its process.
enum ProcessPlace {
    /// Called by other code, which goes on when it returns.
    case nested
    /// The whole of the process's code (`spawn(M, F, Args)` and the tail
    /// calls it makes): nothing runs after it, so its state at a tail
    /// `receive` is all in objects (the function, the receive, the
    /// bindings) and the process can wait without a task there.
    /// `mayIdle`: such a receive gives the task up when nothing waits.
    /// True until a message wakes the idle process in a task of its own
    /// (a sender that does not wait for an answer): from then on it keeps
    /// that task, so a process fed by plain sends costs one task creation,
    /// not one per message.
    case bottom(mayIdle: Bool)
}

/// A process's receive loop without a task. An interpreted process that
/// spawned as `spawn(M, F, Args)` and loops through tail calls and
/// receives (`loop(S) -> receive ... -> loop(S1) end.`) gives its task up
/// at a receive that finds its mailbox empty, as a gen_server does after
/// `init/1`: it then idles as objects only, and a process that sends it a
/// message and waits for the answer (`Pid ! Msg` directly followed by a
/// `receive`) runs its next turn of the loop on its own task
/// (`ErlangProcess.runBorrowed`). The turn ends at the next receive, which
/// gives the process back, idle again. (See `ProcessPlace.bottom` for when
/// it keeps a task instead.)
///
/// A turn may run borrowed only when nothing in it can wait
/// (`receiveLoopMayRunBorrowed`): the borrower cannot act on its own
/// timeouts and exit signals until the turn ends. A loop that may wait
/// takes a task of its own instead, at once, before handling anything.
extension ModuleFunction {
    /// The tail `receive` (no `after`) of a run at the bottom of its
    /// process, as far as it goes without waiting: the body of the branch
    /// a message selects, its bindings made in `env`; `nil` when the
    /// receive must wait in the task (`receive(_:_:_:)`). Gives the
    /// process's task up (throwing `ProcessWaitsWithoutTask`) when the run
    /// is borrowed and has had its message, or when `mayIdle` and nothing
    /// waits. Synchronous, so a turn of a borrowed loop adds no frame.
    ///
    /// `spare` is the resumption this run started from, if any: nothing
    /// else holds it any more, so it is filled in again rather than made
    /// anew (a loop answering borrowed turns then allocates nothing to idle).
    func receiveAtOnceAtBottom(_ code: TailReceive, _ env: inout Bindings, _ process: ErlangProcess,
                               mayIdle: Bool, reusing spare: ReceiveLoopResumption?) throws -> TailBody? {
        guard process.runsBorrowed || mayIdle else { return nil }
        let snapshot = env
        if process.runsBorrowed, process.mustReleaseBorrowedTask() || !receiveLoopMayRunBorrowed {
            try process.releaseBorrowedTask(resumingWith: ReceiveLoopResumption.made(reusing: spare, self, code, snapshot))
        }
        var cursor = ErlangProcess.ReceiveCursor(timeout: .infinity)
        if let (body, scope) = try process.takeMessage(&cursor, { try branch(of: code.branches, matching: $0, snapshot, process) }) {
            env = scope
            return body
        }
        let resumption = ReceiveLoopResumption.made(reusing: spare, self, code, snapshot)
        if process.runsBorrowed {
            // Nothing here for this receive: the process waits on in a task of its own.
            try process.releaseBorrowedTask(resumingWith: resumption)
        }
        try process.waitWithoutTask(resumingWith: resumption)
        return nil
    }

    /// Carries the loop on from where `resumption` says the process
    /// waited without a task, with the bindings it had there.
    @inline(__always)
    func resume(from resumption: ReceiveLoopResumption, _ process: ErlangProcess) async throws -> Term {
        // Borrowed, it may idle again; woken in a task of its own, it keeps that task.
        let mayIdle = process.runsBorrowed
        let code = resumption.receive
        var env = resumption.env
        let body: TailBody
        if let atOnce = try receiveAtOnceAtBottom(code, &env, process, mayIdle: mayIdle, reusing: resumption) {
            body = atOnce
        } else {
            body = try await receive(code, &env, process)
        }
        return try await runInCallersFrame(body, env, process, place: .bottom(mayIdle: mayIdle), reusing: resumption)
    }
}

/// A receive loop carried on after it waited without a task: the receive
/// it waits in, with its bindings, as the code of the task that wakes it
/// (or of a borrowed run).
///
/// The run it starts fills it in again when it idles once more (`made`):
/// once taken from the process (a wake-up or a borrowed run takes it
/// under the process's lock), nothing else holds it.
final class ReceiveLoopResumption: FunBody, @unchecked Sendable {
    // @unchecked: every stored value is Sendable, and only the process's
    // own run writes them, before it parks the object under the
    // process's lock; the next run reads them after taking it there.
    private(set) var function: ModuleFunction
    private(set) var receive: TailReceive
    private(set) var env: Bindings

    private init(_ function: ModuleFunction, _ receive: TailReceive, _ env: Bindings) {
        self.function = function
        self.receive = receive
        self.env = env
    }

    /// `spare` filled in with where the loop waits, or a new resumption
    /// when there is no spare.
    static func made(reusing spare: ReceiveLoopResumption?, _ function: ModuleFunction, _ receive: TailReceive,
                     _ env: Bindings) -> ReceiveLoopResumption {
        guard let spare else { return ReceiveLoopResumption(function, receive, env) }
        // A loop usually idles where it idled before: nothing to retain anew.
        if spare.function !== function { spare.function = function }
        if spare.receive !== receive { spare.receive = receive }
        spare.env = env
        return spare
    }

    override func call(_ process: ErlangProcess, _ args: [Term]) async throws -> Term {
        try await function.resume(from: self, process)
    }

    override func takeAtOnce(_ message: Term, as process: ErlangProcess) throws -> Bool {
        try function.turnAtOnce(self, message, process)
    }
}
