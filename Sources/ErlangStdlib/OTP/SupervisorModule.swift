import ErlangOTP
import ErlangRuntime
import ErlangTerms

/// The `supervisor` module: the API of `ErlangOTP`'s native supervisor,
/// and the gen_server callbacks every supervisor process runs. Mirrors
/// supervisor.erl's exports.
enum SupervisorModule {
    /// The exported functions.
    static let functions: FunctionTable = api + Supervisor.callbackFunctions

    static let api: FunctionTable = [
        bif("start_link", 2, { p, a in try await start(p, name: nil, a[0], a[1]) }),
        bif("start_link", 3, { p, a in try await start(p, name: a[0], a[1], a[2]) }),
        bif("which_children", 1, { p, a in try await Supervisor.call(a[0], .atom(Atom("which_children")), from: p) }),
        bif("count_children", 1, { p, a in try await Supervisor.call(a[0], .atom(Atom("count_children")), from: p) }),
        request("start_child"), request("terminate_child"), request("restart_child"), request("delete_child"),
        request("get_childspec"),
        bif("check_childspecs", 1, { _, a in Supervisor.checkChildSpecs(a[0]) }),
    ]

    /// `supervisor:Name(Sup, X)`, which calls `{Name, X}`.
    private static func request(_ name: String) -> NativeFunction {
        bif(name, 2, { p, a in try await Supervisor.call(a[0], .tuple([.atom(Atom(name)), a[1]]), from: p) })
    }

    private static func start(_ p: ErlangProcess, name: Term?, _ module: Term, _ args: Term) async throws -> Term {
        guard case .atom(let m) = module else { throw ErlangException.badarg }
        var serverName: ServerName?
        if let name {
            guard let parsed = ServerName(name) else { throw ErlangException.badarg }
            serverName = parsed
        }
        return try await Supervisor.startLink(m, args, name: serverName, from: p)
    }
}
