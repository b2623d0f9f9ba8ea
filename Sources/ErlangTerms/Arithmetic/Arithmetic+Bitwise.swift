import BigInt

/// The bitwise operators, on integers of any size in two's complement, as
/// Erlang defines them (`-1 band X =:= X`, `bsr` rounds toward minus infinity).
extension Arithmetic {
    /// `A band B`.
    public static func band(_ a: Term, _ b: Term) throws -> Term {
        if case .int(let x) = a, case .int(let y) = b { return .int(x & y) }
        let (x, y) = try integers("band", a, b)
        // ~x is non-negative when x is negative, so every case reduces to
        // operations on magnitudes: x & y = ~(~x | ~y), y & ~n = y ^ (y & n).
        switch (x.sign == .minus, y.sign == .minus) {
        case (false, false): return .integer(BigInt(x.magnitude & y.magnitude))
        case (true, true): return .integer(complement(complement(x).magnitude | complement(y).magnitude))
        case (true, false): return .integer(BigInt(andNot(y.magnitude, complement(x).magnitude)))
        case (false, true): return .integer(BigInt(andNot(x.magnitude, complement(y).magnitude)))
        }
    }

    /// `A bor B`.
    public static func bor(_ a: Term, _ b: Term) throws -> Term {
        if case .int(let x) = a, case .int(let y) = b { return .int(x | y) }
        let (x, y) = try integers("bor", a, b)
        switch (x.sign == .minus, y.sign == .minus) {
        case (false, false): return .integer(BigInt(x.magnitude | y.magnitude))
        case (true, true): return .integer(complement(complement(x).magnitude & complement(y).magnitude))
        case (true, false): return .integer(complement(andNot(complement(x).magnitude, y.magnitude)))
        case (false, true): return .integer(complement(andNot(complement(y).magnitude, x.magnitude)))
        }
    }

    /// `A bxor B`.
    public static func bxor(_ a: Term, _ b: Term) throws -> Term {
        if case .int(let x) = a, case .int(let y) = b { return .int(x ^ y) }
        let (x, y) = try integers("bxor", a, b)
        switch (x.sign == .minus, y.sign == .minus) {
        case (false, false): return .integer(BigInt(x.magnitude ^ y.magnitude))
        case (true, true): return .integer(BigInt(complement(x).magnitude ^ complement(y).magnitude))
        case (true, false): return .integer(complement(complement(x).magnitude ^ y.magnitude))
        case (false, true): return .integer(complement(x.magnitude ^ complement(y).magnitude))
        }
    }

    /// `bnot A`.
    public static func bnot(_ a: Term) throws -> Term {
        switch a {
        case .int(let i): return .int(~i)
        case .bigInt(let b): return .integer(-b.value - 1)
        case .float, .atom, .tuple, .nil, .cons, .map, .binary, .pid, .ref, .fun:
            throw badarith("bnot", [a])
        }
    }

    /// `A bsl B`: shifts left (right for a negative `B`).
    public static func bsl(_ a: Term, _ b: Term) throws -> Term {
        try shift("bsl", a, b, left: true)
    }

    /// `A bsr B`: shifts right arithmetically (left for a negative `B`).
    public static func bsr(_ a: Term, _ b: Term) throws -> Term {
        try shift("bsr", a, b, left: false)
    }

    private static func shift(_ op: String, _ a: Term, _ b: Term, left: Bool) throws -> Term {
        if case .int(let x) = a, case .int(let y) = b, y > -64, y < 64 {
            let leftAmount = left ? y : -y
            if leftAmount <= 0 { return .int(x >> -leftAmount) }
            let r = x << leftAmount
            if r >> leftAmount == x { return .int(r) }
        }
        let (x, y) = try integers(op, a, b)
        guard !x.isZero else { return .int(0) }
        let leftAmount: BigInt = left ? y : -y
        if leftAmount <= 0 {
            // Right shift: shifting everything out leaves 0 or -1.
            let amount = Int(exactly: -leftAmount) ?? Int.max
            if amount >= x.magnitude.bitWidth + 1 { return .int(x.sign == .minus ? -1 : 0) }
            if x.sign == .minus { return .integer(complement(complement(x) >> amount)) }
            return .integer(x >> amount)
        }
        guard let amount = Int(exactly: leftAmount),
              amount <= maxIntegerBits, x.magnitude.bitWidth + amount <= maxIntegerBits else {
            throw systemLimit(op, [a, b])
        }
        return .integer(x << amount)
    }

    /// Both operands as integers, or `badarith` for the operator `op`.
    private static func integers(_ op: String, _ a: Term, _ b: Term) throws -> (BigInt, BigInt) {
        guard let x = a.bigIntValue, let y = b.bigIntValue else { throw badarith(op, [a, b]) }
        return (x, y)
    }

    /// `bnot x` = `-x - 1`.
    private static func complement(_ x: BigInt) -> BigInt { -x - 1 }

    /// `bnot x` of a non-negative magnitude.
    private static func complement(_ x: BigUInt) -> BigInt { -BigInt(x) - 1 }

    /// `x band (bnot n)` for non-negative `x` and `n`.
    private static func andNot(_ x: BigUInt, _ n: BigUInt) -> BigUInt { x ^ (x & n) }
}
