import BigInt
import ErlangRuntime
import ErlangTerms

/// Erlang's operators on terms, with BEAM's errors: `badarith` for bad
/// operands, integers promoted to big integers on overflow.
public enum Operators {
    static func badarith(_ op: String, _ args: [Term]) -> ErlangException {
        ErlangException(.error, .atom(.badarith), stacktrace: [ErlangProcess.frame(Atom("erlang"), Atom(op), .list(args))])
    }

    static func badarg(_ op: String, _ args: [Term]) -> ErlangException {
        ErlangException(.error, .atom(.badarg), stacktrace: [ErlangProcess.frame(Atom("erlang"), Atom(op), .list(args))])
    }

    /// Applies the binary operator `op` (not `andalso`/`orelse`/`!`, which the evaluator handles).
    /// The arithmetic and bitwise operators are ErlangTerms' `Arithmetic`, the one implementation
    /// the `erlang:'+'/2` BIFs share (overflow promotion, `system_limit`, erl's errors).
    public static func binary(_ op: String, _ a: Term, _ b: Term) throws -> Term {
        switch op {
        case "+": return try Arithmetic.add(a, b)
        case "-": return try Arithmetic.subtract(a, b)
        case "*": return try Arithmetic.multiply(a, b)
        case "/": return try Arithmetic.divide(a, b)
        case "div": return try Arithmetic.intDiv(a, b)
        case "rem": return try Arithmetic.rem(a, b)
        case "band": return try Arithmetic.band(a, b)
        case "bor": return try Arithmetic.bor(a, b)
        case "bxor": return try Arithmetic.bxor(a, b)
        case "bsl": return try Arithmetic.bsl(a, b)
        case "bsr": return try Arithmetic.bsr(a, b)
        case "==": return .bool(Term.compare(a, b) == 0)
        case "/=": return .bool(Term.compare(a, b) != 0)
        case "=<": return .bool(Term.compare(a, b) <= 0)
        case "<": return .bool(Term.compare(a, b) < 0)
        case ">=": return .bool(Term.compare(a, b) >= 0)
        case ">": return .bool(Term.compare(a, b) > 0)
        case "=:=": return .bool(a == b)
        case "=/=": return .bool(a != b)
        case "and", "or", "xor":
            guard let x = a.boolValue, let y = b.boolValue else { throw badarg(op, [a, b]) }
            switch op {
            case "and": return .bool(x && y)
            case "or": return .bool(x || y)
            default: return .bool(x != y)
            }
        case "++":
            guard let left = a.listElements else { throw badarg(op, [a, b]) }
            return .list(left, tail: b)
        case "--":
            guard var left = a.listElements, let right = b.listElements else { throw badarg(op, [a, b]) }
            for r in right {
                if let i = left.firstIndex(where: { $0 == r }) { left.remove(at: i) }
            }
            return .list(left)
        default:
            throw badarg(op, [a, b])
        }
    }

    /// Applies a prefix operator.
    public static func unary(_ op: String, _ a: Term) throws -> Term {
        switch (op, a) {
        case ("-", _): return try Arithmetic.negate(a)
        case ("+", _): return try Arithmetic.plus(a)
        case ("bnot", _): return try Arithmetic.bnot(a)
        case ("not", .atom):
            guard let v = a.boolValue else { throw badarg(op, [a]) }
            return .bool(!v)
        default:
            if op == "not" { throw badarg(op, [a]) }
            throw badarith(op, [a])
        }
    }
}
