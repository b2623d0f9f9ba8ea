import ErlangRuntime
import ErlangTerms

/// Why an `undef` happened, as gen_server's error report says it. Mirrors
/// OTP 25's `gen_server:format_log`: a termination reason
/// `{undef, [{M, F, Args, Location} | Frames]}` is reported as
/// `{'module could not be loaded', Stack}` when `M` is not loaded, as
/// `{'function not exported', Stack}` when `M` is loaded but does not
/// export `F/length(Args)`, and as it is otherwise (as is any other
/// reason). Only the report's "Reason for termination" changes: the
/// server still exits with `{undef, Stack}`, which is what linked
/// processes, monitors and the crash report see.
enum UndefReason {
    /// `reason` as the error report names it.
    static func explained(_ reason: Term, modules: ModuleTable) -> Term {
        guard case .tuple(let e) = reason, e.count == 2, e[0] == .atom(.undef),
              case .cons(let top) = e[1], case .tuple(let frame) = top.head, frame.count == 4,
              case .atom(let module) = frame[0], case .atom(let function) = frame[1],
              let arity = arity(of: frame[2]) else { return reason }
        guard let loaded = modules.loaded(module) else {
            return .tuple([.atom(notLoaded), e[1]])
        }
        if loaded.exportedFunction(FunctionKey(function, arity)) != nil { return reason }
        return .tuple([.atom(notExported), e[1]])
    }

    /// A frame's arity: its argument list's length, or the arity itself.
    private static func arity(of term: Term) -> Int? {
        if case .int(let n) = term { return n }
        return term.listElements?.count
    }

    /// `'module could not be loaded'`.
    static let notLoaded = Atom("module could not be loaded")
    /// `'function not exported'`.
    static let notExported = Atom("function not exported")
}
