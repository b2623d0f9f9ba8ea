import ErlangRuntime
import ErlangTerms

/// `register/2`, `unregister/1`, `whereis/1` and `registered/0`. Every
/// refusal is `badarg`, as in erl: a name in use, a process that already
/// has a name or is dead, the name `undefined`, an unregistered name.
extension ProcessBIFs {
    static let registry: FunctionTable = [
        bif("register", 2, { p, a in
            let name = try atomArgument(a[0])
            let pid = try pidArgument(a[1])
            guard p.runtime.register(pid, as: name) else { throw ErlangException.badarg }
            return .true
        }),
        bif("unregister", 1, { p, a in
            guard p.runtime.unregister(try atomArgument(a[0])) else { throw ErlangException.badarg }
            return .true
        }),
        bif("whereis", 1, { p, a in
            guard let pid = p.runtime.whereis(try atomArgument(a[0])) else { return .undefined }
            return .pid(pid)
        }),
        bif("registered", 0, { p, _ in
            .list(p.runtime.registeredNames.sorted { $0.text < $1.text }.map { .atom($0) })
        }),
    ]
}
