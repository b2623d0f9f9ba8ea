/// `~s`, `~c`, `~~`, `~n`, and the padding and truncation rules every
/// control shares (erl's `string/6`, `term/5`, `char/5`, `adjust/3`).
extension ErlangFormat {
    /// `~s`: an atom, a binary, or a deep list of characters and binaries
    /// (an iolist; with `t` any code points, and binaries as UTF-8).
    static func string(_ arg: Term, _ d: FormatDirective) throws(ErlangException) -> String {
        let text: String
        if case .atom(let a) = arg {
            if !d.unicode, a.text.unicodeScalars.contains(where: { $0.value > 255 }) { throw .badarg }
            text = a.text
        } else {
            text = try characters(of: arg, unicode: d.unicode)
        }
        return try fitString(text, d)
    }

    /// The characters of an iolist (`io_lib_format:iolist_to_chars/1`) or,
    /// with `unicode`, of chardata (`cdata_to_chars/1`).
    static func characters(of arg: Term, unicode: Bool) throws(ErlangException) -> String {
        var out = ""
        var pending: [Term] = [arg]
        while let term = pending.popLast() {
            switch term {
            case .nil:
                break
            case .cons(let cell):
                pending.append(cell.tail)
                switch cell.head {
                case .int(let c):
                    guard c >= 0, unicode || c <= 255, let scalar = Unicode.Scalar(UInt32(clamping: c)) else {
                        throw .badarg
                    }
                    out.unicodeScalars.append(scalar)
                case .cons, .nil, .binary:
                    pending.append(cell.head)
                case .bigInt, .float, .atom, .tuple, .map, .pid, .ref, .fun:
                    throw .badarg
                }
            case .binary(let b):
                guard b.isBinary else { throw .badarg }
                if unicode, let decoded = String(validating: b.bytes, as: UTF8.self) {
                    out += decoded
                } else {
                    for byte in b.bytes { out.unicodeScalars.append(Unicode.Scalar(byte)) }
                }
            case .int, .bigInt, .float, .atom, .tuple, .map, .pid, .ref, .fun:
                throw .badarg
            }
        }
        return out
    }

    /// erl's `string/6`: a string in a field of width `F`, truncated or
    /// padded to precision `P` first.
    static func fitString(_ s: String, _ d: FormatDirective) throws(ErlangException) -> String {
        let n = charactersLength(s)
        switch (d.width, d.precision) {
        case (nil, nil):
            return s
        case (let f?, nil):
            return try stringField(s, f, d.adjust, n, d)
        case (nil, let p?):
            return try stringField(s, p, .left, n, d)
        case (let f?, let p?):
            guard f >= p else { throw .badarg }
            if f == p { return try stringField(s, f, d.adjust, n, d) }
            let filler = try fill(d.pad, f - p)
            if n > p { return adjust(try truncate(s, p, d), filler, d.adjust) }
            if n < p { return adjust(s + (try fill(d.pad, p - n)), filler, d.adjust) }
            return adjust(s, filler, d.adjust)
        }
    }

    private static func stringField(_ s: String, _ f: Int, _ adjust: FormatDirective.Adjust, _ n: Int,
                                    _ d: FormatDirective) throws(ErlangException) -> String {
        if n > f { return try truncate(s, f, d) }
        if n < f { return self.adjust(s, try fill(d.pad, f - n), adjust) }
        return s
    }

    /// The first `n` characters (code points; graphemes with `t`).
    private static func truncate(_ s: String, _ n: Int, _ d: FormatDirective) throws(ErlangException) -> String {
        guard n >= 0 else { throw .badarg }
        if d.unicode { return String(s.prefix(n)) }
        var out = ""
        out.unicodeScalars.append(contentsOf: s.unicodeScalars.prefix(n))
        return out
    }

    /// erl's `term/5`: text in a field of width `F`; text longer than the
    /// precision (or the field) becomes asterisks.
    static func fitTerm(_ t: String, _ d: FormatDirective) throws(ErlangException) -> String {
        try fitTerm(t, width: d.width, precision: d.precision, d)
    }

    /// erl's `term/5` with an explicit width and precision.
    static func fitTerm(_ t: String, width: Int?, precision: Int?, _ d: FormatDirective)
        throws(ErlangException) -> String {
        guard let f = width ?? precision else { return t }
        let length = charactersLength(t)
        let p = min(length, min(precision ?? f, f))
        if length > p { return adjust(try fill(0x2A, p), try fill(d.pad, f - p), d.adjust) }
        return adjust(t, try fill(d.pad, f - length), d.adjust)
    }

    /// `~c` (the code modulo 256 without `t`), and `~~`.
    static func character(_ arg: Term, _ d: FormatDirective) throws(ErlangException) -> String {
        let code: Int
        switch arg {
        case .int(let c): code = d.unicode ? c : c & 255
        case .bigInt(let b):
            guard !d.unicode else { throw .badarg }
            code = Int(truncatingIfNeeded: b.value & 255)
        case .float, .atom, .tuple, .nil, .cons, .map, .binary, .pid, .ref, .fun:
            throw .badarg
        }
        return try fillCharacter(code, d)
    }

    /// erl's `char/5`: the character repeated to the precision, in the field.
    static func fillCharacter(_ code: Int, _ d: FormatDirective) throws(ErlangException) -> String {
        switch (d.width, d.precision) {
        case (nil, nil): return try fill(code, 1)
        case (let f?, nil): return try fill(code, f)
        case (nil, let p?): return try fill(code, p)
        case (let f?, let p?):
            guard f >= p else { throw .badarg }
            return adjust(try fill(code, p), try fill(d.pad, f - p), d.adjust)
        }
    }

    /// `~n`: a newline, or `F` of them.
    static func newline(_ d: FormatDirective) throws(ErlangException) -> String {
        guard let f = d.width else { return "\n" }
        guard d.adjust == .right else { throw .badarg }
        return try fill(0x0A, f)
    }

    /// `n` copies of the character `code`.
    static func fill(_ code: Int, _ n: Int) throws(ErlangException) -> String {
        guard n >= 0, code >= 0, let scalar = Unicode.Scalar(UInt32(clamping: code)) else { throw .badarg }
        return String(repeating: String(Character(scalar)), count: n)
    }

    /// Puts `padding` after the text (`left`) or before it (`right`).
    static func adjust(_ text: String, _ padding: String, _ adjust: FormatDirective.Adjust) -> String {
        switch adjust {
        case .left: return text + padding
        case .right: return padding + text
        }
    }

    /// erl's `io_lib:chars_length/1`: code points when every character is
    /// Latin-1 (an iolist's size), else grapheme clusters.
    static func charactersLength(_ s: String) -> Int {
        if s.unicodeScalars.allSatisfy({ $0.value <= 255 }) { return s.unicodeScalars.count }
        return s.count
    }
}
