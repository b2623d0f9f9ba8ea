import ErlangRuntime
import ErlangTerms

/// The old `string` API on flat lists (`len`, `tokens`, `substr`, `strip`,
/// `left`, `join`, `to_upper`, ...), written after string.erl's clauses so
/// that misuse raises the same `function_clause`.
extension StringModule {
    /// `function_clause` in `string:function(args...)` at `line` of string.erl.
    static func clause(_ function: String, _ args: [Term], _ line: Int) -> ErlangException {
        StdlibError.functionClause("string", function, args, line: line)
    }

    /// The elements of a proper list, or `function_clause` in `function`.
    static func elements(_ term: Term, _ function: String, _ args: [Term], _ line: Int) throws -> [Term] {
        guard let items = term.listElements else { throw clause(function, args, line) }
        return items
    }

    static let legacy: FunctionTable = [
        // string:list_to_integer/1: to_integer/1 for lists only (`{error, not_a_list}` otherwise).
        bif("list_to_integer", 1, { _, a in
            guard let items = a[0].listElements else { return .tuple([.atom(.error), .atom("not_a_list")]) }
            var codes: [Int] = []
            for item in items {
                guard case .int(let c) = item else { break }
                codes.append(c)
            }
            guard let (value, used) = IntegerText.parsePrefix(codes) else {
                return .tuple([.atom(.error), .atom("no_integer")])
            }
            return .tuple([value, .list(items[used...])])
        }),
        bif("len", 1, { _, a in
            guard let n = a[0].properListLength else { throw StdlibError.bif(.atom(.badarg), "erlang", "length", a) }
            return .int(n)
        }),
        bif("concat", 2, { _, a in try ListOperators.append(a[0], a[1]) }),
        bif("chr", 2, { _, a in
            guard a[1].isInteger else { throw clause("chr", a, 1799) }
            let items = try elements(a[0], "chr", a, 1802)
            return .int((items.firstIndex(of: a[1]) ?? -1) + 1)
        }),
        bif("rchr", 2, { _, a in
            guard a[1].isInteger else { throw clause("rchr", a, 1810) }
            let items = try elements(a[0], "rchr", a, 1813)
            return .int((items.lastIndex(of: a[1]) ?? -1) + 1)
        }),
        bif("str", 2, { _, a in
            let (s, sub) = (try elements(a[0], "str", a, 1832), try elements(a[1], "str", a, 1829))
            return .int(matches(s, sub).first.map { $0 + 1 } ?? 0)
        }),
        bif("rstr", 2, { _, a in
            let (s, sub) = (try elements(a[0], "rstr", a, 1847), try elements(a[1], "rstr", a, 1844))
            return .int(matches(s, sub).last.map { $0 + 1 } ?? 0)
        }),
        bif("span", 2, { _, a in
            let (s, cs) = (try elements(a[0], "span", a, 1869), try elements(a[1], "span", a, 1866))
            return .int(s.prefix { cs.contains($0) }.count)
        }),
        bif("cspan", 2, { _, a in
            let (s, cs) = (try elements(a[0], "cspan", a, 1883), try elements(a[1], "cspan", a, 1880))
            return .int(s.prefix { !cs.contains($0) }.count)
        }),
        bif("substr", 2, { _, a in try substr(a[0], a[1], nil, a) }),
        bif("substr", 3, { _, a in try substr(a[0], a[1], a[2], a) }),
        bif("sub_string", 2, { _, a in try substr(a[0], a[1], nil, a) }),
        bif("sub_string", 3, { _, a in
            try substr(a[0], a[1], try Arithmetic.add(try Arithmetic.subtract(a[2], a[1]), .int(1)), a)
        }),
        bif("tokens", 2, { _, a in
            let (s, seps) = (try elements(a[0], "tokens", a, 1926), try elements(a[1], "tokens", a, 1926))
            var tokens: [Term] = []
            var current: [Term] = []
            for c in s {
                if seps.contains(c) {
                    if !current.isEmpty { tokens.append(.list(current)) }
                    current = []
                } else {
                    current.append(c)
                }
            }
            if !current.isEmpty { tokens.append(.list(current)) }
            return .list(tokens)
        }),
        bif("chars", 2, { _, a in try chars(a[0], a[1], .nil, a) }),
        bif("chars", 3, { _, a in try chars(a[0], a[1], a[2], a) }),
        bif("copies", 2, { _, a in
            guard a[0].isList, case .int(let n) = a[1], n >= 0, let items = a[0].listElements else {
                throw clause("copies", a, 1996)
            }
            try ResourceLimits.checkElements(n, width: items.count)
            var out: [Term] = []
            for _ in 0..<n { out.append(contentsOf: items) }
            return .list(out)
        }),
        bif("words", 1, { _, a in try words(a[0], .int(32), a) }),
        bif("words", 2, { _, a in try words(a[0], a[1], a) }),
        bif("sub_word", 2, { _, a in try subWord(a[0], a[1], .int(32), a) }),
        bif("sub_word", 3, { _, a in try subWord(a[0], a[1], a[2], a) }),
        bif("strip", 1, { _, a in try strip(a[0], "both", .int(32), a) }),
        bif("strip", 2, { _, a in try strip(a[0], direction(a[1]) ?? "", .int(32), a) }),
        bif("strip", 3, { _, a in try strip(a[0], direction(a[1]) ?? "", a[2], a) }),
        bif("left", 2, { _, a in try justify(a[0], a[1], .int(32), "left", a) }),
        bif("left", 3, { _, a in try justify(a[0], a[1], a[2], "left", a) }),
        bif("right", 2, { _, a in try justify(a[0], a[1], .int(32), "right", a) }),
        bif("right", 3, { _, a in try justify(a[0], a[1], a[2], "right", a) }),
        bif("centre", 2, { _, a in try justify(a[0], a[1], .int(32), "centre", a) }),
        bif("centre", 3, { _, a in try justify(a[0], a[1], a[2], "centre", a) }),
        bif("to_upper", 1, { _, a in try latin1Case(a[0], upper: true, a) }),
        bif("to_lower", 1, { _, a in try latin1Case(a[0], upper: false, a) }),
        bif("join", 2, { _, a in
            guard let parts = a[0].listElements else { throw clause("join", a, 2241) }
            guard parts.count > 1 else { return parts.first ?? .nil }
            var result = Term.nil
            for part in parts.dropFirst().reversed() {
                result = try ListOperators.append(try ListOperators.append(a[1], part), result)
            }
            return try ListOperators.append(parts[0], result)
        }),
    ]

