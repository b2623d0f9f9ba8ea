import ErlangRuntime
import ErlangTerms

/// `erlang:fun_info/1,2`: what a fun is (`arity`, `module`, `name`, `type`, ...);
/// `fun_to_list/1` and `make_fun/3`.
extension ErlangBIFs {
    /// The items `fun_info/1` lists, in erl's order for a local fun.
    static let localFunItems = ["pid", "module", "new_index", "new_uniq", "index", "uniq", "name", "arity", "env", "type"]
    /// The items `fun_info/1` lists for an external fun.
    static let externalFunItems = ["module", "name", "arity", "env", "type"]

    static let funs: FunctionTable = [
        bif("fun_info", 1, { p, a in
            guard case .fun(let f) = a[0] else { throw funInfoError(a, argument: 1) }
            let items: [String]
            switch f.kind {
            case .external: items = externalFunItems
            case .local: items = localFunItems
            }
            return .list(try items.map { try funInfo(f, Atom($0), p) })
        }),
        bif("fun_to_list", 1, { _, a in
            guard case .fun = a[0] else { throw ErlangException.badarg }
            return .string(TermWriter.write(a[0]))
        }),
        bif("make_fun", 3, { _, a in
            guard case .atom(let module) = a[0], case .atom(let function) = a[1], case .int(let arity) = a[2],
                  (0...255).contains(arity) else { throw ErlangException.badarg }
            return ExternalFun.make(module, function, arity: arity)
        }),
        bif("fun_info", 2, { p, a in
            guard case .fun(let f) = a[0] else { throw funInfoError(a, argument: 1) }
            guard case .atom(let item) = a[1] else { throw funInfoError(a, argument: 2) }
            return try funInfo(f, item, p)
        }),
    ]

    /// `badarg`; the table's wrapper adds the frame, and `ErtsErrors`
    /// explains which argument was wrong.
    static func funInfoError(_ args: [Term], argument: Int) -> ErlangException {
        ErlangException.badarg
    }

    /// `{Item, Value}` for one fun_info item, or `badarg` for an unknown item.
    static func funInfo(_ f: Fun, _ item: Atom, _ process: ErlangProcess) throws -> Term {
        let value: Term
        switch f.kind {
        case .external(let module, let function):
            switch item.text {
            case "module": value = .atom(module)
            case "name": value = .atom(function)
            case "arity": value = .int(f.arity)
            case "env": value = .nil
            case "type": value = .atom("external")
            case "pid", "index", "new_index", "uniq", "new_uniq": value = .undefined
            default: throw funInfoError([.fun(f), .atom(item)], argument: 2)
            }
        case .local(let module, let index, let uniq, _):
            switch item.text {
            case "module": value = .atom(module)
            // erl_eval's funs are named after the fun of `expr/6` that made them;
            // indexes up to 20 are the named (recursive) ones.
            case "name":
                value = .atom(Atom(index > 20 ? "-expr/6-fun-\(f.arity + 2)-" : "-expr/6-RF/\(f.arity)-\(f.arity + 2)-"))
            case "arity": value = .int(f.arity)
            case "env": value = .nil
            case "type": value = .atom("local")
            case "pid": value = .pid(process.pid)
            case "index", "new_index": value = .int(index)
            case "uniq": value = .int(Int(uniq))
            case "new_uniq": value = .binary(uniqBytes(uniq))
            default: throw funInfoError([.fun(f), .atom(item)], argument: 2)
            }
        }
        return .tuple([.atom(item), value])
    }

    /// A 16-byte `new_uniq` derived from the fun's `uniq`.
    static func uniqBytes(_ uniq: UInt32) -> [UInt8] {
        var state = UInt64(uniq) &* 0x9E37_79B9_7F4A_7C15
        return (0..<16).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
    }
}
