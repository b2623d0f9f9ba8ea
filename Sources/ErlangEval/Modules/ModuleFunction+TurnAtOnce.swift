import ErlangRuntime
import ErlangTerms

/// A receive loop's turn run at once by the process that sent its
/// message (`ErlangProcess.sendAtOnce`). `loop(S) -> receive {From, M} ->
/// From ! M, loop(S) end.` idling without a task takes a message and comes
/// back to its receive in one synchronous step when the branch the message
/// selects runs without suspending up to a tail call of a loop head
/// (`ModuleFunction.loopHead`): the sender runs that step as the process
/// and leaves it idle again, where a borrowed run (`runBorrowed`) needs the
/// loop's async frames. Whether a turn qualifies is known before anything
/// of it runs: matching a branch has no effect.
extension ModuleFunction {
    /// `loopHead` of a function with `clauses`.
    static func loopHead(of clauses: [FunctionClauseCode]) -> (heads: [HeadPattern], receive: TailReceive)? {
        guard clauses.count == 1, let clause = clauses.first, clause.guards.isEmpty,
              clause.heads.allSatisfy({ head in
                  switch head {
                  case .anything, .fresh: return true
                  case .repeated, .atom, .emptyList, .literal, .headTail, .cons, .tuple, .general: return false
                  }
              }),
              clause.body.prefix.isEmpty, case .receive(let receive)? = clause.body.last,
              receive.timeout == nil else { return nil }
        return (clause.heads, receive)
    }

    /// Runs the turn of the loop waiting in `resumption` for `message`:
    /// `true` when done, the resumption now where the loop waits next;
    /// `false`, having done nothing, when the turn could suspend (or no
    /// branch takes the message). What the turn raises ends the process.
    func turnAtOnce(_ resumption: ReceiveLoopResumption, _ message: Term, _ process: ErlangProcess) throws -> Bool {
        guard receiveLoopMayRunBorrowed, process.hasReductionToSpare,
              let (body, scope) = try branch(of: resumption.receive.branches, matching: message, resumption.env, process),
              let prefix = body.syncPrefix, case .localCall(let call)? = body.last,
              let arguments = call.syncArguments, arguments.count == call.key.arity,
              let next = self.scope.function(call.key), let (heads, receive) = next.loopHead else { return false }
        var env = scope
        try runSyncPrefix(prefix, &env, process)
        // Not given back to the process: this runs as an idle receiver
        // on its sender's task, and an idle process keeps no scratch lists.
        let values = try values(of: arguments, &env, process)
        var nextEnv = Bindings()
        for index in heads.indices {
            if case .fresh(let variable) = heads[index] { nextEnv.bindUnbound(variable, values[index]) }
        }
        _ = ReceiveLoopResumption.made(reusing: resumption, next, receive, nextEnv)
        process.countReduction()
        return true
    }
}
