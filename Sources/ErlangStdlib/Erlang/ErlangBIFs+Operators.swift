import ErlangRuntime
import ErlangTerms

/// The operators as functions of the `erlang` module (`erlang:'+'(1, 2)`,
/// `fun erlang:'=:='/2`). The evaluator calls `Arithmetic`, `Comparison`,
/// `BooleanOperators` and `ListOperators` directly for the operators
/// themselves; these rows make the same code callable by name.
extension ErlangBIFs {
    static let operators: FunctionTable = [
        bif("+", 2, { _, a in try Arithmetic.add(a[0], a[1]) }),
        bif("-", 2, { _, a in try Arithmetic.subtract(a[0], a[1]) }),
        bif("*", 2, { _, a in try Arithmetic.multiply(a[0], a[1]) }),
        bif("/", 2, { _, a in try Arithmetic.divide(a[0], a[1]) }),
        bif("div", 2, { _, a in try Arithmetic.intDiv(a[0], a[1]) }),
        bif("rem", 2, { _, a in try Arithmetic.rem(a[0], a[1]) }),
        bif("band", 2, { _, a in try Arithmetic.band(a[0], a[1]) }),
        bif("bor", 2, { _, a in try Arithmetic.bor(a[0], a[1]) }),
        bif("bxor", 2, { _, a in try Arithmetic.bxor(a[0], a[1]) }),
        bif("bsl", 2, { _, a in try Arithmetic.bsl(a[0], a[1]) }),
        bif("bsr", 2, { _, a in try Arithmetic.bsr(a[0], a[1]) }),
        bif("bnot", 1, { _, a in try Arithmetic.bnot(a[0]) }),
        bif("-", 1, { _, a in try Arithmetic.negate(a[0]) }),
        bif("+", 1, { _, a in try Arithmetic.plus(a[0]) }),
        bif("not", 1, { _, a in try BooleanOperators.not(a[0]) }),
        bif("and", 2, { _, a in try BooleanOperators.and(a[0], a[1]) }),
        bif("or", 2, { _, a in try BooleanOperators.or(a[0], a[1]) }),
        bif("xor", 2, { _, a in try BooleanOperators.xor(a[0], a[1]) }),
        bif("==", 2, { _, a in Comparison.equal(a[0], a[1]) }),
        bif("/=", 2, { _, a in Comparison.notEqual(a[0], a[1]) }),
        bif("=<", 2, { _, a in Comparison.lessOrEqual(a[0], a[1]) }),
        bif("<", 2, { _, a in Comparison.less(a[0], a[1]) }),
        bif(">=", 2, { _, a in Comparison.greaterOrEqual(a[0], a[1]) }),
        bif(">", 2, { _, a in Comparison.greater(a[0], a[1]) }),
        bif("=:=", 2, { _, a in Comparison.exactlyEqual(a[0], a[1]) }),
        bif("=/=", 2, { _, a in Comparison.exactlyNotEqual(a[0], a[1]) }),
        bif("++", 2, { _, a in try ListOperators.append(a[0], a[1]) }),
        bif("--", 2, { _, a in try ListOperators.subtract(a[0], a[1]) }),
    ]
}
