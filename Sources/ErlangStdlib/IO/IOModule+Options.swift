import ErlangRuntime
import ErlangTerms

/// `io:getopts/0,1` and `io:setopts/1,2` for the runtime's one device:
/// `{binary,false}` and the encoding (see `IOEncoding`). Mirrors erl's
/// standard_io in list mode; `binary` mode is not supported.
extension IOModule {
    /// The option functions.
    static let optionFunctions: FunctionTable = [
        bif("getopts", 0, { p, _ in options(p) }),
        bif("getopts", 1, { p, a in
            try checkDevice(p, a[0])
            return options(p)
        }),
        bif("setopts", 1, { p, a in setOptions(p, a[0]) }),
        bif("setopts", 2, { p, a in
            try checkDevice(p, a[0])
            return setOptions(p, a[1])
        }),
    ]

    /// The device's encoding. A sink without one (text kept as text, in
    /// tests) stands for a piped erl: latin1.
    static func encoding(_ process: ErlangProcess) -> IOEncoding {
        process.runtime.output.encoding?.value ?? .latin1
    }

    /// `[{binary,false},{encoding,E}]`.
    private static func options(_ process: ErlangProcess) -> Term {
        let name = encoding(process) == .latin1 ? "latin1" : "unicode"
        return .list([
            .tuple([.atom("binary"), .atom("false")]),
            .tuple([.atom("encoding"), .atom(Atom(name))]),
        ])
    }

    /// Applies `list` (all or nothing): `ok`, `{error,enotsup}` for an
    /// option the device does not have, `{error,{request,{setopts,T}}}`
    /// when `list` is not a list.
    private static func setOptions(_ process: ErlangProcess, _ list: Term) -> Term {
        guard let items = list.listElements else {
            return .tuple([.atom("error"), .tuple([.atom("request"), .tuple([.atom("setopts"), list])])])
        }
        var chosen: IOEncoding?
        for item in items {
            switch item {
            case .atom(let a) where a.text == "list":
                continue
            case .tuple(let pair) where pair.count == 2 && pair[0] == .atom("binary") && pair[1] == .atom("false"):
                continue
            case .tuple(let pair) where pair.count == 2 && pair[0] == .atom("encoding"):
                switch pair[1] {
                case .atom(let a) where a.text == "latin1": chosen = .latin1
                case .atom(let a) where a.text == "unicode" || a.text == "utf8": chosen = .unicode
                default: return enotsup
                }
            default:
                return enotsup
            }
        }
        if let chosen { process.runtime.output.encoding?.set(chosen) }
        return .ok
    }

    private static let enotsup = Term.tuple([.atom("error"), .atom("enotsup")])
}
