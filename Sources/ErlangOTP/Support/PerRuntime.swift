import ErlangRuntime
import ErlangTerms

/// One value of `Value` per runtime, created on first use: the home of OTP
/// state that BEAM keeps in a server process of its own (the global name
/// table, the logger's configuration). Entries of runtimes that are gone
/// are dropped, and a new runtime at a reused address gets a fresh value.
public final class PerRuntime<Value: Sendable>: Sendable {
    private struct Entry { weak var runtime: Runtime?; let value: Value }
    private let entries = Lock<[ObjectIdentifier: Entry]>([:])
    private let make: @Sendable (Runtime) -> Value

    /// Values made by `make` for each runtime that asks.
    public init(_ make: @escaping @Sendable (Runtime) -> Value) { self.make = make }

    /// The value belonging to `runtime`.
    public func callAsFunction(_ runtime: Runtime) -> Value {
        entries.withLock { t in
            let key = ObjectIdentifier(runtime)
            if let entry = t[key], entry.runtime === runtime { return entry.value }
            t = t.filter { $0.value.runtime != nil }
            let value = make(runtime)
            t[key] = Entry(runtime: runtime, value: value)
            return value
        }
    }
}
