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

/// A binary operator, resolved from its name when code compiles: applying
/// it is a switch over cases, not a comparison of the name with each
/// operator's. The arithmetic and bitwise operators are ErlangTerms'
/// `Arithmetic`, the one implementation the `erlang:'+'/2` BIFs share
/// (overflow promotion, `system_limit`, erl's errors).
enum BinaryOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", intDiv = "div", rem
    case band, bor, bxor, bsl, bsr
    case equal = "==", notEqual = "/=", atMost = "=<", less = "<", atLeast = ">=", greater = ">"
    case exactlyEqual = "=:=", exactlyNotEqual = "=/="
    case and, or, xor
    case append = "++", listSubtract = "--"

    /// `a op b`, with BEAM's errors.
    func apply(_ a: Term, _ b: Term) throws -> Term {
        switch self {
        case .add: return try Arithmetic.add(a, b)
        case .subtract: return try Arithmetic.subtract(a, b)
        case .multiply: return try Arithmetic.multiply(a, b)
        case .divide: return try Arithmetic.divide(a, b)
        case .intDiv: return try Arithmetic.intDiv(a, b)
        case .rem: return try Arithmetic.rem(a, b)
        case .band: return try Arithmetic.band(a, b)
        case .bor: return try Arithmetic.bor(a, b)
        case .bxor: return try Arithmetic.bxor(a, b)
        case .bsl: return try Arithmetic.bsl(a, b)
        case .bsr: return try Arithmetic.bsr(a, b)
        case .equal, .notEqual, .atMost, .less, .atLeast, .greater, .exactlyEqual, .exactlyNotEqual:
            return .bool(holds(a, b))
        case .and, .or, .xor:
            guard let x = a.boolValue, let y = b.boolValue else { throw Operators.badarg(rawValue, [a, b]) }
            switch self {
            case .and: return .bool(x && y)
            case .or: return .bool(x || y)
            default: return .bool(x != y)
            }
        case .append:
            guard let left = a.listElements else { throw Operators.badarg(rawValue, [a, b]) }
            return .list(left, tail: b)
        case .listSubtract:
            guard var left = a.listElements, let right = b.listElements else { throw Operators.badarg(rawValue, [a, b]) }
            for r in right {
                if let i = left.firstIndex(where: { $0 == r }) { left.remove(at: i) }
            }
            return .list(left)
        }
    }

    /// Whether the operator compares terms (`<`, `=:=`, ...).
    var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .atMost, .less, .atLeast, .greater, .exactlyEqual, .exactlyNotEqual: return true
        default: return false
        }
    }

    /// Whether the comparison `a op b` holds (`false` for an operator
    /// that is not a comparison).
    func holds(_ a: Term, _ b: Term) -> Bool {
        switch self {
        case .equal: return Term.compare(a, b) == 0
        case .notEqual: return Term.compare(a, b) != 0
        case .atMost: return Term.compare(a, b) <= 0
        case .less: return Term.compare(a, b) < 0
        case .atLeast: return Term.compare(a, b) >= 0
        case .greater: return Term.compare(a, b) > 0
        case .exactlyEqual: return a == b
        case .exactlyNotEqual: return a != b
        default: return false
        }
    }
}
