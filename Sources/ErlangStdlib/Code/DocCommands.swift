import ErlangEval
import ErlangRuntime
import ErlangTerms

/// The shell's documentation command `h/1`. Swerl's modules carry no
/// documentation: for a native (library) module it prints what erl
/// prints for a module whose docs are empty, for a module compiled with
/// `c/1` it answers `{error, missing}`, for an unknown one `{error,
/// non_existing}`. Mirrors `c:h/1`.
public enum DocCommands {
    /// `h/1`.
    public static let functions: FunctionTable = [
        bif("h", 1, { p, args in
            guard case .atom(let module) = args[0] else {
                throw ErlangException(.error, .atom(.functionClause), stacktrace: [
                    .tuple([.atom("code"), .atom("get_doc"), .list(args),
                            .list([.tuple([.atom("file"), .string("code.erl")]), .tuple([.atom("line"), .int(862)])])]),
                    .tuple([.atom("c"), .atom("h"), .int(1),
                            .list([.tuple([.atom("file"), .string("c.erl")]), .tuple([.atom("line"), .int(167)])])]),
                ])
            }
            guard let loaded = p.runtime.modules.loaded(module) else {
                return .tuple([.atom("error"), .atom("non_existing")])
            }
            // A module compiled with c/1 has no docs chunk at all.
            if loaded is InterpretedModule { return .tuple([.atom("error"), .atom("missing")]) }
            p.runtime.output.write("\n\t\(module.text)\n\n  There is no documentation for \(module.text)\n")
            return .ok
        }),
    ]
}
