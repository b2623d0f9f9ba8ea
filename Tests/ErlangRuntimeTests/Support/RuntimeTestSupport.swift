import ErlangRuntime
import ErlangTerms

/// A runtime on a manual clock with captured output, for tests.
func makeRuntime(clock: ManualClock = ManualClock()) -> Runtime {
    Runtime(clock: clock, output: CapturedOutput())
}

/// A pid that belongs to no process, to stand for a signal's sender.
let outsider = Pid(serial: 1)

/// Waits until every process of `runtime` waits or has ended (bounded).
func settle(_ runtime: Runtime) async {
    let quiet = await runtime.activity.waitUntilQuiet(limitMilliseconds: 10_000)
    precondition(quiet, "the runtime did not become quiet")
}

extension ErlangProcess {
    /// The next message, in order (`receive M -> M end`).
    func next(timeout: ReceiveTimeout = .infinity) async throws -> Term? {
        try await receive(timeout: timeout) { $0 }
    }

    /// A process that never ends by itself: its receive matches nothing,
    /// so every message stays in its mailbox (only an exit signal ends it).
    static let waitForever: @Sendable (ErlangProcess) async throws -> Void = { p in
        _ = try await p.receive { (_: Term) -> Bool? in nil }
    }

    /// A process that waits for any one message and then ends normally.
    static let waitForAMessage: @Sendable (ErlangProcess) async throws -> Void = { p in
        _ = try await p.receive { (_: Term) -> Bool? in true }
    }
}

/// Terms collected by processes for the test to inspect afterwards.
final class Recorder: Sendable {
    private let items = Lock<[Term]>([])
    /// Appends `term`.
    func record(_ term: Term) { items.withLock { $0.append(term) } }
    /// Everything recorded, in order.
    var all: [Term] { items.withLock { $0 } }
}

/// `{A, B, ...}` from Swift.
func tuple(_ items: Term...) -> Term { .tuple(items) }

/// An atom term.
func atom(_ text: String) -> Term { .atom(Atom(text)) }
