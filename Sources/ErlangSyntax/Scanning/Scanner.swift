import BigInt
import ErlangTerms

/// Turns Erlang source into tokens. Mirrors `erl_scan`: the same token
/// kinds, escapes, numeric bases (`16#FF`), digit separators (`1_000`) and
/// error messages.
///
/// Split: this file walks the text; `Scanner+Literals` reads numbers,
/// strings, quoted atoms and characters.
public struct Scanner {
    /// The result of scanning up to the first terminating dot.
    public enum Result: Sendable, Equatable {
        /// A complete form: its tokens (ending in `.dot`) and the unscanned rest.
        case done([Token], rest: String)
        /// The text ends before a terminating dot: read more input.
        case more
        /// A scanning error; `rest` is the input after the form's dot (if any).
        case error(Diagnostic, rest: String)
    }

    var chars: [Unicode.Scalar]
    var index = 0
    var line: Int
    var column: Int

    init(_ text: String, line: Int = 1) {
        chars = Array(text.unicodeScalars)
        self.line = line
        self.column = 1
    }

    /// Scans `text` up to and including its first terminating dot.
    public static func scanForm(_ text: String) -> Result {
        var scanner = Scanner(text)
        var tokens: [Token] = []
        do {
            while let token = try scanner.next() {
                tokens.append(token)
                if token.kind == .dot {
                    return .done(tokens, rest: Scanner.text(scanner.chars[scanner.index...]))
                }
            }
            return .more
        } catch let diagnostic as Diagnostic {
            if diagnostic.message.hasPrefix("unterminated") { return .more }
            return .error(diagnostic, rest: scanner.restAfterNextDot())
        } catch {
            return .more
        }
    }

    /// Scans all of `text` (a whole module file) into tokens.
    public static func scanAll(_ text: String) throws(Diagnostic) -> [Token] {
        var scanner = Scanner(text)
        var tokens: [Token] = []
        do {
            while let token = try scanner.next() { tokens.append(token) }
        } catch let d as Diagnostic {
            throw d
        } catch {
            throw Diagnostic("illegal input", at: SourceLocation(line: scanner.line, column: scanner.column))
        }
        return tokens
    }

    /// The text after the next dot-terminator, used to resynchronise after an error.
    mutating func restAfterNextDot() -> String {
        while index < chars.count {
            let c = chars[index]
            index += 1
            if c == ".", index >= chars.count || Scanner.isWhitespace(chars[index]) || chars[index] == "%" {
                return Scanner.text(chars[index...])
            }
        }
        return ""
    }

    var current: Unicode.Scalar? { index < chars.count ? chars[index] : nil }
    func peek(_ offset: Int = 1) -> Unicode.Scalar? { index + offset < chars.count ? chars[index + offset] : nil }

    mutating func advance() {
        guard index < chars.count else { return }
        if chars[index] == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }

    var location: SourceLocation { SourceLocation(line: line, column: column) }

    /// BEAM's limit on an atom's length, in characters.
    static let maxAtomLength = 255

    /// The next token, or `nil` at the end of the text.
    mutating func next() throws -> Token? {
        skipWhitespaceAndComments()
        guard let c = current else { return nil }
        let start = location
        if isDigit(c) { return Token(try scanNumber(), at: start) }
        if isLower(c) {
            let name = scanName()
            guard name.unicodeScalars.count <= Self.maxAtomLength else { throw Diagnostic("illegal atom", at: start) }
            return Token(AtomText.reserved.contains(name) ? .keyword(name) : .atom(name), at: start)
        }
        if isUpper(c) || c == "_" { return Token(.variable(scanName()), at: start) }
        switch c {
        case "\"": return Token(.string(try scanQuoted(terminator: "\"", start: start)), at: start)
        case "'":
            let codes = try scanQuoted(terminator: "'", start: start)
            guard codes.count <= Self.maxAtomLength else { throw Diagnostic("illegal atom", at: start) }
            return Token(.atom(String(String.UnicodeScalarView(codes.compactMap { Unicode.Scalar(UInt32(clamping: $0)) }))), at: start)
        case "$": return Token(.char(try scanChar(start: start)), at: start)
        case ".":
            let after = peek()
            if after == nil || Scanner.isWhitespace(after!) || after == "%" {
                advance()
                return Token(.dot, at: start)
            }
        default: break
        }
        if c.value < 128 {
            for symbol in Scanner.symbolsByFirstScalar[Int(c.value)] where matches(symbol.scalars) {
                for _ in symbol.scalars { advance() }
                return Token(.symbol(symbol.text), at: start)
            }
        }
        advance()
        throw Diagnostic("illegal character", at: start)
    }

    /// Operators and punctuation, longest first.
    static let symbols = ["=:=", "=/=", "...", "<<", ">>", "<-", "<=", "=<", ">=", "==", "/=", "=>", ":=", "->", "||",
                          "++", "--", "::", "..", "(", ")", "{", "}", "[", "]", ",", ";", ":", "|", "=", "+", "-",
                          "*", "/", "<", ">", "!", "#", "?", "."]

    /// `symbols` with their scalars taken apart once, grouped by their
    /// first (ASCII) scalar, longest first: a symbol is found by looking at
    /// the few that start with the current character.
    static let symbolsByFirstScalar: [[(text: String, scalars: [Unicode.Scalar])]] = {
        var table = [[(text: String, scalars: [Unicode.Scalar])]](repeating: [], count: 128)
        for symbol in symbols {
            let scalars = Array(symbol.unicodeScalars)
            table[Int(scalars[0].value)].append((symbol, scalars))
        }
        return table
    }()

    func matches(_ symbol: [Unicode.Scalar]) -> Bool {
        var i = index
        for s in symbol {
            guard i < chars.count, chars[i] == s else { return false }
            i += 1
        }
        return true
    }

    mutating func skipWhitespaceAndComments() {
        while let c = current {
            if c == "%" {
                while let d = current, d != "\n" { advance() }
            } else if Scanner.isWhitespace(c) {
                advance()
            } else {
                return
            }
        }
    }

    mutating func scanName() -> String {
        let start = index
        while let c = current, isNameChar(c) { advance() }
        return Scanner.text(chars[start..<index])
    }

    /// `scalars` as a string, encoded directly (building a
    /// `String.UnicodeScalarView` from a sequence takes a slow generic path).
    static func text(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        guard !scalars.isEmpty else { return "" }
        return String(unsafeUninitializedCapacity: scalars.count * 4) { buffer in
            var count = 0
            for scalar in scalars {
                UTF8.encode(scalar) { unit in
                    buffer[count] = unit
                    count += 1
                }
            }
            return count
        }
    }

    /// Unicode's White_Space property, answered without the property
    /// table lookup for ASCII (tab to carriage return, and space).
    static func isWhitespace(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x80 ? c.value == 0x20 || (0x09...0x0D).contains(c.value) : c.properties.isWhitespace
    }

    func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
    func isLower(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ((0xDF...0xFF).contains(c.value) && c.value != 0xF7)
    }
    func isUpper(_ c: Unicode.Scalar) -> Bool {
        ("A"..."Z").contains(c) || ((0xC0...0xDE).contains(c.value) && c.value != 0xD7)
    }
    func isNameChar(_ c: Unicode.Scalar) -> Bool { isLower(c) || isUpper(c) || isDigit(c) || c == "_" || c == "@" }
}
