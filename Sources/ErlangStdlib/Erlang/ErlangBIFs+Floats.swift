import ErlangRuntime
import ErlangTerms

/// Floats to and from text: `float_to_list/1,2`, `float_to_binary/1,2`,
/// `list_to_float/1`, `binary_to_float/1`.
extension ErlangBIFs {
    static let floats: FunctionTable = [
        bif("float_to_list", 1, { _, a in
            guard let text = FloatFormatting.format(a[0], options: .nil) else { throw ErlangException.badarg }
            return .string(text)
        }),
        bif("float_to_list", 2, { _, a in
            guard let text = FloatFormatting.format(a[0], options: a[1]) else { throw ErlangException.badarg }
            return .string(text)
        }),
        bif("float_to_binary", 1, { _, a in
            guard let text = FloatFormatting.format(a[0], options: .nil) else { throw ErlangException.badarg }
            return .binary(utf8: text)
        }),
        bif("float_to_binary", 2, { _, a in
            guard let text = FloatFormatting.format(a[0], options: a[1]) else { throw ErlangException.badarg }
            return .binary(utf8: text)
        }),
        bif("list_to_float", 1, { _, a in
            guard let codes = a[0].flatCodes, let f = FloatText.parseErlangFloat(codes) else {
                throw ErlangException.badarg
            }
            return .float(f)
        }),
        bif("binary_to_float", 1, { _, a in
            guard case .binary(let b) = a[0], b.isBinary,
                  let f = FloatText.parseErlangFloat(b.bytes.map(Int.init)) else { throw ErlangException.badarg }
            return .float(f)
        }),
    ]
}

extension FloatText {
    /// Reads a float written as erts' `sys_chars_to_double` accepts it: an
    /// optional sign, digits, `.` (or `,`), digits, and an optional exponent;
    /// `nil` for anything else or a value too large for a float.
    static func parseErlangFloat(_ codes: [Int]) -> Double? {
        guard let length = floatPrefixLength(codes, requireWhole: true), length == codes.count else { return nil }
        return double(codes[0..<length])
    }

    /// The length of the float at the start of `codes` (`string:to_float/1`
    /// reads a prefix; then an `e` not followed by exponent digits is left out).
    static func floatPrefixLength(_ codes: [Int], requireWhole: Bool = false) -> Int? {
        func isDigit(_ i: Int) -> Bool { i < codes.count && (48...57).contains(codes[i]) }
        var i = 0
        if i < codes.count, codes[i] == 43 || codes[i] == 45 { i += 1 }
        guard isDigit(i) else { return nil }
        while isDigit(i) { i += 1 }
        guard i < codes.count, codes[i] == 46 || codes[i] == 44 else { return nil }
        i += 1
        guard isDigit(i) else { return nil }
        while isDigit(i) { i += 1 }
        if i < codes.count, codes[i] == 101 || codes[i] == 69 {
            var j = i + 1
            if j < codes.count, codes[j] == 43 || codes[j] == 45 { j += 1 }
            if isDigit(j) {
                while isDigit(j) { j += 1 }
                i = j
            } else if requireWhole {
                return nil
            }
        }
        return i
    }

    /// The finite float written in `codes` (already validated), or `nil` on overflow.
    static func double(_ codes: ArraySlice<Int>) -> Double? {
        var text = String.UnicodeScalarView()
        for c in codes { text.append(Unicode.Scalar(UInt8(c == 44 ? 46 : c))) }
        guard let d = Double(String(text)), d.isFinite else { return nil }
        return d
    }
}
