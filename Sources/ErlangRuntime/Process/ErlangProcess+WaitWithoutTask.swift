import ErlangTerms

/// Waiting without a task. A process suspended in a receive keeps its Swift
/// task: the task object and at least one task-allocator slab (about 1.3 KB
/// together), whatever its own state is. Code whose whole state lives in
/// objects of its own (gen_server's native loop) can give the task up
/// instead, as `erlang:hibernate/3` discards a BEAM process's stack: the
/// process stays alive, in the process table, with its mailbox, links and
/// monitors, and whatever wakes it (a message, an exit signal, a `'DOWN'`)
/// starts a new task running the code it left.
///
/// The price is a task creation per wake-up, so code gives its task up
/// only where it expects to idle for long (gen_server: after `init/1` and
/// on `hibernate`), not before every receive.
extension ErlangProcess {
    /// Gives up the process's task if there is nothing to do (no message,
    /// exit signal or host request waiting): the process then counts as
    /// idle, and the next wake-up runs `code` (called with no arguments)
    /// in a new task. Throws
    /// `ProcessWaitsWithoutTask` when it gave the task up, and the caller
    /// must let that error end the task (rethrow it, touching nothing of
    /// the process: the new task may already run). Returns normally when
    /// there is something to do; the caller goes on in this task.
    public func waitWithoutTask(resumingWith code: FunBody) throws {
        // A borrowed run ends here too; the next run starts afresh.
        // Taken before parking: once parked, another may run the process.
        let (borrowed, lent) = (borrowedMessages, lentTask)
        (borrowedMessages, lentTask) = (-1, nil)
        guard parkWithoutTask(resumingWith: code) else {
            (borrowedMessages, lentTask) = (borrowed, lent)
            return
        }
        // A task a borrowed run was lent can have the process back no more.
        lent?.resume(returning: true)
        throw ProcessWaitsWithoutTask.shared
    }

    /// Makes `code` what the next wake-up runs in a new task and counts
    /// the process as idle, if nothing waits for it; `false` (having done
    /// nothing) otherwise.
    func parkWithoutTask(resumingWith code: FunBody) -> Bool {
        dropScratchStorage()
        let parked = withIdleCheck { idle, s -> Bool in
            guard idle else { return false }
            s.waiter = .newTask(Unmanaged.passRetained(code))
            s.waiting = true
            return true
        }
        if parked { runtime.activity.sleep() }
        return parked
    }

    /// Whether the process waits without a task (for tests and
    /// `process_info`-style inspection).
    public var isWaitingWithoutTask: Bool {
        shared.withLock { s in
            if case .newTask? = s.waiter { return true }
            return false
        }
    }
}

/// Ends the task of a process that waits without one
/// (`ErlangProcess.waitWithoutTask(resumingWith:)`); the process lives on.
/// Code between that call and the bottom of the task must let it pass:
/// it is not an exit, and nothing may be reported for it.
public struct ProcessWaitsWithoutTask: Error, Sendable {
    /// The one value thrown: an error made once is thrown without the
    /// allocation each `throw ProcessWaitsWithoutTask()` made (an idle
    /// server gives its task back after every borrowed call).
    static let shared: any Error = ProcessWaitsWithoutTask()

    /// Whether `error` is the value thrown (`shared`), told by the identity
    /// of its box: an `any Error` is one reference to a box, and `type(of:)`
    /// would ask the runtime for the boxed value's type (on every borrowed
    /// call and every idle-again turn of a receive loop).
    @inline(__always)
    public static func isThrown(_ error: any Error) -> Bool {
        boxAddress(error) == sharedBox
    }

    /// The address of `shared`'s box.
    private static let sharedBox = boxAddress(shared)

    /// The one word an `any Error` is: the address of the box holding the
    /// error. (Cast wrapped in a struct: `unsafeBitCast` of the existential
    /// itself would open it and cast the value inside.)
    @inline(__always)
    private static func boxAddress(_ error: any Error) -> UInt {
        unsafeBitCast(ErrorReference(error: error), to: UInt.self)
    }

    /// An `any Error` as a plain one-word struct, for `boxAddress`.
    private struct ErrorReference {
        let error: any Error
    }
}
