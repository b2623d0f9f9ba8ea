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
/// meanwhile, running in a task of its own (`releaseBorrowedTask`).
///
/// A process whose task waits in `receiveAny()` lending itself
/// (`idleReceiveCode`: a gen_server a
/// cast woke, which kept its task) is run the same way over its parked
/// task: the task stays suspended (`lentTask`) while the borrower runs
/// the process, and gets the process back when the run ends waiting for
/// any message, as the task was; otherwise (the process waits with a
/// timeout, without a task, or exits) the task is told to end. The
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
        guard let claimed = claimIdle(delivering: message) else { return false }
        await runClaimed(claimed, messages: 1)
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
        guard let claimed = claimIdle(delivering: message) else { return nil }
        caller.expectDirectReply(ref)
        await runClaimed(claimed, messages: 1)
        return caller.takeDirectReply(ref, monitoring: self)
    }

    /// What `claimIdle` took: the process's code, and the task parked
    /// under it, if it had one (`idleReceiveCode`).
    typealias Claimed = (code: Unmanaged<FunBody>, parked: UnsafeContinuation<Bool, Never>?)

    /// Delivers `message` (if any) and takes the process's code, if it
    /// waited without a task, or in a task that lends itself, with
    /// nothing else to do; `nil` (nothing delivered) otherwise. The caller
    /// must then run the code (`runClaimed`), or give it back
    /// (`IdleClaim.giveBack`).
    /// A waiting process has an empty front (`ErlangProcess+MailboxFront`),
    /// so its whole mailbox is in `shared`.
    @inline(__always)
    func claimIdle(delivering message: Term?) -> Claimed? {
        shared.withLock { s -> Claimed? in
            guard s.hasNothingToDo else { return nil }
            let claimed: Claimed
            switch s.waiter {
            case .newTask(let code)?:
                claimed = (code, nil)
            case .task(let parked)?:
                guard let code = s.lendable else { return nil }
                s.lendable = nil  // its +1 passes to the claim
                claimed = (code, parked)
            case nil:
                return nil
            }
            if let message { s.mailbox.append(.term(message)) }
            s.waiter = nil
            s.waiting = false
            return claimed
        }
    }

    /// Runs the code `claimIdle` took (or `code` instead), on the
    /// caller's task, until the process gives it back or exits, letting it
    /// take `messages` messages first. A task parked under it that the run
    /// did not hand the process back to is told to end once the process
    /// has exited.
    @inline(__always)
    func runClaimed(_ claimed: Claimed, instead code: FunBody? = nil, messages: Int) async {
        runtime.activity.wake()
        borrowedMessages = messages
        lentTask = claimed.parked
        let idleCode = claimed.code.takeRetainedValue()
        let exited = await runtime.runToWaitOrExitInCallersFrame(self, .fun(code ?? idleCode))
        // Read only after an exit: a run that gave the process back may
        // already see it run by another task.
        if exited, let parked = lentTask {
            lentTask = nil
            parked.resume(returning: true)
        }
    }

    /// Makes `code` what carries this process on from an idle
    /// `receiveAny()` with no timeout when another process runs it over
    /// its parked task (`idleReceiveCode`). For code whose whole state at
    /// that receive is in objects; called by the process's own code.
    public func lendTaskWhileIdle(to code: FunBody) {
        idleReceiveCode = code
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
        if let parked = lentTask {
            lentTask = nil
            handBack(to: parked, lending: code, mayIdle: mayIdle)
        } else if !(mayIdle && parkWithoutTask(resumingWith: code)) {
            runtime.startTask(self, .fun(code))
        }
        throw ProcessWaitsWithoutTask.shared
    }

    /// Ends a borrowed run over the parked task `parked`: when the process
    /// waits for any message (`mayIdle`), the task has it back, parked
    /// again lending `code` if nothing waits, else woken to go on; when it
    /// waits with a timeout, `code` runs in a new task and `parked` ends.
    private func handBack(to parked: UnsafeContinuation<Bool, Never>, lending code: FunBody, mayIdle: Bool) {
        guard mayIdle else {
            parked.resume(returning: true)
            runtime.startTask(self, .fun(code))
            return
        }
        let parkedAgain = withIdleCheck { idle, s -> Bool in
            guard idle else { return false }
            s.parkTask(parked, lending: code)
            return true
        }
        if parkedAgain {
            runtime.activity.sleep()
        } else {
            parked.resume(returning: false)
        }
    }
}

extension ErlangProcess.Shared {
    /// Undoes `claimIdle(delivering: nil)`: the process waits as it did,
    /// its code (the claim's +1 passes back) and its parked task, if any,
    /// in place again.
    mutating func reinstate(_ claimed: ErlangProcess.Claimed) {
        if let parked = claimed.parked {
            waiter = .task(parked)
            lendable = claimed.code
        } else {
            waiter = .newTask(claimed.code)
        }
        waiting = true
    }
}
