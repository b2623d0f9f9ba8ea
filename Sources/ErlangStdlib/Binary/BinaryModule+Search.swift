import ErlangRuntime
import ErlangTerms

/// `binary:split/2,3`, `match/2,3`, `matches/2,3` and `replace/3,4`.
///
/// A pattern is a non-empty binary or a non-empty list of them. Matches
/// are found from the left and never overlap; where several patterns match
/// at one position the longest wins (erl's Aho-Corasick and Boyer-Moore
/// searches agree on this). `{scope, {Start, Length}}` limits the search
/// to a part of the subject; positions stay relative to the whole subject.
extension BinaryModule {
    static let search: FunctionTable = [
        bif("split", 2, { _, a in try split(a[0], a[1], .nil) }),
        bif("split", 3, { _, a in try split(a[0], a[1], a[2]) }),
        bif("match", 2, { _, a in try firstMatch(a[0], a[1], .nil) }),
        bif("match", 3, { _, a in try firstMatch(a[0], a[1], a[2]) }),
        bif("matches", 2, { _, a in try allMatches(a[0], a[1], .nil) }),
        bif("matches", 3, { _, a in try allMatches(a[0], a[1], a[2]) }),
        bif("replace", 3, { _, a in try replace(a[0], a[1], a[2], .nil, a) }),
        bif("replace", 4, { _, a in try replace(a[0], a[1], a[2], a[3], a) }),
    ]

    /// A match: its byte offset and length.
    struct Found {
        let start: Int
        let length: Int
    }

    /// The options `split`, `match`, `matches` and `replace` take.
    struct SearchOptions {
        var global = false
        var trim = false
        var trimAll = false
        /// The searched byte range.
        var scope: Range<Int>
        /// `{insert_replaced, N | [N]}`: where the match goes into the replacement.
        var insertAt: [Int] = []
    }

    /// The patterns of a `binary:compile_pattern/1`-style argument, or `badarg`.
    static func patterns(_ term: Term) throws -> [[UInt8]] {
        switch term {
        case .binary(let b) where b.isBinary && !b.bytes.isEmpty:
            return [b.bytes]
        case .cons:
            guard let items = term.listElements else { throw ErlangException.badarg }
            return try items.map { item in
                guard case .binary(let b) = item, b.isBinary, !b.bytes.isEmpty else { throw ErlangException.badarg }
                return b.bytes
            }
        case .binary, .nil, .int, .bigInt, .float, .atom, .tuple, .map, .pid, .ref, .fun:
            throw ErlangException.badarg
        }
    }

    /// Reads the options list (`allowed` names the plain atoms accepted).
    static func options(_ term: Term, size: Int, allowed: Set<String>, replacement: Int? = nil) throws -> SearchOptions {
        guard let items = term.listElements else { throw ErlangException.badarg }
        var o = SearchOptions(scope: 0..<size)
        for item in items {
            switch item {
            case .atom(let a) where allowed.contains(a.text):
                switch a.text {
                case "global": o.global = true
                case "trim": o.trim = true
                default: o.trimAll = true
                }
            case .tuple(let e) where e.count == 2 && e[0] == .atom("scope"):
                guard case .tuple(let range) = e[1], range.count == 2, case .int(let start) = range[0],
                      case .int(let length) = range[1],
                      let (from, to) = ErlangBIFs.byteRange(start: start, length: length, size: size) else {
                    throw ErlangException.badarg
                }
                o.scope = from..<to
            case .tuple(let e) where e.count == 2 && e[0] == .atom("insert_replaced") && replacement != nil:
                let positions = e[1].listElements ?? [e[1]]
                o.insertAt = try positions.map { p in
                    guard case .int(let n) = p, n >= 0, n <= replacement ?? 0 else { throw ErlangException.badarg }
                    return n
                }
            default:
                throw ErlangException.badarg
            }
        }
        return o
    }

    /// Matches in `scope`, leftmost first, longest pattern at a position, not overlapping.
    static func find(_ subject: [UInt8], _ patterns: [[UInt8]], in scope: Range<Int>, all: Bool) -> [Found] {
        var found: [Found] = []
        var i = scope.lowerBound
        while i < scope.upperBound {
            var best = 0
            for p in patterns where p.count > best && p.count <= scope.upperBound - i {
                if subject[i..<(i + p.count)].elementsEqual(p) { best = p.count }
            }
            if best > 0 {
                found.append(Found(start: i, length: best))
                if !all { break }
                i += best
            } else {
                i += 1
            }
        }
        return found
    }

    private static func split(_ subjectTerm: Term, _ patternTerm: Term, _ optionTerm: Term) throws -> Term {
        let subject = try bytes(subjectTerm)
        let pats = try patterns(patternTerm)
        let o = try options(optionTerm, size: subject.count, allowed: ["global", "trim", "trim_all"])
        var parts: [[UInt8]] = []
        var start = 0
        for f in find(subject, pats, in: o.scope, all: o.global) {
            parts.append(Array(subject[start..<f.start]))
            start = f.start + f.length
        }
        parts.append(Array(subject[start...]))
        if o.trimAll {
            parts.removeAll { $0.isEmpty }
        } else if o.trim {
            while parts.last?.isEmpty == true { parts.removeLast() }
        }
        return .list(parts.map { .binary($0) })
    }

    private static func firstMatch(_ subjectTerm: Term, _ patternTerm: Term, _ optionTerm: Term) throws -> Term {
        let subject = try bytes(subjectTerm)
        let pats = try patterns(patternTerm)
        let o = try options(optionTerm, size: subject.count, allowed: [])
        guard let f = find(subject, pats, in: o.scope, all: false).first else { return .atom("nomatch") }
        return .tuple([.int(f.start), .int(f.length)])
    }

    private static func allMatches(_ subjectTerm: Term, _ patternTerm: Term, _ optionTerm: Term) throws -> Term {
        let subject = try bytes(subjectTerm)
        let pats = try patterns(patternTerm)
        let o = try options(optionTerm, size: subject.count, allowed: [])
        return .list(find(subject, pats, in: o.scope, all: true).map { .tuple([.int($0.start), .int($0.length)]) })
    }

    /// `replace/3,4`: every match (the first without `global`) becomes the
    /// replacement, with the match inserted at the `insert_replaced` positions.
    private static func replace(_ subjectTerm: Term, _ patternTerm: Term, _ replacementTerm: Term,
                                _ optionTerm: Term, _ args: [Term]) throws -> Term {
        do {
            let subject = try bytes(subjectTerm)
            let pats = try patterns(patternTerm)
            let replacement = try bytes(replacementTerm)
            let o = try options(optionTerm, size: subject.count, allowed: ["global"], replacement: replacement.count)
            var out: [UInt8] = []
            var start = 0
            let insertAt = o.insertAt.sorted()
            for f in find(subject, pats, in: o.scope, all: o.global) {
                out.append(contentsOf: subject[start..<f.start])
                let matched = subject[f.start..<(f.start + f.length)]
                var r = 0
                for position in insertAt {
                    out.append(contentsOf: replacement[r..<position])
                    out.append(contentsOf: matched)
                    r = position
                }
                out.append(contentsOf: replacement[r...])
                start = f.start + f.length
            }
            out.append(contentsOf: subject[start...])
            return .binary(out)
        } catch {
            throw badargInErlang("replace", args)
        }
    }
}
