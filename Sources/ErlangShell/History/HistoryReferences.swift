import ErlangSyntax
import ErlangTerms

/// Resolves the history references of a command before it runs, as erl's
/// shell does: `v(N)` and `e(N)` with `N < 0` count back from the current
/// prompt (`v(-1)` at prompt 5 is `v(4)`, and the history shows it so), and
/// `e(N)` is replaced by the expressions of command `N`. A reference to a
/// command no longer kept (for `v`, whose result is no longer kept), or
/// one that is not a number (`v(x)`), is reported as `* N: command not
/// found` with `N` as written.
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
            if case .call(.atom("e"), let args, _) = e, args.count == 1 {
                if case .atom(let name) = args[0] { return .failure(Missing(label: AtomText.quoted(name))) }
                if let n = literalInteger(args[0]) {
                    let number = n < 0 ? promptNumber + n : n
                    guard let entry = history.entry(number) else { return .failure(Missing(label: "\(n)")) }
                    out += entry.exprs
                    continue
                }
            }
            do {
                out.append(try values(e, promptNumber, history))
            } catch {
                return .failure(error)
            }
        }
        return .success(out)
    }

    /// `e` with its `v(N)` calls made absolute and checked, looking inside
    /// the expressions a history reference usually sits in (matches,
    /// operators, calls, tuples, lists).
    private static func values(_ e: Expr, _ promptNumber: Int, _ history: ShellHistory) throws(Missing) -> Expr {
        func walk(_ x: Expr) throws(Missing) -> Expr { try values(x, promptNumber, history) }
        switch e {
        case .call(.atom("v"), let args, let location) where args.count == 1:
            if case .atom(let name) = args[0] { throw Missing(label: AtomText.quoted(name)) }
            guard let n = literalInteger(args[0]) else { return e }
            let number = n < 0 ? promptNumber + n : n
            guard history.result(number) != nil else { throw Missing(label: "\(n)") }
            return .call(function: .atom("v"), arguments: [.integer(number)], location)
        case .call(let function, let args, let location):
            var mapped: [Expr] = []
            for a in args { mapped.append(try walk(a)) }
            return .call(function: function, arguments: mapped, location)
        case .match(let l, let r, let location):
            return .match(l, try walk(r), location)
        case .binaryOp(let op, let l, let r, let location):
            return .binaryOp(op, try walk(l), try walk(r), location)
        case .unaryOp(let op, let operand, let location):
            return .unaryOp(op, try walk(operand), location)
        case .tuple(let items):
            var mapped: [Expr] = []
            for item in items { mapped.append(try walk(item)) }
            return .tuple(mapped)
        case .list(let items, let tail):
            var mapped: [Expr] = []
            for item in items { mapped.append(try walk(item)) }
            return .list(mapped, tail: try tail.map { x throws(Missing) in try walk(x) })
        case .integer, .bigInteger, .float, .atom, .char, .string, .variable, .binary, .map, .record,
             .recordAccess, .recordIndex, .remote, .functionReference, .fun, .caseOf, .ifClauses, .receive,
             .tryCatch, .catchExpr, .block, .listComprehension, .binaryComprehension:
            return e
        }
    }

    private static func literalInteger(_ e: Expr) -> Int? {
        switch e {
        case .integer(let n): return n
        case .unaryOp("-", .integer(let n), _): return -n
        case .unaryOp("+", .integer(let n), _): return n
        case .bigInteger, .float, .atom, .char, .string, .variable, .tuple, .list, .binary, .map, .record,
             .recordAccess, .recordIndex, .match, .binaryOp, .unaryOp, .call, .remote, .functionReference,
             .fun, .caseOf, .ifClauses, .receive, .tryCatch, .catchExpr, .block, .listComprehension,
             .binaryComprehension:
            return nil
        }
    }
}
