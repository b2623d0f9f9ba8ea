import ErlangRuntime
import ErlangStdlib
import ErlangTerms

/// A runtime with the native stdlib loaded, on a manual clock.
func makeStdlibRuntime(clock: ManualClock = ManualClock()) -> Runtime {
    let runtime = makeRuntime(clock: clock)
    Stdlib.install(in: runtime)
    return runtime
}

extension ErlangProcess {
    /// Calls `erlang:name(args...)`.
    func erlang(_ name: String, _ args: Term...) async throws -> Term {
        try await apply(module: Atom("erlang"), function: Atom(name), args)
    }

    /// Calls `module:name(args...)`.
    func call(_ module: String, _ name: String, _ args: Term...) async throws -> Term {
        try await apply(module: Atom(module), function: Atom(name), args)
    }
}

/// What a call raised: its class, reason and stacktrace.
func raised(_ body: () async throws -> Term) async -> ErlangException? {
    do {
        _ = try await body()
        return nil
    } catch let e as ErlangException {
        return e
    } catch {
        return nil
    }
}

/// A list term of `elements`.
func list(_ elements: Term...) -> Term { .list(elements) }
