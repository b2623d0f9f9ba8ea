import BigInt

/// Erlang's arithmetic operators on terms, with BEAM's errors. Mirrors the
/// `erlang:'+'/2` family of BIFs.
///
/// - Integers stay machine `Int` while they fit and promote to big integers
///   on overflow; results are normalised by `Term.integer(_:)`.
/// - A float result that is not finite raises `badarith`, as in erl.
/// - An integer result wider than BEAM's largest bignum (33,554,368 bits)
///   raises `system_limit` (`1 bsl 100000000000`).
/// - Every error carries the operator's frame `{erlang, Op, Args, [{error_info, _}]}`, from
///   which the shell prints `in operator  +/2  called as 1 + a`.
///
/// Split: this file holds `+ - * / div rem` and the unary operators;
/// `Arithmetic+Bitwise` holds `band bor bxor bsl bsr bnot`.
public enum Arithmetic {
    /// The widest integer BEAM can build, in bits; wider results raise `system_limit`.
    public static let maxIntegerBits = 33_554_368

    /// `A + B`.
    public static func add(_ a: Term, _ b: Term) throws -> Term {
        if case .int(let x) = a, case .int(let y) = b {
            let (r, overflow) = x.addingReportingOverflow(y)
            return overflow ? .integer(BigInt(x) + BigInt(y)) : .int(r)
        }
        return try mixed("+", a, b, float: +, integer: +)
    }

    /// `A - B`.
    public static func subtract(_ a: Term, _ b: Term) throws -> Term {
        if case .int(let x) = a, case .int(let y) = b {
            let (r, overflow) = x.subtractingReportingOverflow(y)
            return overflow ? .integer(BigInt(x) - BigInt(y)) : .int(r)
        }
        return try mixed("-", a, b, float: -, integer: -)
    }

    /// `A * B`.
    public static func multiply(_ a: Term, _ b: Term) throws -> Term {
        if case .int(let x) = a, case .int(let y) = b {
            let (r, overflow) = x.multipliedReportingOverflow(by: y)
            return overflow ? .integer(BigInt(x) * BigInt(y)) : .int(r)
        }
        if let x = a.bigIntValue, let y = b.bigIntValue,
           x.magnitude.bitWidth + y.magnitude.bitWidth > maxIntegerBits + 1 {
            throw systemLimit("*", [a, b])
        }
        return try mixed("*", a, b, float: *, integer: *)
    }

    /// `A / B`: always a float; `badarith` for a zero divisor.
    public static func divide(_ a: Term, _ b: Term) throws -> Term {
        guard let x = a.doubleValue, let y = b.doubleValue, y != 0 else { throw badarith("/", [a, b]) }
        return try finite(x / y, "/", [a, b])
    }

    /// `A div B`: integer division truncating toward zero.
    public static func intDiv(_ a: Term, _ b: Term) throws -> Term {
        if case .int(let x) = a, case .int(let y) = b, y != 0, !(x == .min && y == -1) {
            return .int(x / y)
        }
        guard let x = a.bigIntValue, let y = b.bigIntValue, !y.isZero else { throw badarith("div", [a, b]) }
        return .integer(x.quotientAndRemainder(dividingBy: y).quotient)
    }

    /// `A rem B`: the remainder, with the sign of `A`.
    public static func rem(_ a: Term, _ b: Term) throws -> Term {
        if case .int(let x) = a, case .int(let y) = b, y != 0 {
            return y == -1 ? .int(0) : .int(x % y)
        }
        guard let x = a.bigIntValue, let y = b.bigIntValue, !y.isZero else { throw badarith("rem", [a, b]) }
        return .integer(x.quotientAndRemainder(dividingBy: y).remainder)
    }

    /// Unary `-A`.
    public static func negate(_ a: Term) throws -> Term {
        switch a {
        case .int(let i): return i == .min ? .integer(-BigInt(i)) : .int(-i)
        case .bigInt(let b): return .integer(-b.value)
        case .float(let f): return .float(-f)
        case .atom, .tuple, .nil, .cons, .map, .binary, .pid, .ref, .fun:
            throw badarith("-", [a])
        }
    }

    /// Unary `+A`: the number itself.
    public static func plus(_ a: Term) throws -> Term {
        guard a.isNumber else { throw badarith("+", [a]) }
        return a
    }

    /// `badarith` with the frame of operator `op` called with `args`.
    public static func badarith(_ op: String, _ args: [Term]) -> ErlangException {
        operatorError(.atom(.badarith), op, args)
    }

    /// `system_limit` with the frame of operator `op` called with `args`.
    public static func systemLimit(_ op: String, _ args: [Term]) -> ErlangException {
        operatorError(.atom(.systemLimit), op, args)
    }

    /// An error `reason` raised by `erlang:Op(Args...)`, with erl's frame
    /// `{erlang, Op, Args, [{error_info, #{module => erl_erts_errors}}]}`.
    public static func operatorError(_ reason: Term, _ op: String, _ args: [Term]) -> ErlangException {
        ErlangException(.error, reason,
                        stacktrace: [.tuple([.atom("erlang"), .atom(Atom(op)), .list(args), errorInfoLocation])])
    }

    /// The location of an operator's frame: erl_erts_errors explains it.
    static let errorInfoLocation: Term =
        .list([.tuple([.atom("error_info"), .map([(.atom("module"), .atom("erl_erts_errors"))])])])

    /// `+ - *` when at least one operand is not a small integer.
    private static func mixed(_ op: String, _ a: Term, _ b: Term,
                              float: (Double, Double) -> Double,
                              integer: (BigInt, BigInt) -> BigInt) throws -> Term {
        if let x = a.bigIntValue, let y = b.bigIntValue {
            let r = integer(x, y)
            guard r.magnitude.bitWidth <= maxIntegerBits else { throw systemLimit(op, [a, b]) }
            return .integer(r)
        }
        guard a.isNumber, b.isNumber, let x = a.doubleValue, let y = b.doubleValue else {
            throw badarith(op, [a, b])
        }
        return try finite(float(x, y), op, [a, b])
    }

    private static func finite(_ r: Double, _ op: String, _ args: [Term]) throws -> Term {
        guard r.isFinite else { throw badarith(op, args) }
        return .float(r)
    }
}
