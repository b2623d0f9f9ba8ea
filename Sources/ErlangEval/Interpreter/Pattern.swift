import ErlangSyntax
import ErlangTerms

/// A pattern, compiled once from its syntax when the code around it
/// compiles: literals are already terms (an atom is interned here, not at
/// every match), `_` is told apart from variables, and the shape of each
/// pattern is decided up front. `Interpreter.bind(_:_:_:)` runs it.
///
/// What still needs the bindings of the match stays an expression: map
/// keys, binary segment sizes and constant arithmetic (`-1`, `2 + 3`) are
/// evaluated as guard expressions when the pattern runs. A pattern that
/// is not legal compiles to `.illegal`, which raises erl's error only if
/// the pattern is ever matched (as the syntax-walking matcher did).
indirect enum Pattern: Sendable {
    /// `_`: matches anything, binds nothing.
    case wildcard
    /// A variable: binds when unbound, else compares.
    case variable(Variable)
    /// A literal: the value must be equal.
    case literal(Term)
    /// `{P1, ..., Pn}`.
    case tuple([Pattern])
    /// `[P1, ..., Pn | Tail]`; a missing tail means `[]`.
    case list([Pattern], tail: Pattern?)
    /// `P1 = P2`: both match the same value.
    case both(Pattern, Pattern)
    /// `#{K := P, ...}`: each key (a guard expression) must be present.
    case map([(key: MapPatternKey, value: Pattern)])
    /// `<<Segments>>`.
    case binary([SegmentPattern])
    /// `"abc" ++ Rest`.
    case codesPrefix([Int], rest: Pattern)
    /// `[P1, P2] ++ Rest`.
    case listPrefix([Pattern], rest: Pattern)
    /// Constant arithmetic, evaluated as a guard expression.
    case constant(Expr)
    /// `#name{field = P, ...}` (the record's layout is looked up when it runs).
    case record(name: String, fields: [(name: String, value: Pattern)])
    /// Not a pattern: matching it raises `illegal pattern`.
    case illegal

    /// One segment of a binary pattern.
    struct SegmentPattern: Sendable {
        let value: Pattern
        let size: Expr?
        /// The segment's type, or the error its specifiers give.
        let spec: Result<SegmentSpec, EvalDiagnostic>
    }

    /// Compiles the pattern `e`.
    init(_ e: Expr) {
        switch e {
        case .variable(let name, _):
            self = name == "_" ? .wildcard : .variable(Variable(name))
        case .integer, .bigInteger, .float, .atom, .char, .string:
            self = .literal(Pattern.literal(e))
        case .tuple(let patterns):
            self = .tuple(patterns.map(Pattern.init))
        case .list(let patterns, let tail):
            self = .list(patterns.map(Pattern.init), tail: tail.map(Pattern.init))
        case .match(let left, let right, _):
            self = .both(Pattern(left), Pattern(right))
        case .map(nil, let fields):
            self = .map(fields.map { (key: MapPatternKey($0.key), value: Pattern($0.value)) })
        case .binary(let segments):
            self = .binary(segments.map { segment in
                SegmentPattern(value: Pattern(segment.value), size: segment.size,
                               spec: Result { () throws(EvalDiagnostic) in try SegmentSpec(specifiers: segment.specifiers) })
            })
        case .binaryOp("++", let prefix, let rest, _) where Pattern.literalCodes(prefix) != nil:
            self = .codesPrefix(Pattern.literalCodes(prefix) ?? [], rest: Pattern(rest))
        case .binaryOp("++", .list(let prefix, nil), let rest, _):
            self = .listPrefix(prefix.map(Pattern.init), rest: Pattern(rest))
        case .unaryOp, .binaryOp:
            // A pattern's expression has no variables (`-1`, `1 bsl 4`):
            // its value is made once. One that raises keeps raising when
            // it is matched.
            if let value = try? Interpreter().evalGuardExpr(e, Bindings()) {
                self = .literal(value)
            } else {
                self = .constant(e)
            }
        case .record(nil, let name, let fields):
            self = .record(name: name, fields: fields.map { (name: $0.name, value: Pattern($0.value)) })
        default:
            self = .illegal
        }
    }

    /// The codes of a `++` pattern's prefix, when it is one erl takes: a
    /// string, or a list of character and integer literals ending in `[]`
    /// or in such a prefix (`[$a | "b"]`). The parser bounds its length.
    static func literalCodes(_ e: Expr) -> [Int]? {
        switch e {
        case .string(let codes):
            return codes
        case .list(let items, let tail):
            var codes: [Int] = []
            for item in items {
                switch item {
                case .char(let code), .integer(let code): codes.append(code)
                default: return nil
                }
            }
            guard let tail else { return codes }
            return literalCodes(tail).map { codes + $0 }
        default:
            return nil
        }
    }

    /// The term of a literal expression (a number, atom, character or string).
    static func literal(_ e: Expr) -> Term {
        LiteralTerm.term(e) ?? .nil
    }
}

/// A map pattern's key: a constant, made once when the pattern is, or a
/// guard expression evaluated at each match (`#{K := V}` with `K` bound).
enum MapPatternKey: Sendable {
    case constant(Term)
    case expression(Expr)

    /// The key `e`, as a constant when it is a literal.
    init(_ e: Expr) {
        self = LiteralTerm.term(e).map(MapPatternKey.constant) ?? .expression(e)
    }
}
