import ErlangTerms

/// Running an idle process on the caller's task. A process that waits
/// without a task (`waitWithoutTask(resumingWith:)`) has no Swift frames:
/// its whole state is in objects. When another process sends it a message
/// and will only wait for the answer (a `gen_server:call`), the sender can
/// run the idle process's code itself, as that process, instead of waking
/// a new task and suspending its own: no task is made, and neither side
/// suspends. BEAM gets the same effect from a scheduler that switches to
/// the receiver at once; Swift tasks cannot be switched to that cheaply.
///
/// The borrowed run handles the one message it was given and then gives
/// the process back: idle without a task again, or, when more work came
/// meanwhile, running in a task of its own (`releaseBorrowedTask`). The
/// code decides itself whether it may run borrowed: code that could wait
/// (a callback that receives or sleeps) must hand the process to a task of
/// its own before running it, since the borrower cannot act on its own
/// timeouts and exit signals until the borrowed run ends.
extension ErlangProcess {
    /// Delivers `message` to this process and, if it waited without a task
    /// with nothing else to do, runs its code on the caller's task until
    /// it gives the process back or exits. Returns `false` (having done
    /// nothing) when the process is not idle without a task: the caller
    /// then sends the message as usual.
    public func runBorrowed(delivering message: Term) async -> Bool {
        guard let code = claimIdle(delivering: message) else { return false }
        await runClaimed(code)
        return true
    }

    /// `runBorrowed(delivering:)` for a call from `caller` whose request
    /// `message` is tagged with the monitor reference `ref`: the caller's
    /// reply slot is open while the process runs (`expectDirectReply`), so
    /// the reply needs no monitor and no mailbox. Returns `nil` (having
    /// done nothing) when the process is not idle without a task; otherwise
    /// the reply, or the monitor the call now holds to wait for it.
    public func runBorrowed(delivering message: Term, replyTo caller: ErlangProcess,
                            ref: Ref) async -> DirectReplyOutcome? {
        guard let code = claimIdle(delivering: message) else { return nil }
        caller.expectDirectReply(ref)
        await runClaimed(code)
        return caller.takeDirectReply(ref, monitoring: self)
    }

    /// Delivers `message` and takes the process's code, if it waited
    /// without a task with nothing else to do; `nil` (nothing delivered)
    /// otherwise. The caller must then run the code (`runClaimed`).
    private func claimIdle(delivering message: Term) -> Unmanaged<FunBody>? {
        shared.withLock { s -> Unmanaged<FunBody>? in
            guard s.hasNothingToDo, case .newTask(let code)? = s.waiter else { return nil }
            s.mailbox.append(message)
            s.waiter = nil
            s.waiting = false
            return code
        }
    }

    /// Runs the code `claimIdle` took, on the caller's task, until the
    /// process gives it back or exits.
    @inline(__always)
    private func runClaimed(_ code: Unmanaged<FunBody>) async {
        runtime.activity.wake()
        borrowedMessages = 1
        await runtime.runToWaitOrExitInCallersFrame(self, .fun(code.takeRetainedValue()))
    }

    /// Whether the current run of the process is a borrowed one.
    public var runsBorrowed: Bool { borrowedMessages >= 0 }

    /// Asked by the process's code before it takes a message: `true` when
    /// it runs borrowed and has taken the message it was borrowed for, so
    /// it must give the process back (`releaseBorrowedTask`) instead of
    /// waiting for more; otherwise counts this turn. `false` in a task of
    /// its own.
    public func mustReleaseBorrowedTask() -> Bool {
        if borrowedMessages <= 0 { return borrowedMessages == 0 }
        borrowedMessages -= 1
        return false
    }

    /// Gives a borrowed process back: idle without a task (resuming with
    /// `code`) when nothing waits for it, otherwise running `code` in a
    /// task of its own. Always throws `ProcessWaitsWithoutTask`, which
    /// ends the borrowed run; the caller must let it pass.
    /// `mayIdle` is `false` when the code must run on (it waits with a
    /// timeout): it then always gets a task.
    public func releaseBorrowedTask(resumingWith code: FunBody, mayIdle: Bool = true) throws -> Never {
        borrowedMessages = -1
        if !(mayIdle && parkWithoutTask(resumingWith: code)) { runtime.startTask(self, .fun(code)) }
        throw ProcessWaitsWithoutTask.shared
    }
}
