import ErlangTerms

/// The frame `erlang:error/1,2,3`, `exit/1` and `throw/1` raise with in
/// place of their caller: `{erl_eval, do_apply, ArityOrArgs, Options}`,
/// with no location. erl's stacktrace for them starts at the function
/// that called them; the BIF cannot know that function, so it leaves this
/// stand-in, and whoever does know replaces it (an interpreted module's
/// function puts its own frame there, with error/2,3's arguments and
/// options; the shell shows erl_eval's `do_apply` frame). One definition,
/// so the BIFs that make it and the code that recognises it agree.
public enum CallerStandIn {
    /// The stand-in for a caller: `arityOrArgs` is error/2,3's argument
    /// list (or erl_eval's arity, 7), `options` error/3's options.
    public static func frame(_ arityOrArgs: Term = .int(7), options: Term = .nil) -> Term {
        .tuple([.atom(Atom("erl_eval")), .atom(Atom("do_apply")), arityOrArgs, options])
    }

    /// Whether `frame` is a stand-in without options.
    public static func isStandIn(_ frame: Term) -> Bool {
        guard case .tuple(let e) = frame, e.count == 4 else { return false }
        return e[0] == .atom(Atom("erl_eval")) && e[1] == .atom(Atom("do_apply")) && e[3] == .nil
    }

    /// When `stacktrace` is a stand-in alone: the arguments error/2,3 gave
    /// (`nil` for an arity) and their options (`nil` for none).
    public static func parts(ofOnly stacktrace: [Term]) -> (args: Term?, options: [Term]?)? {
        guard stacktrace.count == 1, case .tuple(let e) = stacktrace[0], e.count == 4,
              e[0] == .atom(Atom("erl_eval")), e[1] == .atom(Atom("do_apply")),
              let options = e[3].listElements,
              !options.contains(where: { $0.tupleElements?.first == .atom(Atom("file")) }) else { return nil }
        return (e[2].isList ? e[2] : nil, options.isEmpty ? nil : options)
    }
}
