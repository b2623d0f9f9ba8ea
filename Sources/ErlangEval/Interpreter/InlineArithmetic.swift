import ErlangRuntime
import ErlangSyntax
import ErlangTerms

/// The arithmetic BEAM's compiled code does inline, whose `badarith` has
/// no `{erlang, Op, Args, _}` frame: the stacktrace starts at the
/// function that did it. In a module (not in the shell, which always
/// calls the operator's BIF), erl 25 does `/` inline, `+` with a number
/// literal on either side and `-` with one on the right (`X + 1`,
/// `1 + X`, `X - 1`, `X + 1.5`, `X / Y`); `1 - X`, `*`, `div`, `rem`,
/// the bitwise operators, a big integer literal and a non-number literal
/// keep the frame.
enum InlineArithmetic {
    /// Whether module code does `left op right` inline.
    static func isInline(_ op: String, _ left: Expr, _ right: Expr) -> Bool {
        switch op {
        case "/": return true
        case "+": return isNumberLiteral(left) || isNumberLiteral(right)
        case "-": return isNumberLiteral(right)
        default: return false
        }
    }

    /// `exception` without the operator's frame, when it is a `badarith`
    /// that starts with one.
    static func withoutOperatorFrame(_ exception: ErlangException) -> ErlangException {
        guard exception.kind == .error, exception.reason == .atom(.badarith),
              case .tuple(let top)? = exception.stacktrace.first, top.count == 4,
              top[0] == .atom("erlang") else { return exception }
        var stripped = exception
        stripped.stacktrace.removeFirst()
        return stripped
    }

    /// `Var + K` or `Var - K` with `K` an integer literal (`N + 1`, the
    /// usual counter): one closure that reads the variable and adds, in
    /// place of four (the pair, each operand, the operator). A value that
    /// is not a small integer, or a sum that overflows, goes to `general`,
    /// the operator as compiled otherwise, for the same result or error.
    static func counterStep(_ op: BinaryOperator, _ left: Expr, _ right: Expr,
                            _ general: @escaping @Sendable (Term, Term, ErlangProcess) throws -> Term) -> Compiled? {
        guard op == .add || op == .subtract, case .variable(let name, let location) = left, name != "_",
              case .integer(let k) = right else { return nil }
        let variable = Variable(name)
        let step: Term = .int(k)
        let adding = op == .add
        return .sync { env, process in
            let value = try Interpreter.value(of: variable, at: location, in: env)
            if case .int(let x) = value {
                let (result, overflow) = adding ? x.addingReportingOverflow(k) : x.subtractingReportingOverflow(k)
                if !overflow { return .int(result) }
            }
            return try general(value, step, process)
        }
    }

    /// A small integer (BEAM's immediate, 60 bits) or float literal, or
    /// one negated.
    private static func isNumberLiteral(_ e: Expr) -> Bool {
        switch e {
        case .integer(let n): return n >= -(1 << 59) && n < (1 << 59)
        case .char: return true
        case .float: return true
        case .unaryOp("-", let inner, _), .unaryOp("+", let inner, _): return isNumberLiteral(inner)
        default: return false
        }
    }
}
