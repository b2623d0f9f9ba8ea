/// Floats in erl's shortest round-trip form (`float_to_list(F, [short])`):
/// the fewest digits that read back as the same float, written in fixed or
/// scientific notation, whichever is shorter (fixed on a tie), except that
/// magnitudes from 2^53 up are always scientific:
/// `0.1`, `2.0e10`, `1.5e3`, `123456.789`, `1.0e-5`, `9.007199254740992e15`.
public enum FloatText {
    /// The shortest text of `value`.
    public static func shortest(_ value: Double) -> String {
        let (negative, digits, pointPosition) = decompose(value)
        let sign = negative ? "-" : ""
        let fixed = fixedForm(digits, pointPosition)
        let scientific = scientificForm(digits, pointPosition)
        if abs(value) >= 9_007_199_254_740_992.0 { return sign + scientific }
        return sign + (scientific.count < fixed.count ? scientific : fixed)
    }

    /// Sign, significant digits (no trailing zeros) and the position of the
    /// decimal point relative to the digits (value = 0.DIGITS × 10^point).
    static func decompose(_ value: Double) -> (Bool, [Character], Int) {
        let negative = value.sign == .minus
        if value == 0 { return (negative, ["0"], 1) }
        var text = "\(abs(value))"
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = String(text[..<e])
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let integerPart = Array(parts[0])
        let fractionPart = parts.count > 1 ? Array(parts[1]) : []
        var digits = integerPart + fractionPart
        var point = integerPart.count + exponent
        while digits.count > 1, digits.first == "0" {
            digits.removeFirst()
            point -= 1
        }
        while digits.count > 1, digits.last == "0" { digits.removeLast() }
        return (negative, digits, point)
    }

    static func fixedForm(_ digits: [Character], _ point: Int) -> String {
        if point <= 0 {
            return "0." + String(repeating: "0", count: -point) + String(digits)
        }
        if point >= digits.count {
            return String(digits) + String(repeating: "0", count: point - digits.count) + ".0"
        }
        return String(digits[..<point]) + "." + String(digits[point...])
    }

    static func scientificForm(_ digits: [Character], _ point: Int) -> String {
        let rest = digits.count > 1 ? String(digits[1...]) : "0"
        return "\(digits[0]).\(rest)e\(point - 1)"
    }
}
