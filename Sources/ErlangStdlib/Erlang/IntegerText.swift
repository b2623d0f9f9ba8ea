import BigInt
import ErlangTerms

/// Integers as text in bases 2 to 36, as `integer_to_list/2` writes them
/// and `list_to_integer/2` and `string:to_integer/1` read them.
enum IntegerText {
    /// `value` in `radix`, with upper-case letters for digits above 9.
    static func format(_ value: Term, radix: Int) -> String? {
        switch value {
        case .int(let i): return String(i, radix: radix, uppercase: true)
        case .bigInt(let b): return String(b.value, radix: radix, uppercase: true)
        case .float, .atom, .tuple, .nil, .cons, .map, .binary, .pid, .ref, .fun: return nil
        }
    }

    /// The value of a digit code in `radix`, or `nil`.
    static func digit(_ code: Int, radix: Int) -> Int? {
        let value: Int
        switch code {
        case 48...57: value = code - 48
        case 65...90: value = code - 55
        case 97...122: value = code - 87
        default: return nil
        }
        return value < radix ? value : nil
    }

    /// The longest integer at the start of `codes` (an optional sign and at
    /// least one digit), and how many codes it used; `nil` when there is none.
    static func parsePrefix(_ codes: [Int], radix: Int = 10) -> (value: Term, length: Int)? {
        var i = 0
        var negative = false
        if i < codes.count, codes[i] == 43 || codes[i] == 45 {
            negative = codes[i] == 45
            i += 1
        }
        let digitsStart = i
        while i < codes.count, digit(codes[i], radix: radix) != nil { i += 1 }
        guard i > digitsStart else { return nil }
        let digits = codes[digitsStart..<i]
        return (integer(digits, radix: radix, negative: negative), i)
    }

    /// The integer that is all of `codes`, or `nil` (`list_to_integer/2`).
    static func parse(_ codes: [Int], radix: Int = 10) -> Term? {
        guard let (value, length) = parsePrefix(codes, radix: radix), length == codes.count else { return nil }
        return value
    }

    /// The value of validated digit codes. Reads a machine word of digits
    /// at a time (BigInt's own parser stops short of base 36 and traps there).
    private static func integer(_ digits: ArraySlice<Int>, radix: Int, negative: Bool) -> Term {
        // radix^12 < 2^63 for every radix up to 36, so 12 digits always fit an Int.
        let chunk = 12
        if digits.count <= chunk {
            var v = 0
            for d in digits { v = v * radix + (digit(d, radix: radix) ?? 0) }
            return .int(negative ? -v : v)
        }
        var magnitude = BigInt(0)
        var index = digits.startIndex
        while index < digits.endIndex {
            let end = min(index + chunk, digits.endIndex)
            var part = 0, scale = 1
            for d in digits[index..<end] {
                part = part * radix + (digit(d, radix: radix) ?? 0)
                scale *= radix
            }
            magnitude = magnitude * BigInt(scale) + BigInt(part)
            index = end
        }
        return .integer(negative ? -magnitude : magnitude)
    }
}
