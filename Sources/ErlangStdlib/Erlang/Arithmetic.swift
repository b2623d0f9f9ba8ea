import ErlangEval
import ErlangTerms

/// Arithmetic for native functions, sharing the evaluator's operators.
enum Arithmetic {
    /// `A + B`.
    static func add(_ a: Term, _ b: Term) throws -> Term { try Operators.binary("+", a, b) }
}
