/// `io_lib:format/2`: fills a format string's control sequences
/// (`~p ~w ~s ~n ~b ~B ~c ~f ~e ~g ~x ~X ~# ~+ ~i ~P ~W ~~`, with field
/// width, precision, padding character and the `t`/`l` modifiers) from a
/// list of arguments, exactly as OTP 25's `io_lib_format` does. `~p` knows
/// the column it starts at, so its continuation lines line up.
///
/// A malformed control sequence, an argument of the wrong type, too few or
/// too many arguments all throw `ErlangException.badarg`; `io:format/2`'s
/// caller turns that into `** exception error: bad argument`.
///
/// Split: `FormatDirective` parses control sequences; `ErlangFormat+Text`
/// handles `~s ~c ~~ ~n` and padding; `ErlangFormat+Integers` the integer
/// controls; `ErlangFormat+Floats` `~f ~e ~g` (on `FloatDigits`).
public enum ErlangFormat {
    /// Formats `arguments` (a proper list) into `format` (a character list,
    /// binary or atom), as `io_lib:format(Format, Args)` does, flattened.
    public static func format(_ format: Term, _ arguments: Term) throws(ErlangException) -> String {
        guard let args = arguments.listElements else { throw .badarg }
        return try self.format(codes: try formatCodes(format), args)
    }

    /// Formats `arguments` into `format` (see `format(_:_:)`).
    public static func format(_ format: String, _ arguments: [Term]) throws(ErlangException) -> String {
        try self.format(codes: format.unicodeScalars.map { Int($0.value) }, arguments)
    }

    /// Formats `arguments` into the format given as code points.
    public static func format(codes: [Int], _ arguments: [Term]) throws(ErlangException) -> String {
        var out = FormatOutput()
        for piece in try scan(codes, arguments) {
            switch piece {
            case .character(let c):
                try out.append(code: c)
            case .directive(let d):
                out.append(try control(d, column: out.column))
            }
        }
        return out.text
    }

    /// The format's characters: a flat list of character codes, a binary
    /// (its bytes), or an atom (its name).
    static func formatCodes(_ format: Term) throws(ErlangException) -> [Int] {
        switch format {
        case .atom(let a):
            return a.text.unicodeScalars.map { Int($0.value) }
        case .binary(let b) where b.isBinary:
            return b.bytes.map(Int.init)
        case .nil, .cons:
            var codes: [Int] = []
            var current = format
            while case .cons(let cell) = current {
                guard case .int(let c) = cell.head else { throw .badarg }
                codes.append(c)
                current = cell.tail
            }
            guard case .nil = current else { throw .badarg }
            return codes
        case .int, .bigInt, .float, .tuple, .map, .binary, .pid, .ref, .fun:
            throw .badarg
        }
    }

    /// The text of one control sequence; `column` is the 0-based column
    /// the text starts at (erl's indentation).
    static func control(_ d: FormatDirective, column: Int) throws(ErlangException) -> String {
        let encoding: PrintEncoding = d.unicode ? .unicode : .latin1
        let arg = d.arguments.first ?? .nil
        switch UnicodeScalar(UInt32(d.control)).map(Character.init) {
        case "w":
            return try fitTerm(TermWriter.write(arg, encoding: encoding), d)
        case "W":
            guard case .int(let depth) = d.arguments[1] else { throw .badarg }
            return try fitTerm(TermWriter.write(arg, depth: depth, encoding: encoding), d)
        case "p":
            return try pretty(arg, depth: -1, d, column: column)
        case "P":
            guard case .int(let depth) = d.arguments[1] else { throw .badarg }
            return try pretty(arg, depth: depth, d, column: column)
        case "s": return try string(arg, d)
        case "c": return try character(arg, d)
        case "~": return try fillCharacter(0x7E, d)
        case "n": return try newline(d)
        case "i": return ""
        case "e", "f", "g": return try float(arg, d)
        case "b", "B", "x", "X", "+", "#": return try integer(d)
        default: throw .badarg
        }
    }

    /// `~p` and `~P`: the field width is the line length (80 by default),
    /// the precision the column (by default where the text starts).
    private static func pretty(_ term: Term, depth: Int, _ d: FormatDirective, column: Int)
        throws(ErlangException) -> String {
        guard d.adjust == .right else { throw .badarg }
        var printer = PrettyPrinter(lineLength: d.width ?? 80, depth: depth, strings: d.strings)
        printer.encoding = d.unicode ? .unicode : .latin1
        return printer.print(term, column: d.precision ?? column + 1)
    }
}

/// The text built so far and the column it ends at, counted as erl's
/// `io_lib_format:indentation/2` counts (tabs stop every 8 columns).
struct FormatOutput {
    var text = ""
    var column = 0

    mutating func append(_ s: String) {
        text += s
        for scalar in s.unicodeScalars { advance(Int(scalar.value)) }
    }

    mutating func append(code: Int) throws(ErlangException) {
        guard let scalar = Unicode.Scalar(UInt32(clamping: code)), code >= 0 else { throw .badarg }
        text.unicodeScalars.append(scalar)
        advance(code)
    }

    private mutating func advance(_ code: Int) {
        switch code {
        case 0x0A: column = 0
        case 0x09: column = (column + 8) / 8 * 8
        default: column += 1
        }
    }
}
