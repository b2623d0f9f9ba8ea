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
    public static func binary(_ op: String, _ a: Term, _ b: Term) throws -> Term {
        switch op {
        case "+", "-", "*": return try arithmetic(op, a, b)
        case "/":
            guard let x = a.doubleValue, let y = b.doubleValue, y != 0 else { throw badarith(op, [a, b]) }
            let r = x / y
            guard r.isFinite else { throw badarith(op, [a, b]) }
            return .float(r)
        case "div", "rem", "band", "bor", "bxor", "bsl", "bsr": return try integerOp(op, a, b)
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
        case ("-", .int(let i)): return i == Int.min ? .integer(-BigInt(i)) : .int(-i)
        case ("-", .bigInt(let b)): return .integer(-b.value)
        case ("-", .float(let f)): return .float(-f)
        case ("+", .int), ("+", .bigInt), ("+", .float): return a
        case ("bnot", .int(let i)): return .int(~i)
        case ("bnot", .bigInt(let b)): return .integer(-b.value - 1)
        case ("not", .atom):
            guard let v = a.boolValue else { throw badarg(op, [a]) }
            return .bool(!v)
        default:
            if op == "not" { throw badarg(op, [a]) }
            throw badarith(op, [a])
        }
    }

    static func arithmetic(_ op: String, _ a: Term, _ b: Term) throws -> Term {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            let (r, overflow): (Int, Bool)
            switch op {
            case "+": (r, overflow) = x.addingReportingOverflow(y)
            case "-": (r, overflow) = x.subtractingReportingOverflow(y)
            default: (r, overflow) = x.multipliedReportingOverflow(by: y)
            }
            if !overflow { return .int(r) }
            return bigArithmetic(op, BigInt(x), BigInt(y))
        case (.float, _), (_, .float):
            guard let x = a.doubleValue, let y = b.doubleValue else { throw badarith(op, [a, b]) }
            let r = op == "+" ? x + y : op == "-" ? x - y : x * y
            guard r.isFinite else { throw badarith(op, [a, b]) }
            return .float(r)
        default:
            guard let x = a.bigIntValue, let y = b.bigIntValue else { throw badarith(op, [a, b]) }
            return bigArithmetic(op, x, y)
        }
    }

    static func bigArithmetic(_ op: String, _ x: BigInt, _ y: BigInt) -> Term {
        switch op {
        case "+": return .integer(x + y)
        case "-": return .integer(x - y)
        default: return .integer(x * y)
        }
    }

    /// The largest shift Swerl performs (erl raises `system_limit` far beyond this).
    static let maxShift = 1 << 26

    static func integerOp(_ op: String, _ a: Term, _ b: Term) throws -> Term {
        if case .int(let x) = a, case .int(let y) = b {
            switch op {
            case "div": if y != 0 && !(x == Int.min && y == -1) { return .int(x / y) }
            case "rem": if y != 0 && !(x == Int.min && y == -1) { return .int(x % y) }
            case "band": return .int(x & y)
            case "bor": return .int(x | y)
            case "bxor": return .int(x ^ y)
            default: break
            }
        }
        guard let x = a.bigIntValue, let y = b.bigIntValue else { throw badarith(op, [a, b]) }
        switch op {
        case "div", "rem":
            guard y != 0 else { throw badarith(op, [a, b]) }
            let (q, r) = x.quotientAndRemainder(dividingBy: y)
            return .integer(op == "div" ? q : r)
        case "band": return .integer(x & y)
        case "bor": return .integer(x | y)
        case "bxor": return .integer(x ^ y)
        default:
            guard let shift = Int(exactly: y) else {
                if (op == "bsl") == (y > 0) { throw ErlangException(.error, .atom(.systemLimit), stacktrace: [ErlangProcess.frame(Atom("erlang"), Atom(op), .list([a, b]))]) }
                return .int(x < 0 ? -1 : 0)
            }
            let left = op == "bsl" ? shift : -shift
            if left > maxShift && x != 0 {
                throw ErlangException(.error, .atom(.systemLimit), stacktrace: [ErlangProcess.frame(Atom("erlang"), Atom(op), .list([a, b]))])
            }
            if left >= 0 { return .integer(x << left) }
            return .integer(x >> (-left))
        }
    }
}
