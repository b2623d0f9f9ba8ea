import ErlangOTP
import ErlangRuntime
import ErlangTerms

/// `proc_lib:initial_call/1` and `proc_lib:translate_initial_call/1`: the
/// `{M, F, A}` a proc_lib process keeps in its dictionary
/// (`'$initial_call'`), which `process_info(P, initial_call)` does not
/// show (it is `proc_lib:init_p/5` there).
extension ProcLibModule {
    /// The two functions.
    static let initialCallFunctions: FunctionTable = [
        // `{M, F, Args}` with made-up arguments `'Argument__1'`, ...;
        // `false` for a dead process or one proc_lib did not start.
        bif("initial_call", 1, { p, a in
            guard let mfa = try recorded(a[0], by: "initial_call", line: 446, in: p),
                  case .tuple(let e) = mfa, e.count == 3, case .int(let arity) = e[2] else { return .false }
            let args = (0..<max(arity, 0)).map { Term.atom(Atom("Argument__\($0 + 1)")) }
            return .tuple([e[0], e[1], .list(args)])
        }),
        // `{M, F, Arity}`; `{proc_lib, init_p, 5}` when there is none.
        bif("translate_initial_call", 1, { p, a in
            try recorded(a[0], by: "translate_initial_call", line: 473, in: p)
                ?? .tuple([.atom(OTPAtom.procLib), .atom("init_p"), .int(5)])
        }),
    ]

    /// The `'$initial_call'` of `target`: a pid, or a `process_info/1`
    /// list holding `{dictionary, D}`. Anything else is a
    /// `function_clause` in proc_lib's `raw_initial_call/1`.
    private static func recorded(_ target: Term, by function: String, line: Int,
                                 in p: ErlangProcess) throws -> Term? {
        let key: Term = .atom(OTPAtom.initialCallKey)
        switch target {
        case .pid(let pid):
            return p.runtime.process(pid)?.get(key)
        case .nil, .cons:
            guard let items = target.listElements else { break }
            for item in items {
                guard case .tuple(let e) = item, e.count == 2, e[0] == .atom("dictionary"),
                      let entries = e[1].listElements else { continue }
                for entry in entries {
                    if case .tuple(let kv) = entry, kv.count == 2, kv[0] == key { return kv[1] }
                }
            }
            return nil
        case .int, .bigInt, .float, .atom, .tuple, .map, .binary, .ref, .fun:
            break
        }
        let raw: Term = .tuple([.atom(OTPAtom.procLib), .atom("raw_initial_call"), .list([target]),
                                .list([.tuple([.atom(OTPAtom.file), .string("proc_lib.erl")]),
                                       .tuple([.atom(OTPAtom.line), .int(485)])])])
        throw ErlangException(.error, .atom(.functionClause),
                              stacktrace: [raw, StackFrames.frame(OTPAtom.procLib, function, 1, line: line)])
    }
}
