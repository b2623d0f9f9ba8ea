import ErlangRuntime
import ErlangTerms

extension ErlangProcess {
    /// Calls `module:function(args...)` from Swift code running as this
    /// process (`erlang:apply/3` with names as text):
    /// `try await process.call("gen_server", "call", .atom("counter"), .atom("value"))`.
    public func call(_ module: String, _ function: String, _ args: Term...) async throws -> Term {
        try await apply(module: Atom(module), function: Atom(function), args)
    }
}
