import DequeModule
import ErlangTerms

/// The mailbox in two parts, so that a sender and a busy receiver do not
/// contend for one lock, and one cache line, on every message.
///
/// Senders append to the inbox (`Shared.mailbox`, under `shared`). The task
/// running the process takes messages from the front (`front`, under a
/// lock of its own): when it has used up the front, it moves the whole
/// inbox there in one step (a swap of two deques), so a server working
/// through a backlog takes `shared` once per batch rather than once per
/// message. Measured with `scripts/bench cast` (1,000,000 casts from the
/// shell): see the commit that introduced this file.
///
/// Rules that keep the two parts one mailbox:
/// - Order: the front's messages are older than the inbox's. Only the task
///   running the process moves messages into the front or removes any.
/// - Locks: `front` before `shared`, never the other way round.
/// - Waiting: a process that waits has an empty front (`park` puts it
///   back in the inbox), so whoever looks at a waiting process (a
///   borrower's claim, `hasNothingToDo`) sees its whole mailbox in
///   `shared`.
/// - Exit signals: `exitPending` mirrors `Shared.pendingExit`, so taking a
///   message from the front still notices a kill at once, as taking it
///   under `shared` did.
extension ErlangProcess {
    /// Throws `ProcessExit` when an exit signal will kill the process.
    /// One atomic load when none has come.
    @inline(__always)
    func throwIfExitPending() throws {
        guard exitPending.load(ordering: .acquiring) else { return }
        try checkExitSignal()
    }

    /// Moves every message of the inbox to the end of the front `f` (held
    /// under `front`'s lock by the caller): a swap when the front is empty.
    func absorbInbox(into f: inout Deque<Term>) {
        shared.withLock { s in
            guard !s.mailbox.isEmpty else { return }
            if f.isEmpty {
                swap(&f, &s.mailbox)
            } else {
                f.append(contentsOf: s.mailbox)
                s.mailbox.removeAll(keepingCapacity: true)
            }
        }
    }

    /// Runs `body` under `shared`, telling it whether the process has
    /// nothing to do (`Shared.hasNothingToDo`, with the front empty too).
    /// For the task running the process, about to wait without it: a
    /// waiting process has no front, and one with messages there does not
    /// wait.
    func withIdleCheck<R>(_ body: (_ hasNothingToDo: Bool, inout Shared) -> R) -> R {
        front.withLock { f in
            let frontIsEmpty = f.isEmpty
            return shared.withLock { s in body(frontIsEmpty && s.hasNothingToDo, &s) }
        }
    }
}

extension ErlangProcess.Shared {
    /// Puts the front `f` back at the head of the inbox, for a process
    /// about to wait: a swap when the inbox is empty, as it is unless
    /// messages came since the front last took it.
    mutating func returnFront(_ f: inout Deque<Term>) {
        guard !f.isEmpty else { return }
        if mailbox.isEmpty {
            swap(&f, &mailbox)
        } else {
            mailbox.prepend(contentsOf: f)
            f.removeAll(keepingCapacity: true)
        }
    }
}
