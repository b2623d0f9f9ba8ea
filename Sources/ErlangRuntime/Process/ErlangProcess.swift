import DequeModule
import ErlangTerms
import Synchronization

/// One Erlang process: a mailbox and per-process state, run by one Swift
/// task. Mirrors a BEAM process.
///
/// Split: this file holds the state, the mailbox and message delivery;
/// `+Receive` is selective receive; `+Signals` exit signals and the end of
/// the process; `+Links` and `+Monitors` the two kinds of watching;
/// `+Dictionary` the process dictionary; `+Info` what `process_info`
/// reports; `+Scheduling` reductions and fairness; `+Control` the host's
/// side channel.
///
/// Concurrency: all state other tasks may touch (the mailbox's inbox,
/// links, monitors, the pending exit, the dictionary, which `process_info`
/// reads) lives in `shared`, behind one lock that is never held while
/// taking another process's lock. The mailbox's front (`front`: messages
/// the process has moved out of the inbox in one go) has a lock of its
/// own, taken before `shared` when both are needed, so that senders and
/// the receiver do not contend for one lock on every message
/// (`ErlangProcess+MailboxFront`). Only `reductionsLeft`, `frontCount`
/// and the borrow fields are plain: only the task running the process
/// uses them.
///
/// Memory: an idle process is this object (a few hundred bytes, empty
/// collections allocate nothing) plus its suspended task, or, when its
/// code has given the task up (`waitWithoutTask(resumingWith:)`), the code
/// that a new task runs when the process is woken. Waiting uses an
/// `UnsafeContinuation`, which allocates nothing, where a
/// `CheckedContinuation` would add a canary object per waiting process.
public final class ErlangProcess: @unchecked Sendable {
    // @unchecked: `reductionsLeft` is a plain `var` that only the process's
    // own task reads and writes (one task runs a process, by construction);
    // everything any other task touches is inside the `Lock`s `shared` and
    // `front`, or atomic.

    // Field order is cache-line layout. A busy server's own core keeps
    // writing the object's header (its reference count) and the fields
    // that come first (bytes 0 to 88); senders on other cores write the
    // lock in `shared`, declared last, after the fields that are seldom
    // written and a spacer (it starts at byte 152), so that the two never
    // share a 64-byte line, wherever the object starts. Sharing one cost a
    // cast about a tenth of its time (`scripts/bench cast`: 298 → 272 ns
    // at best, median 527 → 426 ns over eight runs on this VM). A field
    // added to the first group needs as many bytes more in the spacer.

    // Written by the task running the process, message by message:

    /// The front of the mailbox, oldest first: messages the task running
    /// the process moved out of `shared.mailbox` (the inbox senders append
    /// to) in one go, and takes one at a time under this lock, which no
    /// sender contends for. The whole mailbox is `front` then
    /// `shared.mailbox`. Whenever the process waits, `front` is empty: its
    /// messages are back in the inbox (`ErlangProcess+MailboxFront`).
    let front = Lock(Deque<MailboxMessage>())

    /// How many messages `front` holds, as the task running the process
    /// last left it: only that task changes the front, so it reads this
    /// without the lock. While it is 0, receives use the inbox directly,
    /// as a process that keeps up with its messages always does, and take
    /// no lock but `shared`.
    @exclusivity(unchecked) var frontCount = 0

    /// Whether an exit signal will kill the process (`Shared.pendingExit`
    /// is set): read without a lock before each message is taken.
    let exitPending = Atomic<Bool>(false)

    /// Reductions left before the process yields to others.
    /// `@exclusivity(unchecked)`: only the process's own task touches it,
    /// one access at a time, and it is read on every function call.
    @exclusivity(unchecked) @usableFromInline var reductionsLeft = ErlangProcess.reductionBudget

    /// Reductions a process runs before it yields (BEAM uses about 4000).
    @usableFromInline static let reductionBudget = 2000

    /// While another process's task runs this one (`runBorrowed`): how
    /// many messages the run may still take before giving the process
    /// back; `-1` when the process runs in a task of its own. Touched only
    /// by whichever task runs the process, handed over under `shared`.
    @exclusivity(unchecked) var borrowedMessages = -1

    /// During a borrowed run over a parked task (`idleReceiveCode`):
    /// that task, suspended, which the run must give the process back to
    /// or end (`ErlangProcess+Borrow`). Touched only by the borrowed run.
    @exclusivity(unchecked) var lentTask: UnsafeContinuation<Bool, Never>?

    /// The argument list the running task's calls reuse
    /// (`ErlangProcess+ScratchLists`): empty, with room, between calls.
    @exclusivity(unchecked) var spareArguments: [Term] = []

    /// The storage for a function clause's bindings that the running
    /// task's calls reuse (`ErlangProcess+ScratchLists`): empty between
    /// calls, and dropped while the process waits.
    @exclusivity(unchecked) var spareBindings: [BoundName] = []

    // Written seldom, or never:

