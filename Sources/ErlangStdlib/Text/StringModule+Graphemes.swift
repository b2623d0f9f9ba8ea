import ErlangRuntime
import ErlangTerms

/// The `string` functions that count, cut or map grapheme clusters.
extension StringModule {
    static let graphemeFunctions: FunctionTable = [
        bif("length", 1, { _, a in .int(try text(a[0], "length", a).graphemes.count) }),
        bif("is_empty", 1, { _, a in .bool(isEmpty(a[0])) }),
        bif("to_graphemes", 1, { _, a in .list(try text(a[0], "to_graphemes", a).graphemes.map(CharData.graphemeTerm)) }),
        bif("reverse", 1, { _, a in .list(try text(a[0], "reverse", a).graphemes.reversed().map(CharData.graphemeTerm)) }),
        bif("equal", 2, { _, a in try equal(a[0], a[1], ignoreCase: false, canonical: false, a) }),
        bif("equal", 3, { _, a in
            guard let ignoreCase = a[2].boolValue else { throw StdlibError.functionClause("string", "equal", a, line: 151) }
            return try equal(a[0], a[1], ignoreCase: ignoreCase, canonical: false, a)
        }),
        bif("equal", 4, { _, a in
            guard let ignoreCase = a[2].boolValue, let norm = direction(a[3]),
                  ["none", "nfc", "nfd", "nfkc", "nfkd"].contains(norm) else {
                throw StdlibError.functionClause("string", "equal", a, line: 162)
            }
            return try equal(a[0], a[1], ignoreCase: ignoreCase, canonical: norm != "none", a)
        }),
        bif("slice", 2, { _, a in
            guard case .int(let n) = a[1], n >= 0 else { throw StdlibError.functionClause("string", "slice", a, line: 184) }
            let s = try text(a[0], "slice", a)
            return s.term(graphemes: s.graphemes.dropFirst(n))
        }),
        bif("slice", 3, { _, a in
            if a[2] == .int(0) { return a[0].isBinaryTerm ? .binary([UInt8]()) : .nil }
            guard case .int(let n) = a[1], n >= 0 else { throw StdlibError.functionClause("string", "slice", a, line: 191) }
            let s = try text(a[0], "slice", a)
            let rest = s.graphemes.dropFirst(n)
            if a[2] == .atom(.infinity) { return s.term(graphemes: rest) }
            guard case .int(let length) = a[2], length > 0 else {
                throw StdlibError.functionClause("string", "slice", a, line: 191)
            }
            return s.term(graphemes: rest.prefix(length))
        }),
        bif("pad", 2, { _, a in try pad(a[0], a[1], "trailing", .int(32), a) }),
        bif("pad", 3, { _, a in try pad(a[0], a[1], direction(a[2]) ?? "", .int(32), a) }),
        bif("pad", 4, { _, a in try pad(a[0], a[1], direction(a[2]) ?? "", a[3], a) }),
        bif("trim", 1, { _, a in try trim(a[0], "both", CharData.whitespace, a) }),
        bif("trim", 2, { _, a in try trim(a[0], direction(a[1]) ?? "", CharData.whitespace, a) }),
        bif("trim", 3, { _, a in
            guard let seps = CharData.separators(a[2]) else { throw StdlibError.functionClause("string", "trim", a, line: 262) }
            return try trim(a[0], direction(a[1]) ?? "", seps, a)
        }),
        bif("chomp", 1, { _, a in try trim(a[0], "trailing", [[13, 10], [10]], a) }),
        bif("take", 2, { _, a in try take(a[0], a[1], complement: false, trailing: false, a) }),
        bif("take", 3, { _, a in
            guard let complement = a[2].boolValue else { throw StdlibError.functionClause("string", "take", a, line: 295) }
            return try take(a[0], a[1], complement: complement, trailing: false, a)
        }),
        bif("take", 4, { _, a in
            guard let complement = a[2].boolValue, let dir = direction(a[3]), dir == "leading" || dir == "trailing" else {
                throw StdlibError.functionClause("string", "take", a, line: 301)
            }
            return try take(a[0], a[1], complement: complement, trailing: dir == "trailing", a)
        }),
        bif("uppercase", 1, { _, a in try mapCase(a[0], "uppercase") { $0.properties.uppercaseMapping } }),
        bif("lowercase", 1, { _, a in try mapCase(a[0], "lowercase") { $0.properties.lowercaseMapping } }),
        bif("casefold", 1, { _, a in
            try mapCase(a[0], "casefold") { casefolded(String($0)) }
        }),
        bif("titlecase", 1, { _, a in
            let s = try text(a[0], "titlecase", a)
            guard let first = s.codes.first, let scalar = Unicode.Scalar(UInt32(first)) else { return a[0] }
            let mapped = scalar.properties.titlecaseMapping.unicodeScalars.map { Int($0.value) }
            return s.term(mapped + s.codes.dropFirst())
        }),
        bif("to_integer", 1, { _, a in
            guard let s = CharData(a[0]) else { return .tuple([.atom(.error), .atom(.badarg)]) }
            let head = s.codes.prefix { (43...57).contains($0) && $0 != 44 && $0 != 46 && $0 != 47 }
            guard !head.isEmpty else { return .tuple([.atom(.error), .atom("no_integer")]) }
            guard let (value, used) = IntegerText.parsePrefix(Array(head)) else {
                return .tuple([.atom(.error), .atom("no_integer")])
            }
            return .tuple([value, s.term(Array(s.codes[used...]))])
        }),
        bif("to_float", 1, { _, a in
            guard let s = CharData(a[0]) else { return .tuple([.atom(.error), .atom(.badarg)]) }
            let head = Array(s.codes.prefix { (43...57).contains($0) && $0 != 47 || $0 == 101 || $0 == 69 })
            guard let used = FloatText.floatPrefixLength(head), let f = FloatText.double(head[0..<used]) else {
                return .tuple([.atom(.error), .atom("no_float")])
            }
            return .tuple([.float(f), s.term(Array(s.codes[used...]))])
        }),
        bif("next_grapheme", 1, { _, a in
            let s = try text(a[0], "next_grapheme", a)
            guard let g = s.graphemes.first else { return .nil }
            return .cons(CharData.graphemeTerm(g), s.term(Array(s.codes[g.count...])))
        }),
        bif("next_codepoint", 1, { _, a in
            let s = try text(a[0], "next_codepoint", a)
            guard let c = s.codes.first else { return .nil }
            return .cons(.int(c), s.term(Array(s.codes.dropFirst())))
        }),
    ]

