import ErlangRuntime
import ErlangTerms

/// `Module:module_info/0,1`, which the compiler adds to every module.
extension InterpretedModule {
    /// The keys `module_info/0` lists, in erl's order.
    static let infoKeys = ["module", "exports", "attributes", "compile", "md5"]

    /// `module_info()` (no arguments) or `module_info(Key)`.
    func moduleInfo(_ args: [Term]) throws -> Term {
        guard let key = args.first else {
            return .list(try Self.infoKeys.map { .tuple([.atom(Atom($0)), try info(Atom($0))]) })
        }
        guard case .atom(let name) = key else {
            throw ErlangException(.error, .atom(.badarg), stacktrace: [
                ErlangProcess.frame(Atom("erlang"), Atom("get_module_info"), .list([.atom(self.name), key])),
            ])
        }
        return try info(name)
    }

    private func info(_ key: Atom) throws -> Term {
        switch key.text {
        case "module": return .atom(name)
        case "exports": return Self.keyList(exports)
        case "functions": return Self.keyList(definitionOrder + [FunctionKey(Self.moduleInfo, 0), FunctionKey(Self.moduleInfo, 1)])
        case "attributes": return attributes
        case "compile":
            return .list([
                .tuple([.atom(Atom("version")), .string("8.2.3")]),
                .tuple([.atom(Atom("options")), .nil]),
                .tuple([.atom(Atom("source")), .string(sourcePath)]),
            ])
        case "md5": return .binary(Bitstring(bytes: digest))
        case "native": return .false
        case "nifs": return .nil
        default:
            throw ErlangException(.error, .atom(.badarg), stacktrace: [
                ErlangProcess.frame(Atom("erlang"), Atom("get_module_info"), .list([.atom(name), .atom(key)])),
            ])
        }
    }

    private static func keyList(_ keys: [FunctionKey]) -> Term {
        .list(keys.map { .tuple([.atom($0.name), .int($0.arity)]) })
    }
}
