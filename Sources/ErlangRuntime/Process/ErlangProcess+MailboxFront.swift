import DequeModule
import ErlangTerms

/// The mailbox in two parts, so that a sender and a busy receiver do not
/// contend for one lock, and one cache line, on every message.
///
/// Senders append to the inbox (`Shared.mailbox`, under `shared`). A
/// process that keeps up with its messages takes them from there. When a
/// receive finds a backlog, the task running the process moves the whole
/// inbox to the front (`front`, under a lock of its own) in one step (a
/// swap of two deques), and takes the messages there one by one, taking
/// `shared` again only when the front is used up. Cast, measured with
/// `scripts/bench cast` on this 2-core VM: 315 → 289 ns when both sides
/// run at speed, 990 → 585 ns in the VM's slow mode, where lines moving
/// between cores cost most.
///
/// Rules that keep the two parts one mailbox:
/// - Order: the front's messages are older than the inbox's. Only the task
///   running the process moves messages into the front or removes any,
///   and it keeps `frontCount` equal to the front's size.
/// - Locks: `front` before `shared`, never the other way round.
/// - Waiting: a process that waits has an empty front (`park` puts it
///   back in the inbox), so whoever looks at a waiting process (a
///   borrower's claim, `hasNothingToDo`) sees its whole mailbox in
///   `shared`.
/// - Exit signals: `exitPending` mirrors `Shared.pendingExit`, so taking a
///   message from the front still notices a kill at once, as taking it
///   under `shared` does. Whatever reads the inbox checks `pendingExit`
///   under the same lock (the flag alone could be read just before a kill
///   and a message sent after it arrive): every message in the front
///   came before any exit signal.
extension ErlangProcess {
    /// The number of messages in the mailbox, asked by the task running
    /// the process (with no lock but `shared`): where a later receive that
    /// skips what came before starts (`receive(skipping:)`).
    public var ownMessageCount: Int {
        let frontCount = frontCount
        return frontCount + shared.withLock { $0.mailbox.count }
    }

    /// Throws `ProcessExit` when an exit signal will kill the process.
    /// One atomic load when none has come.
    @inline(__always)
    func throwIfExitPending() throws {
        guard exitPending.load(ordering: .acquiring) else { return }
        try checkExitSignal()
    }

    /// Takes the oldest message of a front that holds some.
    func takeFromFront() -> MailboxMessage? {
        front.withLock { f in
            let message = f.popFirst()
            frontCount = f.count
            return message
        }
    }

    /// Moves every message of the inbox to the end of the front `f` (held
    /// under `front`'s lock by the caller): a swap when the front is empty.
    /// Moves nothing, and answers the exit reason, when an exit signal
    /// will kill the process: the inbox may hold messages sent after it,
    /// which must never be taken (signals from one sender keep their order).
    func absorbInbox(into f: inout Deque<MailboxMessage>) -> Term? {
        let exit = shared.withLock { s -> Term? in
            if let reason = s.pendingExit { return reason }
            guard !s.mailbox.isEmpty else { return nil }
            if f.isEmpty {
                swap(&f, &s.mailbox)
            } else {
                f.append(contentsOf: s.mailbox)
                s.mailbox.removeAll(keepingCapacity: true)
            }
            return nil
        }
        frontCount = f.count
        return exit
    }

    /// Runs `body` under `shared`, with the whole mailbox locked, for the
    /// task running the process about to wait. `body` calls the function
    /// it is given (`returnFront`) when the process will wait, before it
    /// records the waiter: the front then goes back to the inbox.
    func withWholeMailboxLocked<R>(_ body: (inout Shared, _ returnFront: (inout Shared) -> Void) -> R) -> R {
        if frontCount == 0 { return shared.withLock { s in body(&s) { _ in } } }
        return front.withLock { f in
            shared.withLock { s in
                body(&s) { s in
                    s.returnFront(&f)
                    frontCount = 0
                }
            }
        }
    }

    /// Runs `body` under `shared`, telling it whether the process has
    /// nothing to do (`Shared.hasNothingToDo`, with the front empty too).
    /// For the task running the process, about to wait without it: a
    /// waiting process has no front, and one with messages there does not
    /// wait.
    func withIdleCheck<R>(_ body: (_ hasNothingToDo: Bool, inout Shared) -> R) -> R {
        let frontIsEmpty = frontCount == 0
        return shared.withLock { s in body(frontIsEmpty && s.hasNothingToDo, &s) }
    }
}

extension ErlangProcess.Shared {
    /// Puts the front `f` back at the head of the inbox, for a process
    /// about to wait: a swap when the inbox is empty, as it is unless
    /// messages came since the front last took it.
    mutating func returnFront(_ f: inout Deque<MailboxMessage>) {
        guard !f.isEmpty else { return }
        if mailbox.isEmpty {
            swap(&f, &mailbox)
        } else {
            mailbox.prepend(contentsOf: f)
            f.removeAll(keepingCapacity: true)
        }
    }
}

extension Deque<MailboxMessage> {
    /// Removes the message at `index`, which a receive has just matched:
    /// the oldest is the usual one, and `removeFirst` skips the general
    /// removal's gap-closing arithmetic.
    mutating func removeMessage(at index: Int) {
        if index == 0 {
            _ = removeFirst()
        } else {
            _ = remove(at: index)
        }
    }
}
