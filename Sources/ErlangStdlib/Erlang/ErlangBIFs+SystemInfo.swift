import ErlangRuntime
import ErlangTerms

/// `erlang:system_info/1` for the items that do not depend on the machine
/// or the moment, answered as erl 25 (OTP 25, erts 13.1.5) answers them;
/// any other item is `badarg` (erl's "invalid system info item").
enum SystemInfoBIFs {
    /// The exported functions.
    static let functions: FunctionTable = [
        bif("system_info", 1, { _, a in
            guard let value = item(a[0]) else { throw ErlangException.badarg }
            return value
        }),
    ]

    /// The value of item `key`, `nil` for an item not known here.
    static func item(_ key: Term) -> Term? {
        switch key {
        case .atom(let a):
            switch a.text {
            case "otp_release": return .string("25")
            case "version": return .string("13.1.5")
            case "machine": return .string("BEAM")
            case "wordsize": return .int(8)
            case "smp_support", "threads": return .true
            case "process_limit": return .int(262_144)
            case "atom_limit": return .int(1_048_576)
            case "port_limit": return .int(65_536)
            default: return nil
            }
        case .tuple(let e) where e.count == 2 && e[0] == .atom("wordsize"):
            return e[1] == .atom("internal") || e[1] == .atom("external") ? .int(8) : nil
        default:
            return nil
        }
    }
}
