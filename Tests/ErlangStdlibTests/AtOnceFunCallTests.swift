@testable import ErlangEval
import ErlangRuntime
import ErlangStdlib
import ErlangSyntax
import ErlangTerms
import Testing

/// A loop over a list (`lists:foreach/2`, `map/2`, `foldl/3`) first tries
/// each call of its fun without suspending (`FunBody.callAtOnce`): a shell
/// fun whose body cannot suspend, or whose one expression is a call tried
/// at once (`gen_server:cast/2` to a pid) with arguments that have no
/// effect. When the try answers `nil` it must have done nothing, since
/// the loop then makes the call in full.
@Suite struct AtOnceFunCallTests {
    /// A fun, the argument it is called with, and what the try at once
    /// gives (`nil` when the call must be made in full).
    static let funs: [(String, String?)] = [
        ("fun(X) -> X * 2 end", "2"),
        ("fun({K, V}) -> {V, K}; (X) -> X end", "1"),
        ("S = self(), fun(X) -> gen_server:cast(S, {put, X, [X]}) end", "ok"),
        ("fun(X) -> receive X -> ok end end", nil),
        // An argument with an effect would run twice after a `nil`.
        ("S = self(), fun(X) -> gen_server:cast(S, self() ! X) end", nil),
        // A name nobody has, and a `via` name, need the full cast.
        ("fun(X) -> gen_server:cast(nobody_has_this_name, X) end", nil),
        ("fun(X) -> gen_server:cast({via, reg, foo}, X) end", nil),
        // A send awaiting its answer, then the answer already there.
        ("S = self(), fun(X) -> S ! {X}, receive {X} -> got end end", "got"),
        // A named fun makes itself anew on every entry.
        ("fun F(X) -> X end", nil),
    ]

    @Test("which funs are tried at once", arguments: funs)
    func triesAtOnce(_ source: String, _ expected: String?) async throws {
        let outcome = await StdlibHarness.inProcess { process in
            let fun = try await Self.evaluate(source, process)
            guard let callee = process.prepare(fun, arity: 1) else { return .atom("not_prepared") }
            let value = try callee.atOnceBody?.callAtOnce(process, [.int(1)])
            let mailbox = process.messageQueueLength
            return .tuple([value ?? .atom("nil"), .int(mailbox)])
        }
        let value = expected ?? "nil"
        // A cast tried at once has sent its one message; a `nil` sent none.
        let sent = source.contains("cast(S, {put") ? 1 : 0
        #expect(Self.text(outcome) == "{\(value),\(sent)}", "\(source)")
    }

    /// What the loops do with such funs, as erl 25 does it.
    static let loops: [(String, String)] = [
        ("S = self(), lists:foreach(fun(X) -> gen_server:cast(S, self() ! X) end, [1, 2]), "
            + "[receive M -> M end || _ <- [1, 2, 3, 4]]",
         "[1,{'$gen_cast',1},2,{'$gen_cast',2}]"),
        ("lists:map(fun(X) -> gen_server:cast(nobody_here, X) end, [1, 2])", "[ok,ok]"),
        ("S = self(), lists:foldl(fun(X, A) -> gen_server:cast(S, {X, A}) end, start, [1, 2]), "
            + "[receive M -> M end || _ <- [1, 2]]",
         "[{'$gen_cast',{1,start}},{'$gen_cast',{2,ok}}]"),
        ("lists:foreach(fun(X) -> 1 / X end, [1, 0])", "error:badarith"),
        ("lists:map(fun({A, B}) -> A + B end, [{1, 2}, x])", "error:function_clause"),
        ("length(lists:map(fun(X) -> X + 1 end, lists:seq(1, 20000)))", "20000"),
        ("S = self(), lists:map(fun(X) -> S ! {X}, receive {X} -> {got, X} end end, [1, 2])", "[{got,1},{got,2}]"),
        // Sent at once, then a receive that ends in full.
        ("S = self(), lists:map(fun(X) -> S ! X, receive {never, X} -> x after 0 -> none end end, [1, 2]), "
            + "[receive M -> M end || _ <- [1, 2]]",
         "[1,2]"),
    ]

    @Test("loops give what erl gives", arguments: loops)
    func loopsAsInErl(_ source: String, _ expected: String) async {
        let outcome = await StdlibHarness.inProcess { process in try await Self.evaluate(source, process) }
        #expect(Self.text(outcome) == expected, "\(source)")
    }

    /// `~w` of the value, or `Class:Reason` for an exception.
    static func text(_ outcome: Result<Term, ErlangException>) -> String {
        switch outcome {
        case .success(let value): return TermWriter.write(value)
        case .failure(let e): return "\(e.kind.rawValue):\(TermWriter.write(e.reason))"
        }
    }

    /// Evaluates `source` with the stdlib's calls bound, as the shell does
    /// (`EvaluatorHarness` binds none, so its loops never try at once).
    static func evaluate(_ source: String, _ process: ErlangProcess) async throws -> Term {
        guard case .done(let tokens, _) = Scanner.scanForm(source + ".\n") else { return .atom("syntax_error") }
        let exprs = try Parser.parseExprs(tokens)
        var env = Bindings()
        return try await Interpreter(linking: process.runtime.modules).evalBody(exprs, &env, process)
    }
}
