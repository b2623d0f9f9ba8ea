import ErlangTerms
import BigInt

/// A position in the source: 1-based line and column, as erl reports them.
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
    /// The line.
    public var line: Int
    /// The column.
    public var column: Int
    /// A location.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
    /// `line:column`.
    public var description: String { "\(line):\(column)" }
}

/// One token of Erlang source. Mirrors the tokens of `erl_scan`.
public struct Token: Sendable, Equatable {
    /// What the token is.
    public enum Kind: Sendable, Equatable {
        /// An atom (unquoted or quoted), with its text.
        case atom(String)
        /// A variable name.
        case variable(String)
        /// An integer that fits `Int`.
        case integer(Int)
        /// An integer beyond `Int`.
        case bigInteger(BigInt)
        /// A float.
        case float(Double)
        /// A character literal `$a`, as its code point.
        case char(Int)
        /// A string literal, as code points.
        case string([Int])
        /// A reserved word (`case`, `end`, `div`, ...).
        case keyword(String)
        /// Punctuation or an operator (`(`, `->`, `=:=`, ...).
        case symbol(String)
        /// The terminating `.` of a form or shell input.
        case dot
    }

    /// The token.
    public let kind: Kind
    /// Where it starts.
    public let location: SourceLocation
    /// The spelling of a symbol or reserved word, packed once
    /// (`SpellingSet.key`); 0 for any other token. (The two never share a
    /// spelling: symbols are punctuation, reserved words letters.) The
    /// parser asks of nearly every token, at each precedence level,
    /// whether it is some operator: an integer compare, where copying the
    /// kind and comparing strings cost a retain, a release and a string
    /// comparison each time.
    let spellingKey: UInt64

    /// A token of `kind` at `location`.
    public init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
        switch kind {
        case .symbol(let text), .keyword(let text): spellingKey = SpellingSet.key(text) ?? 0
        default: spellingKey = 0
        }
    }

    /// Tokens are equal when their kinds and locations are (the packed
    /// key follows from the kind).
    public static func == (a: Token, b: Token) -> Bool { a.kind == b.kind && a.location == b.location }
}

extension Token {
    /// The token as erl shows it in `syntax error before: ...`.
    public var errorText: String {
        switch kind {
        case .atom(let a): return AtomSyntax.quotedIfNeeded(a)
        case .variable(let v): return v
        case .integer(let i): return String(i)
        case .bigInteger(let b): return String(b)
        case .float(let f): return String(f)
        case .char(let c): return "$" + (Unicode.Scalar(UInt32(clamping: c)).map { String(Character($0)) } ?? "?")
        case .string(let s): return "\"" + String(String.UnicodeScalarView(s.compactMap { Unicode.Scalar(UInt32(clamping: $0)) })) + "\""
        case .keyword(let k): return "'\(k)'"
        case .symbol(let s): return "'\(s)'"
        case .dot: return "'.'"
        }
    }
}

/// Atom quoting rules shared by the scanner's diagnostics.
public enum AtomSyntax {
    /// `text` quoted with single quotes when it is not a bare atom.
    public static func quotedIfNeeded(_ text: String) -> String {
        if isBare(text) { return text }
        var out = "'"
        for scalar in text.unicodeScalars {
            switch scalar {
            case "'": out += "\\'"
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "'"
    }

    /// Whether `text` can be written without quotes.
    public static func isBare(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) || (0xDF...0xFF).contains(first.value) && first.value != 0xF7 else { return false }
        for s in text.unicodeScalars {
            let ok = ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) || s == "_" || s == "@"
                || ((0xC0...0xFF).contains(s.value) && s.value != 0xD7 && s.value != 0xF7)
            if !ok { return false }
        }
        return !AtomText.reserved.contains(text)
    }
}
