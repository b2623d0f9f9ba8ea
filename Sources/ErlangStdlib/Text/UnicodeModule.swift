import ErlangRuntime
import ErlangTerms

/// The `unicode` module's conversions: `characters_to_list/1,2` and
/// `characters_to_binary/1,2,3`. Mirrors OTP 25: chardata (a deep list of
/// code points and binaries) in `latin1`, `unicode`/`utf8`, `utf16` or
/// `utf32` (`{utf16, little}`...) is converted; invalid input gives
/// `{error, Converted, Rest}`, a binary cut inside a character
/// `{incomplete, Converted, Rest}`, and a term that is not chardata
/// `badarg` (raised at unicode.erl line 895 for the one-argument forms).
enum UnicodeModule {
    /// The exported functions.
    static let functions: FunctionTable = [
        bif("characters_to_list", 1, { _, a in
            try convert(a[0], from: .utf8, args: a, function: "characters_to_list").listResult()
        }),
        bif("characters_to_list", 2, { _, a in
            try convert(a[0], from: try encoding(a[1]), args: a, function: "characters_to_list").listResult()
        }),
        bif("characters_to_binary", 1, { _, a in
            try convert(a[0], from: .utf8, args: a, function: "characters_to_binary").binaryResult(.utf8)
        }),
        bif("characters_to_binary", 2, { _, a in
            try convert(a[0], from: try encoding(a[1]), args: a, function: "characters_to_binary").binaryResult(.utf8)
        }),
        bif("characters_to_binary", 3, { _, a in
            let out = try encoding(a[2])
            return try convert(a[0], from: try encoding(a[1]), args: a, function: "characters_to_binary")
                .binaryResult(out)
        }),
    ]

    /// A character encoding `unicode` functions name.
    enum Encoding: Equatable {
        case latin1, utf8
        case utf16(little: Bool)
        case utf32(little: Bool)
    }

    /// `latin1`, `unicode`, `utf8`, `utf16`, `utf32`, `{utf16 | utf32, big | little}`.
    static func encoding(_ term: Term) throws -> Encoding {
        switch term {
        case .atom(let a):
            switch a.text {
            case "latin1": return .latin1
            case "unicode", "utf8": return .utf8
            case "utf16": return .utf16(little: false)
            case "utf32": return .utf32(little: false)
            default: throw ErlangException.badarg
            }
        case .tuple(let e) where e.count == 2:
            guard case .atom(let kind) = e[0], case .atom(let order) = e[1],
                  order.text == "big" || order.text == "little" else { throw ErlangException.badarg }
            let little = order.text == "little"
            switch kind.text {
            case "utf16": return .utf16(little: little)
            case "utf32": return .utf32(little: little)
            default: throw ErlangException.badarg
            }
        default:
            throw ErlangException.badarg
        }
    }

    /// What a conversion read: the code points, and where it stopped.
    struct Converted {
        var codes: [Int] = []
        /// `error` or `incomplete` with the unconverted rest, or `nil` when all was read.
        var stop: (tag: String, rest: Term)?

        func listResult() -> Term {
            guard let stop else { return .codes(codes) }
            return .tuple([.atom(Atom(stop.tag)), .codes(codes), stop.rest])
        }

        func binaryResult(_ out: Encoding) -> Term {
            var bytes: [UInt8] = []
            for (i, c) in codes.enumerated() {
                guard let encoded = UnicodeModule.encode(c, out) else {
                    // Not representable in the output encoding (a code point above 255 in latin1).
                    return .tuple([.atom(.error), .binary(bytes), .list([.codes(codes[i...])])])
                }
                bytes += encoded
            }
            guard let stop else { return .binary(bytes) }
            return .tuple([.atom(Atom(stop.tag)), .binary(bytes), stop.rest])
        }
    }

    /// Reads chardata in `encoding`; `badarg` (in the function's Erlang
    /// frame) when the term is not chardata.
    static func convert(_ data: Term, from encoding: Encoding, args: [Term], function: String) throws -> Converted {
        var result = Converted()
        // The work left, innermost last; `isTail` marks the rest of an enclosing list.
        var pending: [(term: Term, isTail: Bool)] = [(data, false)]
        // The unconverted input from `first` on: alone when it is the last
        // binary, else a list of it and what follows (list tails spliced in).
        func rest(_ first: Term) -> Term {
            var items = [first]
            for (term, isTail) in pending.reversed() {
                if isTail, let elements = term.listElements { items += elements } else { items.append(term) }
            }
            return items.count == 1 && first.isBinaryTerm ? first : .list(items)
        }
        let notChardata = ErlangException(.error, .atom(.badarg),
                                          stacktrace: [StdlibError.sourceFrame("unicode", function, .list(args), line: 895)])
        while let (t, isTail) = pending.popLast() {
            switch t {
            case .nil:
                continue
            case .int(let c):
                guard !isTail else { throw notChardata }
                guard c >= 0, c <= 0x10FFFF, Unicode.Scalar(UInt32(c)) != nil else {
                    result.stop = ("error", rest(t))
                    return result
                }
                result.codes.append(c)
            case .binary(let b) where b.isBinary:
                let (codes, used, complete) = decode(b.bytes, encoding)
                result.codes += codes
                if used < b.bytes.count {
                    result.stop = (complete ? "error" : "incomplete", rest(.binary(b.bytes[used...])))
                    return result
                }
            case .cons(let cell):
                pending.append((cell.tail, true))
                pending.append((cell.head, false))
            case .binary, .bigInt, .float, .atom, .tuple, .map, .pid, .ref, .fun:
                throw notChardata
            }
        }
        return result
    }

