import ErlangRuntime
import ErlangTerms

/// The names registered with `global:register_name/2`, one table per
/// runtime. Mirrors `global`'s name table on a node that is not
/// distributed: any term can be a name, a name names one live process, and
/// a name whose process has exited is free again (checked when the name is
/// looked up, the way `global` drops the names of processes that die).
public final class GlobalNames: Sendable {
    private let names = Lock<[Term: Pid]>([:])
    private weak let owner: Runtime?

    private init(owner: Runtime) { self.owner = owner }

    private static let tables = PerRuntime { GlobalNames(owner: $0) }

    /// The global name table of `runtime`.
    public static func of(_ runtime: Runtime) -> GlobalNames { tables(runtime) }

    /// Registers `pid` as `name` (`global:register_name/2`); `false` when the
    /// name is taken by a live process.
    public func register(_ name: Term, _ pid: Pid) -> Bool {
        names.withLock { n in
            if let holder = n[name], owner?.process(holder) != nil { return false }
            n[name] = pid
            return true
        }
    }

    /// Removes `name` (`global:unregister_name/1`).
    public func unregister(_ name: Term) {
        names.withLock { n in _ = n.removeValue(forKey: name) }
    }

    /// The live process registered as `name` (`global:whereis_name/1`).
    public func whereis(_ name: Term) -> Pid? {
        names.withLock { n in
            guard let pid = n[name] else { return nil }
            if owner?.process(pid) == nil {
                n[name] = nil
                return nil
            }
            return pid
        }
    }

    /// Every registered name (`global:registered_names/0`).
    public var registered: [Term] {
        names.withLock { n in n.filter { owner?.process($0.value) != nil }.map(\.key) }
    }
}