    /// Start positions of `sub` in `s` (for `str/2` and `rstr/2`; an empty `sub` never matches).
    private static func matches(_ s: [Term], _ sub: [Term]) -> [Int] {
        guard !sub.isEmpty, sub.count <= s.count else { return [] }
        return (0...(s.count - sub.count)).filter { i in Array(s[i..<i + sub.count]) == sub }
    }

    /// `substr/2,3`: 1-based; a start past the end is `function_clause` in `substr2`.
    static func substr(_ string: Term, _ start: Term, _ length: Term?, _ args: [Term]) throws -> Term {
        let validLength = length.map { if case .int(let l) = $0 { return l >= 0 } else { return false } } ?? true
        guard case .int(let s) = start, s >= 1, validLength else {
            throw clause("substr", [string, start] + (length.map { [$0] } ?? []), length == nil ? 1898 : 1909)
        }
        if s == 1, length == nil {
            guard string.isList else { throw clause("substr", [string, start], 1898) }
            return string
        }
        var rest = string
        var k = s
        while k > 1 {
            guard case .cons(let cell) = rest else { throw clause("substr2", [rest, .int(k)], 1915) }
            rest = cell.tail
            k -= 1
        }
        guard rest.isList else { throw clause("substr2", [rest, .int(k)], 1915) }
        guard case .int(let l) = length else { return rest }
        var out: [Term] = []
        while out.count < l, case .cons(let cell) = rest {
            out.append(cell.head)
            rest = cell.tail
        }
        return .list(out)
    }

    private static func chars(_ c: Term, _ n: Term, _ tail: Term, _ args: [Term]) throws -> Term {
        guard case .int(let count) = n, count >= 0, count > 0 || c.isInteger else {
            throw clause("chars", [c, n, tail], 1982)
        }
        try ResourceLimits.checkElements(count)
        var out = tail
        for _ in 0..<count { out = .cons(c, out) }
        return out
    }

    /// `strip_left` and `strip_right` of the old API.
    static func stripped(_ items: [Term], _ dir: String, _ char: Term) -> [Term] {
        var start = 0
        var end = items.count
        if dir != "right" { while start < end, items[start] == char { start += 1 } }
        if dir != "left" { while end > start, items[end - 1] == char { end -= 1 } }
        return Array(items[start..<end])
    }

