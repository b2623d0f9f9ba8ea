import ErlangEval
import ErlangSyntax
import ErlangTerms

/// Resolves the history references of a command before it runs, as erl's
/// shell does: `v(N)` and `e(N)` with `N < 0` count back from the current
/// prompt (`v(-1)` at prompt 5 is `v(4)`, and the history shows it so), and
/// `e(N)` is replaced by the expressions of command `N`. A reference to a
/// command no longer kept (for `v`, whose result is no longer kept), or
/// one that is not a number (`v(x)`), is reported as `* N: command not
/// found` with `N` as written. References are found anywhere in the
/// command (inside `catch`, funs, cases, ...), as erl's shell finds them.
/// The walk is recursive over the expression nesting the user typed.
enum HistoryReferences {
    /// A reference to a command the history does not hold.
    struct Missing: Error {
        /// The reference as written (`3`, `-100`, `x`).
        let label: String
    }

    /// `exprs` with their top-level `v/1` and `e/1` references resolved.
    static func resolve(_ exprs: [Expr], promptNumber: Int, history: ShellHistory) -> Result<[Expr], Missing> {
        var out: [Expr] = []
        for e in exprs {
            do {
                if case .call(.atom("e"), let args, _) = e, args.count == 1,
                   let (number, label) = try reference(args[0], promptNumber) {
                    guard let entry = history.entry(number) else { return .failure(Missing(label: label)) }
                    out += entry.exprs
                    continue
                }
                out.append(try values(e, promptNumber, history))
            } catch {
                return .failure(error)
            }
        }
        return .success(out)
    }

    /// `e` with its `v(N)` calls made absolute and checked, and its
    /// `e(N)` calls replaced by command `N`'s expressions (in a block when
    /// there are several), anywhere inside it, as erl's shell expands them.
    private static func values(_ e: Expr, _ promptNumber: Int, _ history: ShellHistory) throws(Missing) -> Expr {
        switch e {
        case .call(.atom("v"), let args, let location) where args.count == 1:
            guard let (number, label) = try reference(args[0], promptNumber) else { return e }
            guard history.result(number) != nil else { throw Missing(label: label) }
            return .call(function: .atom("v"), arguments: [.integer(number)], location)
        case .call(.atom("e"), let args, _) where args.count == 1:
            guard let (number, label) = try reference(args[0], promptNumber) else { return e }
            guard let entry = history.entry(number) else { throw Missing(label: label) }
            return entry.exprs.count == 1 ? entry.exprs[0] : .block(entry.exprs)
        default:
            return try e.mappingChildren { (inner: Expr) throws(Missing) -> Expr in
                try values(inner, promptNumber, history)
            }
        }
    }

    /// The command a `v/1` or `e/1` argument refers to, and how erl names
    /// it when it is missing. The argument must be an integer, written
    /// out or as constant arithmetic (`1 + 0`); anything else (an atom, a
    /// variable) is missing, named as erl writes the expression.
    private static func reference(_ argument: Expr, _ promptNumber: Int) throws(Missing) -> (Int, String)? {
        if case .atom(let name) = argument { throw Missing(label: AtomText.quoted(name)) }
        // erl evaluates the argument with no bindings.
        if case .int(let n)? = Interpreter.constantValue(of: argument) {
            return (n < 0 ? promptNumber + n : n, "\(n)")
        }
        throw Missing(label: ExprLayout.text([argument], column: 0))
    }
}
