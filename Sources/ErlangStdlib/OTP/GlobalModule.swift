import ErlangOTP
import ErlangRuntime
import ErlangTerms

/// The `global` module on a node that is not distributed: a name table
/// for any term. Mirrors global.erl's `register_name/2`,
/// `unregister_name/1`, `whereis_name/1`, `send/2`, `registered_names/0`.
enum GlobalModule {
    /// The exported functions.
    static let functions: FunctionTable = [
        bif("register_name", 2, { p, a in
            guard case .pid(let pid) = a[1] else { throw ErlangException.badarg }
            return .atom(GlobalNames.of(p.runtime).register(a[0], pid) ? "yes" : "no")
        }),
        bif("unregister_name", 1, { p, a in
            GlobalNames.of(p.runtime).unregister(a[0])
            return .ok
        }),
        bif("whereis_name", 1, { p, a in
            GlobalNames.of(p.runtime).whereis(a[0]).map(Term.pid) ?? .undefined
        }),
        bif("send", 2, { p, a in
            guard let pid = GlobalNames.of(p.runtime).whereis(a[0]) else {
                throw ErlangException(.exit, .tuple([.atom(.badarg), .tuple([a[0], a[1]])]))
            }
            p.runtime.send(a[1], to: pid)
            return .pid(pid)
        }),
        bif("registered_names", 0, { p, _ in .list(GlobalNames.of(p.runtime).registered) }),
    ]
}