    /// `is_empty/1`: `[]`, `<<>>`, or lists of those.
    static func isEmpty(_ term: Term) -> Bool {
        var stack = [term]
        while let t = stack.popLast() {
            switch t {
            case .nil: continue
            case .binary(let b) where b.bitCount == 0: continue
            case .cons(let cell):
                stack.append(cell.tail)
                stack.append(cell.head)
            case .int, .bigInt, .float, .atom, .tuple, .map, .binary, .pid, .ref, .fun:
                return false
            }
        }
        return true
    }

    static func equal(_ x: Term, _ y: Term, ignoreCase: Bool, canonical: Bool, _ args: [Term]) throws -> Term {
        var a = try text(x, "equal", args).string
        var b = try text(y, "equal", args).string
        if ignoreCase {
            a = casefolded(a)
            b = casefolded(b)
        }
        // Swift's `==` on strings is canonical equivalence (what nfc/nfd compare).
        if canonical { return .bool(a == b) }
        return .bool(a.unicodeScalars.elementsEqual(b.unicodeScalars))
    }

    static func casefolded(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.flatMap { scalar in
            scalar.properties.uppercaseMapping.unicodeScalars.flatMap { $0.properties.lowercaseMapping.unicodeScalars }
        }))
    }

    /// `pad/4`: `[CD | Padding]`, `[Padding, CD]` or `[Pre, CD, Pre | Post]`.
    static func pad(_ cd: Term, _ length: Term, _ dir: String, _ char: Term, _ args: [Term]) throws -> Term {
        guard case .int(let n) = length, ["leading", "trailing", "both"].contains(dir) else {
            throw StdlibError.functionClause("string", "pad", args, line: 224)
        }
        let width = try text(cd, "pad", args).graphemes.count
        let count = n > width ? n - width : 0
        try ResourceLimits.checkElements(count)
        func padding(_ k: Int) -> Term { .list(Array(repeating: char, count: k)) }
        switch dir {
        case "leading": return .list([padding(count), cd])
        case "trailing": return .cons(cd, padding(count))
        default:
            let pre = padding(count / 2)
            return .list([pre, cd, pre], tail: count % 2 == 1 ? .list([char]) : .nil)
        }
    }

    /// `trim/3`: drops separator graphemes from the start, the end, or both.
    static func trim(_ string: Term, _ dir: String, _ seps: [[Int]], _ args: [Term]) throws -> Term {
        guard ["leading", "trailing", "both"].contains(dir) else {
            throw StdlibError.functionClause("string", "trim", args, line: 262)
        }
        if seps.isEmpty { return string }
        let s = try text(string, "trim", args)
        let gs = s.graphemes
        var start = 0
        var end = gs.count
        if dir != "trailing" { while start < end, seps.contains(gs[start]) { start += 1 } }
        if dir != "leading" { while end > start, seps.contains(gs[end - 1]) { end -= 1 } }
        return s.term(graphemes: gs[start..<end])
    }

    /// `take/4`: `{Taken, Rest}` from the start, or `{Rest, Taken}` from the end.
    static func take(_ string: Term, _ sepsTerm: Term, complement: Bool, trailing: Bool, _ args: [Term]) throws -> Term {
        guard let seps = CharData.separators(sepsTerm) else {
            throw StdlibError.functionClause("string", "take", args, line: 301)
        }
        let s = try text(string, "take", args)
        let gs = s.graphemes
        func taken(_ g: [Int]) -> Bool { seps.contains(g) != complement }
        if trailing {
            var i = gs.count
            while i > 0, taken(gs[i - 1]) { i -= 1 }
            return .tuple([s.term(graphemes: gs[..<i]), s.term(graphemes: gs[i...])])
        }
        var i = 0
        while i < gs.count, taken(gs[i]) { i += 1 }
        return .tuple([s.term(graphemes: gs[..<i]), s.term(graphemes: gs[i...])])
    }

    /// Maps every code point (`uppercase/1`, ...); unchanged text is returned as it was.
    static func mapCase(_ term: Term, _ function: String, _ mapping: (Unicode.Scalar) -> String) throws -> Term {
        let s = try text(term, function, [term])
        var out: [Int] = []
        out.reserveCapacity(s.codes.count)
        for c in s.codes {
            guard let scalar = Unicode.Scalar(UInt32(c)) else { out.append(c); continue }
            if c < 128 {
                switch function {
                case "uppercase": out.append((97...122).contains(c) ? c - 32 : c)
                case "lowercase", "casefold": out.append((65...90).contains(c) ? c + 32 : c)
                default: out.append(contentsOf: mapping(scalar).unicodeScalars.map { Int($0.value) })
                }
                continue
            }
            out.append(contentsOf: mapping(scalar).unicodeScalars.map { Int($0.value) })
        }
        return out == s.codes ? term : s.term(out)
    }
}

extension Term {
    /// Whether the term is a binary (of whole bytes).
    var isBinaryTerm: Bool {
        if case .binary(let b) = self { return b.isBinary }
        return false
    }
}
