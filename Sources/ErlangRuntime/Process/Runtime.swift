import ErlangTerms
import Synchronization

/// One Erlang node's worth of runtime: the process table, the registry,
/// the loaded modules, the clock, the timers and the output. Mirrors a
/// non-distributed BEAM node. Nothing in Swerl is global but the atom
/// table: several runtimes can live side by side (each test makes its own).
///
/// Split: this file holds the state and finds processes; `Runtime+Spawn`
/// starts them; `Runtime+Exit` is what happens when one ends;
/// `Runtime+Registry` holds registered names; `Runtime+Timers` the
/// `erlang:send_after/3` family.
///
/// Locks: the table's lock may be held while taking a process's lock
/// (`register`), never the other way round.
public final class Runtime: Sendable {
    /// The loaded modules.
    public let modules: ModuleTable
    /// The source of time for timers and receive timeouts.
    public let clock: any RuntimeClock
    /// Where `io` output, prompts and reports go.
    public let output: any OutputSink
    /// Counts runnable processes, so the shell can wait for quiet.
    public let activity = ActivityMonitor()
    /// The executor the processes' tasks run on.
    public let scheduler: ProcessScheduler

    /// Called after a process exits abnormally (for crash reports). Set once,
    /// before processes start.
    public let crashHandlers = Lock<[@Sendable (_ pid: Pid, _ reason: Term, _ process: ErlangProcess) -> Void]>([])

    /// Hears of each process that dies of an uncaught `error` or `throw`
    /// (not `exit/1`, not an exit signal), in the dying process, before
    /// its links and monitors hear of the exit; answers the exception its
    /// exit reason is made of (`Runtime.exitReason(of:)`). BEAM's emulator
    /// logs its `Error in process ...` report at this point. Set by the
    /// layer that installs the standard library (`Stdlib.install`); without
    /// one the exception is used as it is and nothing is reported.
    public let uncaughtExceptionHandler = Lock<UncaughtExceptionHandler?>(nil)

    struct Table: ~Copyable {
        var processes = ProcessTable()
        var names: [Atom: Pid] = [:]
        var nextSerial: UInt64
    }

    let table: Lock<Table>
    let timers = Lock<[Ref: RuntimeTimer]>([:])
    private let nextRef = Atomic<UInt64>(1)
    private let nextFun = Atomic<UInt64>(1)

    /// A runtime whose first pid is `<0.firstSerial.0>`.
    public init(clock: any RuntimeClock = SystemClock(), output: any OutputSink = StandardOutput(),
                modules: ModuleTable = ModuleTable(), firstSerial: UInt64 = 80,
                scheduler: ProcessScheduler = .shared) {
        self.scheduler = scheduler
        self.clock = clock
        self.output = output
        self.modules = modules
        self.table = Lock(Table(nextSerial: firstSerial))
    }

    /// The live process with `pid`, if any.
    public func process(_ pid: Pid) -> ErlangProcess? {
        table.withLock { $0.processes[pid] }
    }

    /// The pids of all live processes, in creation order.
    public var processPids: [Pid] {
        table.withLock { $0.processes.pids }.sorted()
    }

    /// The number of live processes.
    public var processCount: Int { table.withLock { $0.processes.count } }

    /// A new unique reference (`make_ref/0`).
    public func makeRef() -> Ref {
        Ref(id: nextRef.add(1, ordering: .relaxed).newValue)
    }

    /// A new number for `Fun.identity`, unique in this runtime.
    public func makeFunIdentity() -> UInt64 {
        nextFun.add(1, ordering: .relaxed).newValue
    }

    /// Sends `message` to `pid` (`Pid ! Msg`). Sending to a dead pid is not
    /// an error; the message is dropped. Messages from one sender to one
    /// receiver arrive in the order they were sent.
    public func send(_ message: Term, to pid: Pid) {
        send(.term(message), to: pid)
    }

    /// `send(_:to:)` for a message as the mailbox holds it: a cast queued
    /// as its request alone (`MailboxMessage.cast`).
    public func send(_ message: MailboxMessage, to pid: Pid) {
        // The message goes in under the table's lock, into a process the
        // table lends (the table's lock is taken before a process's, as
        // `register` takes them); the receiver is retained only when it
        // must be woken, after both locks.
        let woken = table.withLock { t in
            t.processes.withProcess(pid) { process in process.enqueue(message).map { (process, $0) } } ?? nil
        }
        if let (receiver, waiter) = woken { receiver.resume(waiter) }
    }

    /// Sends an exit signal from `sender` to `target` (`exit(Pid, Reason)`);
    /// nothing happens when `target` is dead.
    public func sendExitSignal(from sender: Pid, to target: Pid, reason: Term) {
        process(target)?.receiveExitSignal(from: sender, reason: reason, fromLink: false)
    }
}
