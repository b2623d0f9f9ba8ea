/// `~f`, `~e` and `~g` (erl's `fwrite_f/5`, `fwrite_e/5`, `fwrite_g/5`).
/// They round the 21 significant digits that `float_to_list/1` gives,
/// half up on the first dropped digit, as erl does.
extension ErlangFormat {
    static func float(_ arg: Term, _ d: FormatDirective) throws(ErlangException) -> String {
        guard case .float(let value) = arg else { throw .badarg }
        switch UnicodeScalar(UInt32(d.control)).map(Character.init) {
        case "e": return try fixedOrScientific(value, scientific: true, precision: d.precision ?? 6, d)
        case "f": return try fixedOrScientific(value, scientific: false, precision: d.precision ?? 6, d)
        default: return try general(value, d)
        }
    }

    /// `~g`: fixed notation with `P` significant digits for magnitudes
    /// from 0.1 below 10000, else scientific.
    private static func general(_ value: Double, _ d: FormatDirective) throws(ErlangException) -> String {
        let p = d.precision ?? 6
        guard p >= 1 else { throw .badarg }
        let a = abs(value)
        let e: Int?
        switch a {
        case ..<0.1: e = -2
        case ..<1.0: e = -1
        case ..<10.0: e = 0
        case ..<100.0: e = 1
        case ..<1000.0: e = 2
        case ..<10000.0: e = 3
        default: e = nil
        }
        if let e, (p <= 1 && e == -1) || (p - 1 > e && e >= -1) {
            return try fixedOrScientific(value, scientific: false, precision: p - 1 - e, d)
        }
        return try fixedOrScientific(value, scientific: true, precision: p <= 1 ? 2 : p, d)
    }

    private static func fixedOrScientific(_ value: Double, scientific: Bool, precision p: Int,
                                          _ d: FormatDirective) throws(ErlangException) -> String {
        guard p >= (scientific ? 2 : 1) else { throw .badarg }
        let sign = value.sign == .minus ? "-" : ""
        let (digits, exponent) = FloatDigits.significant(value, count: 21)
        let text = sign + (scientific ? scientificText(digits, exponent + 1, p)
                                      : fixedText(digits, exponent + 1, p))
        guard let width = d.width else { return text }
        return try fitTerm(text, width: width, precision: width, d)
    }

    /// erl's `abs_float_e/3`; `e` is the exponent plus one.
    private static func scientificText(_ digits: [UInt8], _ e: Int, _ p: Int) -> String {
        let (mantissa, carry) = roundedDigits(digits, integerDigits: 1, decimals: p - 1)
        if carry { return "1" + mantissa.dropFirst() + exponentText(e) }
        return mantissa + exponentText(e - 1)
    }

    private static func exponentText(_ e: Int) -> String { e >= 0 ? "e+\(e)" : "e\(e)" }

    /// erl's `abs_float_f/3`; `e` is the exponent plus one.
    private static func fixedText(_ digits: [UInt8], _ e: Int, _ p: Int) -> String {
        var digits = digits
        var e = e
        if e <= 0 {
            digits = Array(repeating: 0, count: -e + 1) + digits
            e = 1
        }
        let (text, carry) = roundedDigits(digits, integerDigits: e, decimals: p)
        return carry ? "1" + text : text
    }

    /// erl's `float_man/3`: `integerDigits` digits, a point, `decimals`
    /// digits, rounded half up on the next digit; `carry` when the rounding
    /// carried out of the first digit (which is then `0`).
    private static func roundedDigits(_ digits: [UInt8], integerDigits: Int, decimals: Int) -> (String, Bool) {
        let total = integerDigits + decimals
        var kept = (0..<total).map { $0 < digits.count ? digits[$0] : 0 }
        var carry = total < digits.count && digits[total] >= 5
        var i = total - 1
        while carry && i >= 0 {
            if kept[i] == 9 {
                kept[i] = 0
            } else {
                kept[i] += 1
                carry = false
            }
            i -= 1
        }
        var text = ""
        text.reserveCapacity(total + 1)
        for (k, digit) in kept.enumerated() {
            if k == integerDigits { text.append(".") }
            text.unicodeScalars.append(Unicode.Scalar(0x30 + digit))
        }
        if integerDigits == total { text.append(".") }
        return (text, carry)
    }
}
