import ErlangTerms

/// The strict boolean operators `not`, `and`, `or`, `xor` (both operands
/// evaluated; `andalso`/`orelse` belong to the evaluator). A non-boolean
/// operand raises `badarg` with the operator's frame, as erl does.
public enum BooleanOperators {
    /// `not A`.
    public static func not(_ a: Term) throws -> Term {
        guard let x = a.boolValue else { throw Arithmetic.operatorError(.atom(.badarg), "not", [a]) }
        return .bool(!x)
    }

    /// `A and B`.
    public static func and(_ a: Term, _ b: Term) throws -> Term {
        let (x, y) = try operands("and", a, b)
        return .bool(x && y)
    }

    /// `A or B`.
    public static func or(_ a: Term, _ b: Term) throws -> Term {
        let (x, y) = try operands("or", a, b)
        return .bool(x || y)
    }

    /// `A xor B`.
    public static func xor(_ a: Term, _ b: Term) throws -> Term {
        let (x, y) = try operands("xor", a, b)
        return .bool(x != y)
    }

    private static func operands(_ op: String, _ a: Term, _ b: Term) throws -> (Bool, Bool) {
        guard let x = a.boolValue, let y = b.boolValue else {
            throw Arithmetic.operatorError(.atom(.badarg), op, [a, b])
        }
        return (x, y)
    }
}
