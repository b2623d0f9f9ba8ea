/// One control sequence of an `io_lib:format/2` format string, with the
/// arguments it takes: `~F.P.PadModC` (erl's `io_lib_format:collect_cseq/2`).
struct FormatDirective {
    /// Which side the padding goes: `~-10s` pads on the right (`left`).
    enum Adjust {
        case left
        case right
    }

    /// The control character (`p`, `w`, `s`, ...), as a code point.
    var control: Int
    /// The field width `F` (`~10s`, `~*s`), if given.
    var width: Int?
    var adjust = Adjust.right
    /// The precision `P` (`~.3f`, `~.16b`), if given.
    var precision: Int?
    /// The padding character (`~..0b`), a space by default.
    var pad = 0x20
    /// The `t` modifier: Unicode text.
    var unicode = false
    /// Not the `l` modifier: lists may print as strings in `~p`.
    var strings = true
    /// The arguments the control consumes.
    var arguments: [Term] = []
}

/// A parsed format string: literal characters and control sequences.
enum FormatPiece {
    case character(Int)
    case directive(FormatDirective)
}

extension ErlangFormat {
    /// Splits `codes` into literal characters and directives, taking each
    /// directive's arguments from `arguments` (erl's `io_lib_format:scan/2`).
    /// A malformed directive, a missing argument or a left-over argument is `badarg`.
    static func scan(_ codes: [Int], _ arguments: [Term]) throws(ErlangException) -> [FormatPiece] {
        var pieces: [FormatPiece] = []
        var i = 0
        var args = arguments[...]
        while i < codes.count {
            let c = codes[i]
            i += 1
            if c != 0x7E {
                pieces.append(.character(c))
                continue
            }
            pieces.append(.directive(try scanDirective(codes, &i, &args)))
        }
        guard args.isEmpty else { throw .badarg }
        return pieces
    }

    private static func scanDirective(_ codes: [Int], _ i: inout Int, _ args: inout ArraySlice<Term>)
        throws(ErlangException) -> FormatDirective {
        var d = FormatDirective(control: 0)
        // Field width, possibly negative (left-adjusted).
        if i < codes.count && codes[i] == 0x2D {
            i += 1
            guard let value = try fieldValue(codes, &i, &args) else { throw .badarg }
            d.width = abs(value)  // fieldValue keeps |value| <= maxField
            d.adjust = value > 0 ? .left : .right
        } else if let value = try fieldValue(codes, &i, &args) {
            d.width = abs(value)
            d.adjust = value < 0 ? .left : .right
        }
        // Precision.
        if i < codes.count && codes[i] == 0x2E {
            i += 1
            d.precision = try fieldValue(codes, &i, &args)
            // Padding character.
            if i + 1 < codes.count && codes[i] == 0x2E {
                if codes[i + 1] == 0x2A {
                    guard case .int(let pad)? = args.popFirst() else { throw .badarg }
                    d.pad = pad
                } else {
                    d.pad = codes[i + 1]
                }
                i += 2
            }
        }
        // Modifiers.
        while i < codes.count {
            if codes[i] == 0x74 {
                d.unicode = true
            } else if codes[i] == 0x6C {
                d.strings = false
            } else {
                break
            }
            i += 1
        }
        guard i < codes.count else { throw .badarg }
        d.control = codes[i]
        i += 1
        let count: Int
        switch UnicodeScalar(UInt32(d.control)).map(Character.init) {
        case "w", "p", "s", "e", "f", "g", "b", "B", "+", "#", "c", "i": count = 1
        case "W", "P", "x", "X": count = 2
        case "~", "n": count = 0
        default: throw .badarg
        }
        guard args.count >= count else { throw .badarg }
        d.arguments = Array(args.prefix(count))
        args = args.dropFirst(count)
        return d
    }

    /// The largest width or precision Swerl formats (64 Mi characters):
    /// erl runs out of memory on fields far beyond this; Swerl raises
    /// `badarg`, and no field arithmetic can overflow.
    static let maxField = 1 << 26

    /// A width or precision: `*` (an integer argument), digits, or nothing;
    /// `badarg` beyond `maxField` either way.
    private static func fieldValue(_ codes: [Int], _ i: inout Int, _ args: inout ArraySlice<Term>)
        throws(ErlangException) -> Int? {
        if i < codes.count && codes[i] == 0x2A, case .int(let value)? = args.first {
            guard value.magnitude <= maxField else { throw .badarg }
            args = args.dropFirst()
            i += 1
            return value
        }
        var value: Int?
        while i < codes.count, (0x30...0x39).contains(codes[i]) {
            let next = (value ?? 0) * 10 + (codes[i] - 0x30)
            guard next <= maxField else { throw .badarg }
            value = next
            i += 1
        }
        return value
    }
}
