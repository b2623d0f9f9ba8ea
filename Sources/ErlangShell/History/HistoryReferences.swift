import ErlangSyntax

/// Resolves the history references of a command before it runs, as erl's
/// shell does: `v(N)` and `e(N)` with `N =< 0` count back from the current
/// prompt (`v(-1)` at prompt 5 is `v(4)`, and the history shows it so), and
/// `e(N)` is replaced by the expressions of command `N`. A reference to a
/// command no longer kept is reported as `* N: command not found`.
enum HistoryReferences {
    /// A reference to a command the history does not hold.
    struct Missing: Error {
        /// The absolute command number.
        let number: Int
    }

    /// `exprs` with their top-level `v/1` and `e/1` references resolved.
    static func resolve(_ exprs: [Expr], promptNumber: Int, history: ShellHistory) -> Result<[Expr], Missing> {
        var out: [Expr] = []
        for e in exprs {
            guard case .call(.atom(let name), let args, let location) = e, name == "v" || name == "e",
                  args.count == 1, let n = literalInteger(args[0]) else {
                out.append(e)
                continue
            }
            let number = n <= 0 ? promptNumber + n : n
            guard let entry = history.entry(number) else { return .failure(Missing(number: number)) }
            if name == "e" {
                out += entry.exprs
            } else {
                out.append(.call(function: .atom("v"), arguments: [.integer(number)], location))
            }
        }
        return .success(out)
    }

    private static func literalInteger(_ e: Expr) -> Int? {
        switch e {
        case .integer(let n): return n
        case .unaryOp("-", .integer(let n), _): return -n
        case .unaryOp("+", .integer(let n), _): return n
        default: return nil
        }
    }
}
