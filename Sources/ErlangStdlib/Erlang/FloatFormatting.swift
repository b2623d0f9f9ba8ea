#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ErlangTerms

/// Floats as text the way `float_to_list/2` writes them, quirks included:
/// BEAM formats into a 256-byte buffer, and an option list that does not
/// fit is `badarg` (`float_to_list(1.0e300, [{decimals, 3}])`).
///
/// - `{decimals, N}` uses erts' `sys_double_to_chars_fast`: up to 2^53 and
///   with fewer than 19 decimals it scales the fraction by 10^N in floating
///   point and rounds half away from zero (so `2.5` with no decimals is
///   `"3"`, but `2.675` with two is `"2.67"`); otherwise C's `%.*f`.
/// - `{scientific, N}` (and the default, N = 20) is C's `%.*e`.
/// - `short` is the shortest text that reads back as the same float.
enum FloatFormatting {
    /// The buffer size erts formats into, including the terminating NUL.
    static let bufferSize = 256

    /// The text for `float_to_list(Value, Options)`, or `nil` for `badarg`.
    static func format(_ value: Term, options: Term) -> String? {
        guard case .float(let f) = value else { return nil }
        enum Style { case legacy, short, fixed, scientific }
        var style = Style.legacy
        var decimals = 20
        var compact = false
        var rest = options
        while case .cons(let cell) = rest {
            switch cell.head {
            case .atom(let a) where a.text == "compact": compact = true
            case .atom(let a) where a.text == "short": style = .short
            case .tuple(let e) where e.count == 2:
                guard case .int(let n) = e[1], case .atom(let key) = e[0] else { return nil }
                switch key.text {
                case "decimals": style = .fixed
                case "scientific": style = .scientific
                default: return nil
                }
                decimals = n
            default: return nil
            }
            rest = cell.tail
        }
        guard case .nil = rest else { return nil }
        switch style {
        case .short: return FloatText.shortest(f)
        case .fixed: return fixed(f, decimals: decimals, compact: compact)
        case .legacy, .scientific: return scientific(f, decimals: decimals)
        }
    }

    /// C's `%.*e`, or `nil` when it does not fit the buffer.
    static func scientific(_ f: Double, decimals: Int) -> String? {
        printf("%.*e", f, precision: decimals < 0 ? 6 : decimals)
    }

    /// A port of OTP 25's `sys_double_to_chars_fast`.
    static func fixed(_ f: Double, decimals: Int, compact: Bool) -> String? {
        guard decimals >= 0 else { return nil }
        let maxDecimals = 19
        let negative = f.sign == .minus
        let af = abs(f)
        if af > 9_007_199_254_740_992.0 || decimals >= maxDecimals {
            guard let text = printf("%.*f", f, precision: decimals) else { return nil }
            return compact ? trimmingTrailingZeros(text) : text
        }
        var text = negative ? "-" : ""
        if decimals == 0 {
            text += String(UInt64(af.rounded(.toNearestOrAwayFromZero)))
            return text
        }
        var scale: Double = 1
        for _ in 0..<decimals { scale *= 10 }
        let intF = af.rounded(.down)
        let fracF = ((af - intF) * scale).rounded(.toNearestOrAwayFromZero)
        var intPart = UInt64(intF)
        var fracPart = UInt64(fracF)
        if fracF >= scale {
            intPart += 1
            fracPart = 0
        }
        let digits = String(fracPart)
        text += String(intPart) + "." + String(repeating: "0", count: decimals - digits.count) + digits
        return compact ? trimmingTrailingZeros(text) : text
    }

    /// erts' `find_first_trailing_zero`: drops trailing zeros, but keeps one after a `.`.
    static func trimmingTrailingZeros(_ text: String) -> String {
        var bytes = Array(text.utf8)
        while bytes.count > 1, bytes.last == UInt8(ascii: "0") { bytes.removeLast() }
        if bytes.last == UInt8(ascii: ".") { bytes.append(UInt8(ascii: "0")) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// C's `snprintf(format, precision, value)` into erts' buffer, or `nil` when it does not fit.
    private static func printf(_ format: String, _ value: Double, precision: Int) -> String? {
        guard precision < bufferSize else { return nil }
        var buffer = [CChar](repeating: 0, count: bufferSize)
        let length = withVaList([CInt(precision), value]) { args in
            buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, bufferSize, format, args) }
        }
        guard length >= 0, length < bufferSize else { return nil }
        return String(decoding: buffer[0..<Int(length)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
