import ErlangOTP
import ErlangRuntime
import ErlangStdlib
import ErlangTerms
import Synchronization

/// A runtime for OTP tests: a manual clock, captured output, the stdlib,
/// the test callback modules, and report headers stamped `T`.
struct OTPHarness {
    let clock = ManualClock()
    let output = CapturedOutput()
    let runtime: Runtime

    init() {
        runtime = Runtime(clock: clock, output: output)
        Stdlib.install(in: runtime)
        TestCounter().install(in: runtime)
        runtime.modules.load(RawModule.module)
        runtime.modules.load(FormatStatusModule.module)
        runtime.modules.load(PartialModule.module)
        runtime.modules.load(FormatStatusMapModule.module)
        OTPLogger.of(runtime).timestamp.withLock { $0 = { "T" } }
    }

    /// Waits until some process has set a timer on the manual clock and
    /// the runtime is quiet (a process started by `async let` may not
    /// have run yet when the test first looks).
    func waitForTimer() async {
        while clock.pendingCount == 0 { await Task.yield() }
        await settle()
    }

    /// Waits until every process waits or has ended (bounded, on the system clock).
    func settle() async {
        let quiet = await runtime.activity.waitUntilQuiet(limitMilliseconds: 10_000)
        precondition(quiet, "the runtime did not become quiet")
    }
}

extension ErlangProcess {
    /// `Module:Function(Args...)`.
    func call(_ module: String, _ function: String, _ args: Term...) async throws -> Term {
        try await apply(module: Atom(module), function: Atom(function), args)
    }

    /// Monitors the process registered as `name`, runs `action`, and waits
    /// for its `'DOWN'` message: the exit reason, or `nil` if nothing had
    /// that name. Tests use it to order one server's end before the next step.
    func exitReason(ofRegistered name: String, after action: () async throws -> Void) async throws -> Term? {
        guard let pid = runtime.whereis(Atom(name)) else { return nil }
        let ref = monitor(pid)
        try await action()
        return try await receive { m -> Term? in
            guard case .tuple(let e) = m, e.count == 5, e[1] == .ref(ref) else { return nil }
            return e[4]
        }
    }

    /// `catch Module:Function(Args...)`: the value, or `{'EXIT', Reason}`.
    func catching(_ module: String, _ function: String, _ args: Term...) async throws -> Term {
        do {
            return try await apply(module: Atom(module), function: Atom(function), args)
        } catch let e as ErlangException {
            return .tuple([.atom(.EXIT), Runtime.exitReason(of: e)])
        }
    }
}

/// An atom term.
func atom(_ text: String) -> Term { .atom(Atom(text)) }

/// `{A, B, ...}`.
func tuple(_ items: Term...) -> Term { .tuple(items) }

/// `[A, B, ...]`.
func list(_ items: Term...) -> Term { .list(items) }

/// `{local, Name}`.
func local(_ name: String) -> Term { tuple(atom("local"), atom(name)) }

/// The text of `term` as `~w` writes it.
func text(_ term: Term) -> String { TermWriter.write(term) }
