import BigInt

/// `~b ~B ~x ~X ~+ ~#`: integers in a base given by the precision (2 to
/// 36, 10 by default), with a prefix for `~x ~X` (an argument) and
/// `~+ ~#` (`16#`). Lowercase letters for `~b ~x ~+`.
extension ErlangFormat {
    static func integer(_ d: FormatDirective) throws(ErlangException) -> String {
        guard let value = d.arguments[0].bigIntValue else { throw .badarg }
        let base = d.precision ?? 10
        guard (2...36).contains(base) else { throw .badarg }
        let prefix: String
        let lowercase: Bool
        switch UnicodeScalar(UInt32(d.control)).map(Character.init) {
        case "b":
            (prefix, lowercase) = ("", true)
        case "x":
            (prefix, lowercase) = (try integerPrefix(d.arguments[1]), true)
        case "X":
            (prefix, lowercase) = (try integerPrefix(d.arguments[1]), false)
        case "+":
            (prefix, lowercase) = ("\(base)#", true)
        case "#":
            (prefix, lowercase) = ("\(base)#", false)
        default:
            (prefix, lowercase) = ("", false)
        }
        let digits = String(value.magnitude, radix: base, uppercase: !lowercase)
        let text = (value.sign == .minus ? "-" : "") + prefix + digits
        return try fitTerm(text, width: d.width, precision: nil, d)
    }

    /// The prefix of `~x`: an atom's name or a deep list of characters.
    private static func integerPrefix(_ prefix: Term) throws(ErlangException) -> String {
        if case .atom(let a) = prefix { return a.text }
        var out = ""
        var pending: [Term] = [prefix]
        while let term = pending.popLast() {
            switch term {
            case .nil:
                break
            case .cons(let cell):
                pending.append(cell.tail)
                switch cell.head {
                case .int(let c):
                    guard c >= 0, c != 0xFFFE, c != 0xFFFF, let scalar = Unicode.Scalar(UInt32(clamping: c)) else {
                        throw .badarg
                    }
                    out.unicodeScalars.append(scalar)
                case .cons, .nil:
                    pending.append(cell.head)
                case .bigInt, .float, .atom, .tuple, .map, .binary, .pid, .ref, .fun:
                    throw .badarg
                }
            case .int, .bigInt, .float, .atom, .tuple, .map, .binary, .pid, .ref, .fun:
                throw .badarg
            }
        }
        return out
    }
}
