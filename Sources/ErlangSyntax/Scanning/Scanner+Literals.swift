import BigInt

extension Scanner {
    /// `123`, `1_000`, `16#FF`, `2#1010`, `3.14`, `1.0e-5`.
    mutating func scanNumber() throws -> Token.Kind {
        let start = location
        var digits = scanDigits(radix: 10)
        if current == "#", let radix = Int(digits), (2...36).contains(radix) {
            advance()
            let body = scanDigits(radix: radix)
            guard !body.isEmpty, let value = Self.integer(body, radix: radix) else { throw Diagnostic("illegal integer", at: start) }
            return integerKind(value)
        }
        if current == "#" {
            // Any other integer before `#` is a base erl refuses.
            throw Diagnostic("illegal base '\(digits)'", at: start)
        }
        if current == ".", let d = peek(), isDigit(d) {
            advance()
            digits += "." + scanDigits(radix: 10)
            if current == "e" || current == "E" {
                var exponent = "e"
                advance()
                if current == "-" || current == "+" {
                    exponent.unicodeScalars.append(current!)
                    advance()
                }
                let expDigits = scanDigits(radix: 10)
                // An exponent marker without digits (`2.0e.`) is erl's illegal float.
                guard !expDigits.isEmpty else { throw Diagnostic("illegal float", at: start) }
                digits += exponent + expDigits
            }
            guard let value = Double(digits), value.isFinite else { throw Diagnostic("illegal float", at: start) }
            return .float(value)
        }
        // Up to 18 decimal digits always fit an Int: skip BigInt's parser.
        if digits.utf8.count <= 18, let small = Int(digits) { return .integer(small) }
        guard let value = BigInt(digits) else { throw Diagnostic("illegal integer", at: start) }
        return integerKind(value)
    }

    /// The value of `digits` in base `radix` (2...36); BigInt's own parser
    /// only takes radixes below 36.
    static func integer(_ digits: String, radix: Int) -> BigInt? {
        var value = BigInt(0)
        for scalar in digits.unicodeScalars {
            guard let digit = Character(scalar).hexDigitValue ?? letterDigit(scalar), digit < radix else { return nil }
            value = value * BigInt(radix) + BigInt(digit)
        }
        return value
    }

    private static func letterDigit(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "a"..."z": Int(scalar.value - 97) + 10
        case "A"..."Z": Int(scalar.value - 65) + 10
        default: nil
        }
    }

    func integerKind(_ value: BigInt) -> Token.Kind {
        if let small = Int(exactly: value) { return .integer(small) }
        return .bigInteger(value)
    }

    /// Digits of `radix`, dropping `_` separators that stand between digits.
    mutating func scanDigits(radix: Int) -> String {
        var out = String.UnicodeScalarView()
        while let c = current {
            if isRadixDigit(c, radix) {
                out.append(c)
                advance()
            } else if c == "_", !out.isEmpty, let n = peek(), isRadixDigit(n, radix) {
                advance()
            } else {
                break
            }
        }
        return String(out)
    }

    func isRadixDigit(_ c: Unicode.Scalar, _ radix: Int) -> Bool {
        let v: Int
        switch c {
        case "0"..."9": v = Int(c.value) - 48
        case "a"..."z": v = Int(c.value) - 87
        case "A"..."Z": v = Int(c.value) - 55
        default: return false
        }
        return v < radix
    }

    /// The body of a string or quoted atom up to `terminator`, escapes decoded.
    mutating func scanQuoted(terminator: Unicode.Scalar, start: SourceLocation) throws -> [Int] {
        advance()
        var codes: [Int] = []
        while true {
            guard let c = current else {
                let shown = String(String.UnicodeScalarView(codes.prefix(16).compactMap { Unicode.Scalar(UInt32(clamping: $0)) }))
                let kind = terminator == "\"" ? "string" : "atom"
                throw Diagnostic("unterminated \(kind) starting with \(terminator)\(shown)\(terminator)", at: start)
            }
            if c == terminator {
                advance()
                return codes
            }
            if c == "\\" {
                codes.append(try scanEscape())
            } else {
                codes.append(Int(c.value))
                advance()
            }
        }
    }

    /// `$a`, `$\n`, `$\x{41}`.
    mutating func scanChar(start: SourceLocation) throws -> Int {
        advance()
        guard let c = current else { throw Diagnostic("unterminated character", at: start) }
        if c == "\\" { return try scanEscape() }
        advance()
        return Int(c.value)
    }

    /// An escape sequence after a backslash.
    mutating func scanEscape() throws -> Int {
        let start = location
        advance()
        guard let c = current else { throw Diagnostic("unterminated escape", at: start) }
        advance()
        switch c {
        case "n": return 10
        case "t": return 9
        case "r": return 13
        case "s": return 32
        case "e": return 27
        case "d": return 127
        case "b": return 8
        case "f": return 12
        case "v": return 11
        case "0"..."7":
            var value = Int(c.value) - 48
            for _ in 0..<2 {
                guard let d = current, ("0"..."7").contains(d) else { break }
                value = value * 8 + Int(d.value) - 48
                advance()
            }
            return value
        case "x":
            if current == "{" {
                advance()
                var hex = ""
                while let d = current, d != "}" {
                    hex.unicodeScalars.append(d)
                    advance()
                }
                advance()
                guard let v = Int(hex, radix: 16) else { throw Diagnostic("illegal character", at: start) }
                return v
            }
            var hex = ""
            for _ in 0..<2 {
                guard let d = current, isRadixDigit(d, 16) else { break }
                hex.unicodeScalars.append(d)
                advance()
            }
            guard let v = Int(hex, radix: 16) else { throw Diagnostic("illegal character", at: start) }
            return v
        case "^":
            guard let d = current else { throw Diagnostic("unterminated escape", at: start) }
            advance()
            return Int(d.value) & 31
        default:
            return Int(c.value)
        }
    }
}
