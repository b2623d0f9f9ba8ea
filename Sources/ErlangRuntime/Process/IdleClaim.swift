import ErlangTerms

/// An idle process taken by another to run one step of its code at once,
/// with no message delivered and no task made: the step is the work the
/// process would have done for a message the taker never sends. A
/// `gen_server:call` to an idle server runs the server's `handle_call` so
/// (`GenServer.callAtOnce`): one synchronous call, where a borrowed run
/// (`runBorrowed`) needs the server's whole async loop.
///
/// While claimed, the process counts as busy to everyone else: what is
/// sent to it waits in its mailbox, and an exit signal waits too, until
/// the taker gives it back (`giveBack`), idle as it was or woken for
/// what came meanwhile, or runs it on from where the step left it
/// (`runOn(from:)`). One of the two must end every claim, once.
public struct IdleClaim: @unchecked Sendable {
    // @unchecked: the claimed code and parked task are the process's,
    // passed from its lock to the taker and back.
    /// The process taken.
    public let process: ErlangProcess
    private let claimed: ErlangProcess.Claimed

    fileprivate init(process: ErlangProcess, claimed: ErlangProcess.Claimed) {
        self.process = process
        self.claimed = claimed
    }

    /// The code the process waits to run: what a message would start.
    public var code: FunBody { claimed.code.takeUnretainedValue() }

    /// Gives the process back: idle as it was, or, if a message or a
    /// signal came while it was claimed, woken to handle it.
    public func giveBack() {
        let claimed = self.claimed
        let wakeup = process.withIdleCheck { idle, s -> ErlangProcess.Wakeup? in
            if idle {
                s.reinstate(claimed)
                return nil
            }
            if let parked = claimed.parked { return .task(parked) }
            return .newTask(claimed.code)
        }
        guard let wakeup else { return }
        // A parked task goes on in its own code: the lendable +1 is spent.
        if claimed.parked != nil { claimed.code.release() }
        process.resume(wakeup)
    }

    /// Runs the process on from `code` on the caller's task, as a borrowed
    /// run does (`runBorrowed`), until it waits for a message or exits:
    /// the rest of the step that could not end at once.
    public func runOn(from code: FunBody) async {
        await process.runClaimed(claimed, instead: code, messages: 0)
    }
}

extension ErlangProcess {
    /// Whether to try a step of this process at once now: `false` while
    /// tries are being skipped after one that could not run
    /// (`skipTriesAtOnce`), counting this one.
    public func shouldTryAtOnce() -> Bool {
        guard triesAtOnceToSkip.load(ordering: .relaxed) > 0 else { return true }
        triesAtOnceToSkip.subtract(1, ordering: .relaxed)
        return false
    }

    /// Skips the next `count` tries at once: the one just made found the
    /// process's step could not run so, and the next likely cannot either.
    public func skipTriesAtOnce(_ count: Int) {
        triesAtOnceToSkip.store(count, ordering: .relaxed)
    }

    /// Claims this process for a step run at once (`IdleClaim`) if it
    /// waits without a task, or in a task that lends itself, with nothing
    /// to do; `nil`, having done nothing, otherwise.
    public func claimWhileIdle() -> IdleClaim? {
        guard let claimed = claimIdle(delivering: nil) else { return nil }
        refillSliceOfIdleProcess()
        return IdleClaim(process: self, claimed: claimed)
    }
}