    /// Decodes bytes: the code points, how many bytes they used, and
    /// whether the stop (if any) is an error rather than a cut character.
    static func decode(_ bytes: [UInt8], _ encoding: Encoding) -> (codes: [Int], used: Int, complete: Bool) {
        var codes: [Int] = []
        var i = 0
        switch encoding {
        case .latin1:
            return (bytes.map(Int.init), bytes.count, true)
        case .utf8:
            while i < bytes.count {
                let lead = Int(bytes[i])
                let (width, initial): (Int, Int)
                switch lead {
                case 0..<0x80: (width, initial) = (1, lead)
                case 0xC2..<0xE0: (width, initial) = (2, lead & 0x1F)
                case 0xE0..<0xF0: (width, initial) = (3, lead & 0x0F)
                case 0xF0..<0xF5: (width, initial) = (4, lead & 0x07)
                default: return (codes, i, true)
                }
                var code = initial
                for k in 1..<width {
                    guard i + k < bytes.count else { return (codes, i, false) }
                    let next = Int(bytes[i + k])
                    guard next & 0xC0 == 0x80 else { return (codes, i, true) }
                    code = code << 6 | (next & 0x3F)
                }
                let shortest = width == 1 || (width == 2 && code >= 0x80) || (width == 3 && code >= 0x800)
                    || (width == 4 && code >= 0x10000)
                guard shortest, code <= 0x10FFFF, Unicode.Scalar(UInt32(code)) != nil else { return (codes, i, true) }
                codes.append(code)
                i += width
            }
        case .utf16(let little):
            func unit(_ at: Int) -> Int {
                little ? Int(bytes[at]) | Int(bytes[at + 1]) << 8 : Int(bytes[at]) << 8 | Int(bytes[at + 1])
            }
            while i < bytes.count {
                guard i + 1 < bytes.count else { return (codes, i, false) }
                let high = unit(i)
                if high < 0xD800 || high > 0xDFFF {
                    codes.append(high)
                    i += 2
                    continue
                }
                guard high < 0xDC00 else { return (codes, i, true) }
                guard i + 3 < bytes.count else { return (codes, i, false) }
                let low = unit(i + 2)
                guard (0xDC00...0xDFFF).contains(low) else { return (codes, i, true) }
                codes.append(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
                i += 4
            }
        case .utf32(let little):
            while i < bytes.count {
                guard i + 3 < bytes.count else { return (codes, i, false) }
                let word = (0..<4).reduce(0) { acc, k in acc << 8 | Int(bytes[little ? i + 3 - k : i + k]) }
                guard word <= 0x10FFFF, Unicode.Scalar(UInt32(word)) != nil else { return (codes, i, true) }
                codes.append(word)
                i += 4
            }
        }
        return (codes, bytes.count, true)
    }

    /// A code point in `encoding`, or `nil` when it has no encoding there.
    static func encode(_ code: Int, _ encoding: Encoding) -> [UInt8]? {
        switch encoding {
        case .latin1:
            return code <= 255 ? [UInt8(code)] : nil
        case .utf8:
            guard let scalar = Unicode.Scalar(UInt32(code)) else { return nil }
            return Array(String(Character(scalar)).utf8)
        case .utf16(let little):
            guard let scalar = Unicode.Scalar(UInt32(code)) else { return nil }
            return String(Character(scalar)).utf16.flatMap { u -> [UInt8] in
                let pair = [UInt8(u >> 8), UInt8(u & 0xFF)]
                return little ? pair.reversed() : pair
            }
        case .utf32(let little):
            let word = [UInt8(code >> 24 & 0xFF), UInt8(code >> 16 & 0xFF), UInt8(code >> 8 & 0xFF), UInt8(code & 0xFF)]
            return little ? word.reversed() : word
        }
    }
}
