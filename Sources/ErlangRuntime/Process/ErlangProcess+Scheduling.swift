import ErlangTerms

/// Reductions and fairness. Code that runs Erlang calls `tick()` once per
/// function call; every `reductionBudget` calls the process yields its
/// thread so that a process in an endless loop cannot starve the others,
/// and checks for an exit signal so `exit(P, kill)` stops it.
extension ErlangProcess {
    /// Counts one reduction; yields and checks exit signals when the budget
    /// runs out. Throws `ProcessExit` when an exit signal killed the process.
    @inlinable
    public func tick() async throws {
        reductionsLeft -= 1
        if reductionsLeft <= 0 { try await yieldSlice() }
    }

    /// Whether the time slice has more than one reduction left: code
    /// that will not suspend may run, then `countReduction()`.
    @inlinable
    public var hasReductionToSpare: Bool { reductionsLeft > 1 }

    /// Counts a reduction of code that ran without suspending, after
    /// `hasReductionToSpare` said it could.
    @inlinable
    public func countReduction() { reductionsLeft -= 1 }

    /// Starts a new slice for an idle process that another claimed
    /// (`claimWhileIdle`) when less than half of its slice is left: its
    /// turn ended when it went idle, and what runs for it at once now runs
    /// in the claimer's slice. (Left spent, it would make every try at
    /// once answer that the work must be done in full.)
    func refillSliceOfIdleProcess() {
        guard reductionsLeft < ErlangProcess.reductionBudget / 2 else { return }
        finishedSliceReductions.add(ErlangProcess.reductionBudget - reductionsLeft, ordering: .relaxed)
        reductionsLeft = ErlangProcess.reductionBudget
    }

    /// Gives up the thread, then checks for a pending exit signal.
    @usableFromInline
    func yieldSlice() async throws {
        finishedSliceReductions.add(ErlangProcess.reductionBudget - reductionsLeft, ordering: .relaxed)
        reductionsLeft = ErlangProcess.reductionBudget
        try checkExitSignal()
        if await !ProcessScheduler.yieldOnCurrentWorker() { await Task.yield() }
        try checkExitSignal()
    }

    /// Lets the processes that are runnable now on this process's thread
    /// (those it has just woken, say) have their turn first, in the order
    /// they were woken, as they would in a BEAM run queue; the caller goes
    /// on after them, and a process they wake in turn runs after the
    /// caller. No idle thread is woken to share the turns, so the order
    /// holds while the rest of the runtime is quiet. The shell does this
    /// before it prints a value: `Pid ! hi.` shows what Pid prints first,
    /// as in erl.
    public func letRunnableProcessesGoFirst() async {
        if await !ProcessScheduler.yieldOnCurrentWorker(sharing: false) { await Task.yield() }
    }

    /// The reductions the process has run (`process_info(P, reductions)`):
    /// exact when the process asks about itself, otherwise as of the end
    /// of its last slice.
    public func reductions(seenBy asker: Pid?) -> Int {
        let finished = finishedSliceReductions.load(ordering: .relaxed)
        return asker == pid ? finished + ErlangProcess.reductionBudget - reductionsLeft : finished
    }
}
