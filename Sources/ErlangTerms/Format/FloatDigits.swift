import BigInt

/// The exact decimal digits of a float, correctly rounded (half to even)
/// to a number of significant digits: what C's `%.20e` gives erl's
/// `float_to_list/1`, on which `~f`, `~e` and `~g` round further.
public enum FloatDigits {
    /// The first `count` significant digits of `|value|` (each 0...9) and
    /// the decimal exponent of the first one: `1234.5` with 5 digits is
    /// `([1,2,3,4,5], 3)`. Zero gives `count` zeros and exponent 0.
    public static func significant(_ value: Double, count: Int) -> (digits: [UInt8], exponent: Int) {
        precondition(count > 0, "at least one digit")
        let magnitude = abs(value)
        guard magnitude != 0, magnitude.isFinite else { return (Array(repeating: 0, count: count), 0) }
        // magnitude = mantissa * 2^power exactly.
        let mantissa = BigInt(magnitude.significandBitPattern | (magnitude.isNormal ? 1 << 52 : 0))
        let power = Int(magnitude.exponentBitPattern == 0 ? -1074 : Int(magnitude.exponentBitPattern) - 1075)
        // Exact fraction numerator / denominator.
        var numerator = mantissa
        var denominator = BigInt(1)
        if power >= 0 { numerator <<= power } else { denominator <<= -power }
        // Estimate the exponent from the binary one, then correct it.
        var exponent = Int((Double(magnitude.exponent) * 0.301_029_995_663_981_2).rounded(.down))
        func scaled(_ e: Int) -> (BigInt, BigInt) {
            // value * 10^(count - 1 - e) as a fraction.
            let shift = count - 1 - e
            if shift >= 0 { return (numerator * BigInt(10).power(shift), denominator) }
            return (numerator, denominator * BigInt(10).power(-shift))
        }
        var (n, den) = scaled(exponent)
        let low = BigInt(10).power(count - 1)
        let high = BigInt(10).power(count)
        while n < low * den {
            exponent -= 1
            (n, den) = scaled(exponent)
        }
        while n >= high * den {
            exponent += 1
            (n, den) = scaled(exponent)
        }
        var (quotient, remainder) = n.quotientAndRemainder(dividingBy: den)
        let twice = remainder * 2
        if twice > den || (twice == den && quotient.isOdd) {
            quotient += 1
            if quotient == high {
                quotient = low
                exponent += 1
            }
        }
        let digits = String(quotient).utf8.map { $0 - 0x30 }
        return (digits, exponent)
    }
}

private extension BigInt {
    var isOdd: Bool { (self & 1) == 1 }
}
