import ErlangRuntime
import ErlangTerms

/// The `string` module. Mirrors OTP 25's `string.erl`: the Unicode API
/// (`length/1`, `trim/3`, `split/3`, ... on chardata, counting grapheme
/// clusters, answering a binary for a binary and a list otherwise) and the
/// old list API (`tokens/2`, `substr/3`, `strip/3`, ..., on flat lists).
///
/// Split: this file holds the table and the searching functions (`split`,
/// `replace`, `find`, `prefix`, `lexemes`); `+Graphemes` the ones that
/// count or cut grapheme clusters (`length`, `slice`, `pad`, `trim`,
/// `take`, case mapping, `to_integer`); `+Legacy` the old list API.
enum StringModule {
    /// The exported functions.
    static let functions: FunctionTable = searching + graphemeFunctions + legacy

    /// The chardata argument; for one that is not, `function_clause` (erl
    /// raises it deeper inside `unicode_util`, so the frame names only the call).
    static func text(_ term: Term, _ function: String, _ args: [Term]) throws -> CharData {
        guard let cd = CharData(term) else {
            throw ErlangException(.error, .atom(.functionClause),
                                  stacktrace: [ErlangProcess.frame(Atom("string"), Atom(function), .list(args))])
        }
        return cd
    }

    /// A direction atom (`leading`, `trailing`, `all`, `both`), or `nil`.
    static func direction(_ term: Term) -> String? { term.atomValue?.text }

    /// The start indices of `needle` in `haystack` (code points), left to right;
    /// `overlapping` lets a match start inside the previous one.
    static func matches(_ needle: [Int], in haystack: [Int], overlapping: Bool) -> [Int] {
        guard !needle.isEmpty, needle.count <= haystack.count else { return [] }
        var out: [Int] = []
        var i = 0
        while i + needle.count <= haystack.count {
            if haystack[i] == needle[0], Array(haystack[i..<i + needle.count]) == needle {
                out.append(i)
                i += overlapping ? 1 : needle.count
            } else {
                i += 1
            }
        }
        return out
    }

    static let searching: FunctionTable = [
        bif("split", 2, { _, a in try split(a[0], a[1], "leading", a) }),
        bif("split", 3, { _, a in
            guard let where_ = direction(a[2]), ["leading", "trailing", "all"].contains(where_) else {
                throw StdlibError.functionClause("string", "split_1", a, line: 1208)
            }
            return try split(a[0], a[1], where_, a)
        }),
        bif("replace", 3, { _, a in
            .list(try split(a[0], a[1], "leading", a).listElements.map { joined($0, a[2]) } ?? [])
        }),
        bif("replace", 4, { _, a in
            guard let where_ = direction(a[3]), ["leading", "trailing", "all"].contains(where_) else {
                throw StdlibError.functionClause("string", "split_1", a, line: 1208)
            }
            return .list(try split(a[0], a[1], where_, a).listElements.map { joined($0, a[2]) } ?? [])
        }),
        bif("find", 2, { _, a in try find(a[0], a[1], trailing: false, a) }),
        bif("find", 3, { _, a in
            guard let dir = direction(a[2]), dir == "leading" || dir == "trailing" else {
                throw StdlibError.functionClause("string", "find", a, line: 522)
            }
            return try find(a[0], a[1], trailing: dir == "trailing", a)
        }),
        bif("prefix", 2, { _, a in
            let s = try text(a[0], "prefix", a)
            let prefix = try text(a[1], "prefix", a)
            if prefix.codes.isEmpty { return a[0] }
            guard s.codes.starts(with: prefix.codes) else { return .atom("nomatch") }
            return s.term(Array(s.codes[prefix.codes.count...]))
        }),
        bif("lexemes", 2, { _, a in
            if case .nil = a[0] { return .nil }
            guard let seps = CharData.separators(a[1]) else {
                throw StdlibError.functionClause("string", "lexemes", a, line: 502)
            }
            if seps.isEmpty { return .list([a[0]]) }
            let s = try text(a[0], "lexemes", a)
            return .list(lexemes(s, seps).map { s.term(graphemes: $0) })
        }),
        bif("nth_lexeme", 3, { _, a in
            guard case .int(let n) = a[1], n > 0, let seps = CharData.separators(a[2]) else {
                throw StdlibError.functionClause("string", "nth_lexeme", a, line: 513)
            }
            if n == 1, seps.isEmpty { return a[0] }
            let s = try text(a[0], "nth_lexeme", a)
            let all = lexemes(s, seps)
            return n <= all.count ? s.term(graphemes: all[n - 1]) : s.term([])
        }),
    ]

    /// `split/3`: the parts around the first (`leading`), last (`trailing`)
    /// or every (`all`) occurrence of the pattern; `[String]` when there is none.
    static func split(_ string: Term, _ pattern: Term, _ where_: String, _ args: [Term]) throws -> Term {
        let needle = try text(pattern, "split", args).codes
        if needle.isEmpty { return .list([string]) }
        let s = try text(string, "split", args)
        let found = matches(needle, in: s.codes, overlapping: where_ == "trailing")
        guard let first = found.first, let last = found.last else { return .list([string]) }
        switch where_ {
        case "leading":
            return .list([s.term(Array(s.codes[..<first])), s.term(Array(s.codes[(first + needle.count)...]))])
        case "trailing":
            return .list([s.term(Array(s.codes[..<last])), s.term(Array(s.codes[(last + needle.count)...]))])
        default:
            var parts: [Term] = []
            var start = 0
            for m in found {
                parts.append(s.term(Array(s.codes[start..<m])))
                start = m + needle.count
            }
            parts.append(s.term(Array(s.codes[start...])))
            return .list(parts)
        }
    }

    /// `lists:join(Separator, Parts)`.
    static func joined(_ parts: [Term], _ separator: Term) -> [Term] {
        var out: [Term] = []
        for (i, part) in parts.enumerated() {
            if i > 0 { out.append(separator) }
            out.append(part)
        }
        return out
    }

    /// `find/3`: the rest of the string from the first or last match, or `nomatch`.
    static func find(_ string: Term, _ pattern: Term, trailing: Bool, _ args: [Term]) throws -> Term {
        let needle = try text(pattern, "find", args).codes
        if needle.isEmpty { return string }
        let s = try text(string, "find", args)
        let found = matches(needle, in: s.codes, overlapping: true)
        guard let at = trailing ? found.last : found.first else { return .atom("nomatch") }
        return s.term(Array(s.codes[at...]))
    }

    /// The non-empty runs of graphemes between separator graphemes.
    static func lexemes(_ s: CharData, _ seps: [[Int]]) -> [[[Int]]] {
        var out: [[[Int]]] = []
        var current: [[Int]] = []
        for g in s.graphemes {
            if seps.contains(g) {
                if !current.isEmpty { out.append(current) }
                current = []
            } else {
                current.append(g)
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }
}
