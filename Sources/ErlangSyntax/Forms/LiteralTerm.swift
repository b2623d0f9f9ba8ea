import ErlangTerms

/// The term an attribute's literal expression stands for (`-vsn(1)`,
/// `-author("me")`, `-my_attr({a, [1, 2]})`). Mirrors `erl_parse:normalise/1`.
public enum LiteralTerm {
    /// The term, or `nil` when `expr` is not a literal.
    public static func term(_ expr: Expr) -> Term? {
        var depthLeft = 1000
        return term(expr, &depthLeft)
    }

    private static func term(_ expr: Expr, _ budget: inout Int) -> Term? {
        budget -= 1
        guard budget > 0 else { return nil }
        switch expr {
        case .integer(let i): return .int(i)
        case .bigInteger(let b): return .integer(b)
        case .float(let f): return .float(f)
        case .atom(let a): return .atom(Atom(a))
        case .char(let c): return .int(c)
        case .string(let codes): return .codes(codes)
        case .tuple(let items):
            var values: [Term] = []
            for item in items {
                guard let v = term(item, &budget) else { return nil }
                values.append(v)
            }
            return .tuple(values)
        case .list(let items, let tail):
            var values: [Term] = []
            for item in items {
                guard let v = term(item, &budget) else { return nil }
                values.append(v)
            }
            var end = Term.nil
            if let tail {
                guard let t = term(tail, &budget) else { return nil }
                end = t
            }
            return .list(values, tail: end)
        case .binaryOp("/", .atom(let f), .integer(let a), _):
            return .tuple([.atom(Atom(f)), .int(a)])
        case .unaryOp("-", .float(let f), _): return .float(-f)
        case .unaryOp("+", let inner, _): return term(inner, &budget)
        case .variable, .binary, .map, .record, .recordAccess, .recordIndex, .match, .binaryOp, .unaryOp, .call,
             .remote, .functionReference, .fun, .caseOf, .ifClauses, .receive, .tryCatch, .catchExpr, .block,
             .listComprehension, .binaryComprehension:
            return nil
        }
    }
}