    /// The process's pid.
    public let pid: Pid
    /// The runtime the process belongs to.
    public let runtime: Runtime

    /// What carries on this process from an idle `receiveAny()` with no
    /// timeout, run by another process over the process's parked task
    /// (`runBorrowed`), when the code waiting there keeps its whole state
    /// in objects (gen_server's loop sets it: a server a cast woke keeps
    /// its task, and a call to it then runs on the caller's task as to an
    /// idle one). `nil`: the task is never lent. Set by the process's code
    /// (`lendTaskWhileIdle(to:)`).
    @exclusivity(unchecked) var idleReceiveCode: FunBody?

    /// Reductions of the slices the process has finished (updated once per
    /// slice, so other processes can read it: `process_info(P, reductions)`).
    let finishedSliceReductions = Atomic<Int>(0)
    /// How many tries at once to skip (`skipTriesAtOnce`): a hint others
    /// read and write without the lock, where a stale value costs only a
    /// try too many or too few.
    let triesAtOnceToSkip = Atomic<Int>(0)

    /// Keeps `shared`'s lock off the cache lines above (see the top).
    private let spacer: (Int, Int, Int) = (0, 0, 0)

    /// The state other tasks may touch, behind the lock senders take.
    let shared = Lock(Shared())

    /// One monitor, seen from either end.
    struct Monitor {
        /// The process at the other end: the watched one in `monitors`,
        /// the watcher in `monitoredBy`.
        var pid: Pid
        /// What the `'DOWN'` message names: the pid, or `{Name, Node}` for
        /// a monitor taken on a registered name.
        var item: Term
        /// The `'DOWN'` message's tag when `erlang:monitor/3` set one,
        /// boxed: as an optional term, every monitor a call takes was
        /// copied and destroyed through generic value witnesses.
        private let tagBox: TagBox?

        /// The `'DOWN'` message's tag when `erlang:monitor/3` set one.
        var tag: Term? { tagBox?.tag }

        init(pid: Pid, item: Term, tag: Term? = nil) {
            self.pid = pid
            self.item = item
            tagBox = tag.map(TagBox.init)
        }
    }

    /// A monitor's `'DOWN'` tag.
    final class TagBox: Sendable {
        let tag: Term
        init(_ tag: Term) { self.tag = tag }
    }

    struct Shared {
        var mailbox = Deque<MailboxMessage>()
        var control = Deque<any Sendable>()     // host requests (the shell's commands), not Erlang messages
        var waiter: Wakeup?                     // how to wake the process while it waits
        var lendable: Unmanaged<FunBody>?       // with a `.task` waiter: the code a borrower may run instead (+1)
        var waiting = false                     // suspended in a receive or waiting for a host request, or idle without a task
        var links = Set<Pid>()
        var monitors = MonitorTable()           // monitors this process holds on others
        var monitoredBy = MonitorTable()        // monitors others hold on this process
        var trapExit = false
        var pendingExit: Term?                  // an exit signal that will kill the process
        var exitReason: Term?                   // set once the process has exited
        var notified = false                    // links and monitors have been told of the exit
        var exitWaiters: [UnsafeContinuation<Term, Never>] = []
        var registeredName: Atom?
        var receiveToken: UInt64 = 0            // which receive a timer belongs to
        var timeoutFired = false
        var receiveTimer: (any RestartableTimer)? // the timer of every timed receive, made at the first
        var dictionary = ProcessDictionary()
        var initialCall: Term = ErlangProcess.defaultInitialCall
        var currentFunction: Term?
        var directAnswer: DirectAnswer?         // the answer slot of a call or start running another process borrowed
    }

    /// `{erlang, apply, 2}`: the initial call of a process started with a fun.
    static let defaultInitialCall: Term = .tuple([.atom("erlang"), .atom("apply"), .int(2)])

    init(pid: Pid, runtime: Runtime) {
        self.pid = pid
        self.runtime = runtime
    }

    /// The initial call `{M, F, Arity}`, for `process_info` and crash
    /// reports; `{erlang, apply, 2}` for a process started with a fun.
    public var initialCall: Term {
        get { shared.withLock { $0.initialCall } }
        set { shared.withLock { $0.initialCall = newValue } }
    }

    /// What `process_info(P, current_function)` reports when the code the
    /// process runs says where it is (a gen_server waiting in its loop);
    /// `nil` means the initial call.
    public var currentFunction: Term? {
        get { shared.withLock { $0.currentFunction } }
        set { shared.withLock { $0.currentFunction = newValue } }
    }

    /// Whether the process has not exited.
    public var isAlive: Bool { shared.withLock { $0.exitReason == nil } }

    /// The number of messages waiting in the mailbox.
    public var messageQueueLength: Int {
        front.withLock { f in shared.withLock { s in f.count + s.mailbox.count } }
    }

    /// A snapshot of the mailbox, oldest first (`process_info(P, messages)`).
    public var queuedMessages: [Term] {
        front.withLock { f in shared.withLock { s in (Array(f) + Array(s.mailbox)).map(\.term) } }
    }

