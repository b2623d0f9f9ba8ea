#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ErlangRuntime
import ErlangTerms

/// The `math` module: C's libm on floats. An argument that is not a number
/// is `badarg`; a result that is not a finite float (`math:sqrt(-1)`,
/// `math:log(0)`) is `badarith`, as in erl.
enum MathModule {
    /// The exported functions.
    static let functions: FunctionTable = [
        bif("pi", 0, { _, _ in .float(Double.pi) }),
        unary("sqrt") { sqrt($0) },
        unary("exp") { exp($0) },
        unary("log") { log($0) }, unary("log2") { log2($0) }, unary("log10") { log10($0) },
        unary("sin") { sin($0) }, unary("cos") { cos($0) }, unary("tan") { tan($0) },
        unary("asin") { asin($0) }, unary("acos") { acos($0) }, unary("atan") { atan($0) },
        unary("sinh") { sinh($0) }, unary("cosh") { cosh($0) }, unary("tanh") { tanh($0) },
        unary("asinh") { asinh($0) }, unary("acosh") { acosh($0) }, unary("atanh") { atanh($0) },
        unary("erf") { erf($0) }, unary("erfc") { erfc($0) },
        unary("floor") { floor($0) }, unary("ceil") { ceil($0) },
        binary("pow") { pow($0, $1) }, binary("atan2") { atan2($0, $1) }, binary("fmod") { fmod($0, $1) },
    ]

    private static func unary(_ name: String, _ f: @escaping @Sendable (Double) -> Double) -> NativeFunction {
        bif(name, 1, { _, a in
            return try result(f(try operand(a[0])))
        })
    }

    private static func binary(_ name: String, _ f: @escaping @Sendable (Double, Double) -> Double) -> NativeFunction {
        bif(name, 2, { _, a in
            guard a[0].isNumber, a[1].isNumber else { throw ErlangException.badarg }
            return try result(f(try operand(a[0]), try operand(a[1])))
        })
    }

    /// A number as a float: `badarg` for a non-number, `badarith` for an integer too big for a float.
    private static func operand(_ t: Term) throws -> Double {
        guard t.isNumber else { throw ErlangException.badarg }
        guard let x = t.doubleValue else { throw ErlangException.badarith }
        return x
    }

    private static func result(_ r: Double) throws -> Term {
        guard r.isFinite else { throw ErlangException.badarith }
        return .float(r)
    }
}
