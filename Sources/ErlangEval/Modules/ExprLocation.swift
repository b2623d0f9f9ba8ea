import ErlangSyntax

/// Where an expression starts, as far as the syntax tree records it:
/// the first location found in source order. Stack frames use its line.
enum ExprLocation {
    /// The first location inside `expr`, or `nil` when it holds none.
    static func first(_ expr: Expr) -> SourceLocation? {
        var pending: [Expr] = [expr]
        var budget = 10_000
        while let e = pending.popLast(), budget > 0 {
            budget -= 1
            switch e {
            case .variable(_, let at): return at
            case .match(let l, _, let at), .binaryOp(_, let l, _, let at):
                if let inner = first(shallow: l) { return inner }
                return at
            case .unaryOp(_, _, let at): return at
            case .call(_, _, let at): return at
            case .integer, .bigInteger, .float, .atom, .char, .string, .recordIndex:
                continue
            case .tuple(let items): pending += items.reversed()
            case .list(let items, let tail):
                if let tail { pending.append(tail) }
                pending += items.reversed()
            case .binary(let segments): pending += segments.map(\.value).reversed()
            case .map(let base, let fields):
                pending += fields.flatMap { [$0.value, $0.key] }.reversed()
                if let base { pending.append(base) }
            case .record(let base, _, let fields):
                pending += fields.map(\.value).reversed()
                if let base { pending.append(base) }
            case .recordAccess(let base, _, _): pending.append(base)
            case .remote(let m, let f): pending += [f, m]
            case .functionReference(let m, let f, let a):
                pending += [a, f]
                if let m { pending.append(m) }
            case .fun(_, let clauses), .ifClauses(let clauses):
                if let c = clauses.first { return c.location }
            case .caseOf(let subject, _): pending.append(subject)
            case .receive(let clauses, let after):
                if let c = clauses.first { return c.location }
                if let after { pending.append(after.timeout) }
            case .tryCatch(let body, _, _, _), .block(let body): pending += body.reversed()
            case .catchExpr(let inner): pending.append(inner)
            case .listComprehension(let template, _), .binaryComprehension(let template, _): pending.append(template)
            }
        }
        return nil
    }

    /// A variable's location when `expr` is one, without descending further.
    private static func first(shallow expr: Expr) -> SourceLocation? {
        if case .variable(_, let at) = expr { return at }
        return nil
    }
}