    /// The registered name, if any.
    public var registeredName: Atom? { shared.withLock { $0.registeredName } }

    /// Delivers `message` to the end of the mailbox and wakes the process if
    /// it waits. A message to a dead process is dropped, as in Erlang.
    func deliver(_ message: Term) {
        resume(enqueue(.term(message)))
    }

    /// Puts `message` at the end of the mailbox, unless the process has
    /// exited; answers how to wake the process, if it waits. The caller
    /// wakes it (`resume`), outside any lock.
    func enqueue(_ message: MailboxMessage) -> Wakeup? {
        shared.withLock { s -> Wakeup? in
            guard s.exitReason == nil else { return nil }
            s.mailbox.append(message)
            return s.takeWaiter()
        }
    }

    /// What wakes a waiting process.
    enum Wakeup {
        /// Resuming its suspended task, with `false`; `true` tells a task
        /// parked lending itself (`idleReceiveCode`) that a borrower took the
        /// process over for good, and it must end (`ProcessWaitsWithoutTask`).
        case task(UnsafeContinuation<Bool, Never>)
        /// Starting a new task running this code: the process gave up its
        /// task while idle (`waitWithoutTask(resumingWith:)`). Held +1 as
        /// an unmanaged reference, taken back when the new task starts: so
        /// the enum is a plain word, and handing it out of the lock on
        /// every message delivery costs no retain or release.
        case newTask(Unmanaged<FunBody>)
    }

    /// Wakes the process as `waiter` (taken from `shared` with
    /// `takeWaiter()`) says, counting it as runnable again.
    func resume(_ waiter: Wakeup?) {
        guard let waiter else { return }
        runtime.activity.wake()
        switch waiter {
        case .task(let continuation): continuation.resume(returning: false)
        case .newTask(let code): runtime.startTask(self, .fun(code.takeRetainedValue()))
        }
    }

    /// Suspends the task until another task resumes it through `shared.waiter`,
    /// unless `ready` (checked under the lock) says there is work already.
    /// While suspended the process counts as idle.
    func suspend(unless ready: (inout Shared) -> Bool) async {
        _ = await withTSanAwareContinuation { (continuation: UnsafeContinuation<Bool, Never>) in
            park(continuation, unless: ready)
        }
    }

    /// Suspends the task until a message beyond the first `count` arrives,
    /// an exit signal comes or the receive's timer fires. `suspend` for a
    /// receive, with nothing but `count` in its frame.
    /// `lending`: the code a borrower may run as the process while the
    /// task waits (`idleReceiveCode`); the answer is `true` when one
    /// took the process over for good, and the task must end.
    func suspendUntilMessage(after count: Int, lending: FunBody? = nil) async -> Bool {
        dropScratchStorage()
        return await withTSanAwareContinuation { (continuation: UnsafeContinuation<Bool, Never>) in
            let frontCount = frontCount
            park(continuation, unless: { s in frontCount + s.mailbox.count > count || s.timeoutFired },
                 lending: lending)
        }
    }

    /// Stores `continuation` as the waiter, or resumes it at once when
    /// `ready` (checked under the lock) says there is work already. A
    /// process that waits puts its mailbox's front back in the inbox.
    @inline(never)
    private func park(_ continuation: UnsafeContinuation<Bool, Never>, unless ready: (inout Shared) -> Bool,
                      lending: FunBody? = nil) {
        let resumeNow = withWholeMailboxLocked { s, returnFront -> Bool in
            if ready(&s) || s.pendingExit != nil { return true }
            returnFront(&s)
            s.parkTask(continuation, lending: lending)
            return false
        }
        if resumeNow {
            continuation.resume(returning: false)
        } else {
            runtime.activity.sleep()
        }
    }
}

extension ErlangProcess.Shared {
    /// Whether nothing waits for the process: it is alive, no exit signal,
    /// message, host request or receive timeout is pending. Only then may
    /// it wait without a task, or be run on another's task.
    var hasNothingToDo: Bool {
        exitReason == nil && pendingExit == nil && mailbox.isEmpty && control.isEmpty && !timeoutFired
    }

    /// Takes how to wake the process, if it waits, so the caller wakes it
    /// once the lock is released.
    mutating func takeWaiter() -> ErlangProcess.Wakeup? {
        guard let w = waiter else { return nil }
        waiter = nil
        waiting = false
        dropLendable()
        return w
    }

    /// Records the task suspended on `continuation` as the waiter, and
    /// `code`, if any, as what a borrower may run instead of waking it.
    mutating func parkTask(_ continuation: UnsafeContinuation<Bool, Never>, lending code: FunBody?) {
        waiter = .task(continuation)
        waiting = true
        if let code { lendable = Unmanaged.passRetained(code) }
    }

    /// Forgets the code a borrower could have run (the parked task is
    /// being woken, or taken over).
    mutating func dropLendable() {
        lendable?.release()
        lendable = nil
    }
}
