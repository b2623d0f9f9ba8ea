import ErlangTerms

/// Text read from `unicode:chardata()`: a possibly deep list of code points
/// and UTF-8 binaries. Remembers whether the input was a binary, so that
/// `string` functions answer a binary with a binary and anything else with
/// a flat list, as erl does for flat input. (For deep input erl sometimes
/// keeps more of the original structure; Swerl answers a flat list.)
///
/// Grapheme clusters come from Swift's `Character`, which follows the same
/// Unicode segmentation rules as OTP's `unicode_util:gc/1` (`"\r\n"` and
/// `"e\u{301}"` are one cluster each).
struct CharData {
    /// The code points, in order.
    let codes: [Int]
    /// Whether the input was a single binary.
    let isBinary: Bool

    /// Reads chardata; `nil` when the term is not chardata (or holds
    /// invalid UTF-8 or code points). Walks nested lists iteratively.
    init?(_ term: Term) {
        if case .binary(let b) = term {
            guard b.isBinary, let text = String(validating: b.bytes, as: UTF8.self) else { return nil }
            codes = text.unicodeScalars.map { Int($0.value) }
            isBinary = true
            return
        }
        var out: [Int] = []
        var stack: [Term] = [term]
        while let t = stack.popLast() {
            switch t {
            case .nil: continue
            case .int(let c):
                guard c >= 0, c <= 0x10FFFF, Unicode.Scalar(UInt32(c)) != nil else { return nil }
                out.append(c)
            case .binary(let b):
                guard b.isBinary, let text = String(validating: b.bytes, as: UTF8.self) else { return nil }
                out.append(contentsOf: text.unicodeScalars.map { Int($0.value) })
            case .cons(let cell):
                stack.append(cell.tail)
                stack.append(cell.head)
            case .bigInt, .float, .atom, .tuple, .map, .pid, .ref, .fun:
                return nil
            }
        }
        codes = out
        isBinary = false
    }

    /// Text made of `codes`, answered in the shape of `isBinary`.
    init(codes: [Int], isBinary: Bool) {
        self.codes = codes
        self.isBinary = isBinary
    }

    /// The grapheme clusters, each as its code points.
    var graphemes: [[Int]] { CharData.graphemes(codes) }

    /// Splits code points into grapheme clusters.
    static func graphemes(_ codes: [Int]) -> [[Int]] {
        // Fast path: ASCII without CR, one cluster per code point.
        if codes.allSatisfy({ $0 < 128 && $0 != 13 }) { return codes.map { [$0] } }
        var scalars = String.UnicodeScalarView()
        for c in codes { scalars.append(Unicode.Scalar(UInt32(c)) ?? "\u{FFFD}") }
        return String(scalars).map { character in character.unicodeScalars.map { Int($0.value) } }
    }

    /// `codes` as a term shaped like this text: a UTF-8 binary or a flat list.
    func term(_ codes: [Int]) -> Term {
        CharData.term(codes, binary: isBinary)
    }

    /// Graphemes joined back into a term shaped like this text.
    func term(graphemes: some Sequence<[Int]>) -> Term {
        term(graphemes.flatMap { $0 })
    }

    /// `codes` as a UTF-8 binary (`binary` true) or a flat list.
    static func term(_ codes: [Int], binary: Bool) -> Term {
        guard binary else { return .codes(codes) }
        var scalars = String.UnicodeScalarView()
        for c in codes { scalars.append(Unicode.Scalar(UInt32(c)) ?? "\u{FFFD}") }
        return .binary(utf8: String(scalars))
    }

    /// A grapheme as erl writes it: a code point, or a list of them.
    static func graphemeTerm(_ g: [Int]) -> Term {
        g.count == 1 ? .int(g[0]) : .codes(g)
    }

    /// The text as a Swift string.
    var string: String {
        var scalars = String.UnicodeScalarView()
        for c in codes { scalars.append(Unicode.Scalar(UInt32(c)) ?? "\u{FFFD}") }
        return String(scalars)
    }

    /// A list of grapheme clusters given as separators (`[$\s, [$\r, $\n]]`),
    /// or `nil` when it is not one.
    static func separators(_ term: Term) -> [[Int]]? {
        guard let items = term.listElements else { return nil }
        var out: [[Int]] = []
        for item in items {
            switch item {
            case .int(let c): out.append([c])
            default:
                guard let cd = CharData(item) else { return nil }
                out.append(cd.codes)
            }
        }
        return out
    }

    /// `unicode_util:whitespace()`: what `string:trim/1` removes.
    static let whitespace: [[Int]] = [[13, 10], [9], [10], [11], [12], [13], [32], [133], [8206], [8207], [8232], [8233]]
}
