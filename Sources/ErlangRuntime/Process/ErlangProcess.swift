import DequeModule
import ErlangTerms
import Synchronization

/// One Erlang process: a mailbox and per-process state, run by one Swift
/// task. Mirrors a BEAM process.
///
/// Split: this file holds the state and the mailbox; `ErlangProcess+Receive`
/// is selective receive; `ErlangProcess+Signals` links, monitors and exit
/// signals; `ErlangProcess+Scheduling` reductions and fairness.
///
/// State that only the process's own task touches (`dictionary`,
/// `reductionsLeft`) is plain; state that other processes touch (the
/// mailbox, links, monitors, pending exit) lives behind `shared`'s lock.
public final class ErlangProcess: @unchecked Sendable {
    // @unchecked: the plain `var`s are only used by the process's own task
    // (one task at a time, by construction); everything other tasks touch
    // is inside the `Mutex`.

    /// The process's pid.
    public let pid: Pid
    /// The runtime the process belongs to.
    public let runtime: Runtime

    /// The process dictionary (`put/2`, `get/1`); only the process itself uses it.
    public var dictionary: [Term: Term] = [:]
    /// Reductions left before the process yields to others.
    @usableFromInline var reductionsLeft = ErlangProcess.reductionBudget
    /// The initial call `{M, F, A}`, for `process_info` and crash reports.
    public var initialCall: Term = .tuple([.atom("erlang"), .atom("apply"), .int(2)])

    /// Reductions a process runs before it yields (BEAM uses about 4000).
    @usableFromInline static let reductionBudget = 2000

    struct Shared {
        var mailbox = Deque<Term>()
        var control = Deque<any Sendable>()    // host requests (the shell's commands), not Erlang messages
        var waiter: CheckedContinuation<Void, Never>?
        var links = Set<Pid>()
        var monitors: [Ref: Pid] = [:]          // monitors this process holds on others
        var monitoredBy: [Ref: Pid] = [:]       // monitors others hold on this process
        var trapExit = false
        var pendingExit: Term?                  // an exit signal that will kill the process
        var exitReason: Term?                   // set once the process has exited
        var registeredName: Atom?
        var waitingInReceive = false
        var receiveToken: UInt64 = 0         // which receive a timer belongs to
        var timeoutFired = false
    }

    let shared = Mutex(Shared())

    init(pid: Pid, runtime: Runtime) {
        self.pid = pid
        self.runtime = runtime
    }

    /// Whether the process has not exited.
    public var isAlive: Bool { shared.withLock { $0.exitReason == nil } }

    /// The number of messages waiting in the mailbox.
    public var messageQueueLength: Int { shared.withLock { $0.mailbox.count } }

    /// A snapshot of the mailbox, oldest first (`process_info(P, messages)`).
    public var queuedMessages: [Term] { shared.withLock { Array($0.mailbox) } }

    /// The registered name, if any.
    public var registeredName: Atom? { shared.withLock { $0.registeredName } }

    /// Delivers `message` to the end of the mailbox and wakes the process if
    /// it waits in a receive. A message to a dead process is dropped, as in Erlang.
    func deliver(_ message: Term) {
        let waiter: CheckedContinuation<Void, Never>? = shared.withLock { s in
            guard s.exitReason == nil else { return nil }
            s.mailbox.append(message)
            let w = s.waiter
            s.waiter = nil
            return w
        }
        if let waiter {
            runtime.activity.wake()
            waiter.resume()
        }
    }
}