    private static func strip(_ string: Term, _ dir: String, _ char: Term, _ args: [Term]) throws -> Term {
        guard ["left", "right", "both"].contains(dir), char.isInteger else { throw clause("strip", args, 2059) }
        let items = try elements(string, "strip_left", [string, char], 2082)
        return .list(stripped(items, dir, char))
    }

    private static func words(_ string: Term, _ char: Term, _ args: [Term]) throws -> Term {
        guard char.isInteger else { throw clause("words", args, 2017) }
        let items = stripped(try elements(string, "words", args, 2017), "both", char)
        var count = 1
        var i = 0
        while i < items.count {
            if items[i] == char {
                count += 1
                while i < items.count, items[i] == char { i += 1 }
            } else {
                i += 1
            }
        }
        return .int(count)
    }

    private static func subWord(_ string: Term, _ index: Term, _ char: Term, _ args: [Term]) throws -> Term {
        guard case .int(let n) = index, char.isInteger else { throw clause("sub_word", args, 2039) }
        let items = stripped(try elements(string, "sub_word", args, 2039), "left", char)
        var words: [[Term]] = [[]]
        for c in items {
            if c == char {
                if !(words.last?.isEmpty ?? true) { words.append([]) }
            } else {
                words[words.count - 1].append(c)
            }
        }
        guard n >= 1, n <= words.count else { return .nil }
        return .list(words[n - 1])
    }

    /// `left/3`, `right/3`, `centre/3`.
    private static func justify(_ string: Term, _ length: Term, _ char: Term, _ kind: String, _ args: [Term]) throws -> Term {
        guard case .int(let len) = length, char.isInteger else {
            throw clause(kind, args, kind == "left" ? 2112 : kind == "right" ? 2137 : 2164)
        }
        if kind == "centre", len == 0, string.isList { return .nil }
        guard let items = string.listElements else {
            throw StdlibError.bif(.atom(.badarg), "erlang", "length", [string])
        }
        let n = items.count
        if n == len { return string }
        if n > len {
            // Cutting is `substr` as in erl, so a negative length fails there
            // as it does in erl; the start is computed without overflow.
            let count = Term.int(n), wanted = Term.int(len)
            switch kind {
            case "left": return try substr(string, .int(1), wanted, [string, .int(1), wanted])
            case "right":
                let start = try Arithmetic.add(try Arithmetic.subtract(count, wanted), .int(1))
                return try substr(string, start, nil, [string, start])
            default:
                let start = try Arithmetic.add(try Arithmetic.intDiv(try Arithmetic.subtract(count, wanted), .int(2)), .int(1))
                return try substr(string, start, wanted, [string, start, wanted])
            }
        }
        try ResourceLimits.checkElements(len)
        switch kind {
        case "left":
            return .list(items + Array(repeating: char, count: len - n))
        case "right":
            return .list(Array(repeating: char, count: len - n) + items)
        default:
            let before = (len - n) / 2
            return .list(Array(repeating: char, count: before) + items + Array(repeating: char, count: len - n - before))
        }
    }

    /// `to_upper/1` and `to_lower/1`: Latin-1 letters only, on a list or one character.
    private static func latin1Case(_ term: Term, upper: Bool, _ args: [Term]) throws -> Term {
        func convert(_ c: Term) -> Term {
            guard case .int(let x) = c else { return c }
            if upper {
                if (97...122).contains(x) || (0xE0...0xF6).contains(x) || (0xF8...0xFE).contains(x) { return .int(x - 32) }
            } else {
                if (65...90).contains(x) || (0xC0...0xD6).contains(x) || (0xD8...0xDE).contains(x) { return .int(x + 32) }
            }
            return c
        }
        if term.isInteger { return convert(term) }
        guard term.isList else { throw clause(upper ? "to_upper" : "to_lower", args, upper ? 2231 : 2219) }
        let (items, tail) = term.listPrefixAndTail
        guard case .nil = tail else {
            throw StdlibError.raised(.tuple([.atom("bad_generator"), tail]), in: "string",
                                     upper ? "-to_upper/1-lc$^0/1-0-" : "-to_lower/1-lc$^0/1-0-", arity: 1,
                                     line: upper ? 2232 : 2220)
        }
        return .list(items.map(convert))
    }
}
