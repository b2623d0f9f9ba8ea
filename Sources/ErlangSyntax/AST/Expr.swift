import BigInt

/// An Erlang expression or pattern (erl_parse uses one tree for both; the
/// evaluator decides what is legal where). Mirrors erl_parse's abstract format.
public indirect enum Expr: Sendable {
    /// An integer literal that fits `Int`.
    case integer(Int)
    /// An integer literal beyond `Int`.
    case bigInteger(BigInt)
    /// A float literal.
    case float(Double)
    /// An atom literal.
    case atom(String)
    /// A character literal `$a`.
    case char(Int)
    /// A string literal, as code points (adjacent literals already joined).
    case string([Int])
    /// A variable (`_` is the anonymous one).
    case variable(String, SourceLocation)
    /// `{A, B}`.
    case tuple([Expr])
    /// `[A, B | Tail]`; `tail` is nil for a proper list (`[]` is `.list([], tail: nil)`).
    case list([Expr], tail: Expr?)
    /// `<<Seg, ...>>`.
    case binary([BinarySegment])
    /// `#{K => V}` (`base` nil) or `Base#{K := V}`.
    case map(base: Expr?, fields: [MapField])
    /// `#r{f = V}` (`base` nil) or `Base#r{f = V}`.
    case record(base: Expr?, name: String, fields: [RecordField])
    /// `Expr#r.f`.
    case recordAccess(Expr, record: String, field: String)
    /// `#r.f`: the field's position.
    case recordIndex(record: String, field: String)
    /// `Pattern = Expr`.
    case match(Expr, Expr, SourceLocation)
    /// A binary operator (`+`, `andalso`, `!`, ...).
    case binaryOp(String, Expr, Expr, SourceLocation)
    /// A prefix operator (`-`, `not`, `bnot`, `+`).
    case unaryOp(String, Expr, SourceLocation)
    /// A call; `function` is `.atom` for a local call, `.remote` for `M:F(...)`, else any expression.
    case call(function: Expr, arguments: [Expr], SourceLocation)
    /// `M:F` in a call's function position.
    case remote(module: Expr, function: Expr)
    /// `fun F/A` (`module` nil) or `fun M:F/A`.
    case functionReference(module: Expr?, function: Expr, arity: Expr)
    /// `fun (...) -> ... end`, or named `fun Name(...) -> ... end`.
    case fun(name: String?, clauses: [Clause])
    /// `case E of ... end`.
    case caseOf(Expr, [Clause])
    /// `if ... end` (clauses with guards only).
    case ifClauses([Clause])
    /// `receive ... after T -> ... end`.
    case receive([Clause], after: ReceiveAfter?)
    /// `try ... of ... catch ... after ... end`.
    case tryCatch(body: [Expr], ofClauses: [Clause], catchClauses: [Clause], after: [Expr])
    /// `catch E`.
    case catchExpr(Expr)
    /// `begin ... end`.
    case block([Expr])
    /// `[E || Qualifiers]`.
    case listComprehension(Expr, [Qualifier])
    /// `<< E || Qualifiers >>`.
    case binaryComprehension(Expr, [Qualifier])
}

/// A clause: patterns, an optional guard sequence and a body.
public struct Clause: Sendable {
    /// The head patterns (one for case/receive/catch, none for if).
    public var patterns: [Expr]
    /// Guard alternatives (`;`), each a conjunction (`,`); empty means `true`.
    public var guards: [[Expr]]
    /// The body expressions.
    public var body: [Expr]
    /// Where the clause starts.
    public var location: SourceLocation
    /// A clause.
    public init(patterns: [Expr], guards: [[Expr]], body: [Expr], location: SourceLocation) {
        self.patterns = patterns
        self.guards = guards
        self.body = body
        self.location = location
    }
}

/// `after Timeout -> Body` of a receive.
public struct ReceiveAfter: Sendable {
    /// The timeout expression.
    public var timeout: Expr
    /// The body run on timeout.
    public var body: [Expr]
    /// An after clause.
    public init(timeout: Expr, body: [Expr]) {
        self.timeout = timeout
        self.body = body
    }
}

/// One segment of a binary: `Value:Size/Type-Specifiers`.
public struct BinarySegment: Sendable {
    /// The value (or pattern).
    public var value: Expr
    /// The size expression, if given.
    public var size: Expr?
    /// Type specifiers such as `binary`, `little`, `signed`, `unit:8` (as `unit:8`).
    public var specifiers: [String]
    /// Set when the segment is one character of a string segment the
    /// source wrote (`<<"ab"/utf8>>`), so that it can be written back as
    /// the source had it; `nil` for a segment written as such.
    public var stringPart: StringSegmentPart?
    /// A segment.
    public init(value: Expr, size: Expr?, specifiers: [String], stringPart: StringSegmentPart? = nil) {
        self.value = value
        self.size = size
        self.specifiers = specifiers
        self.stringPart = stringPart
    }
}

/// The place of a character segment in the string segment it was expanded from.
public enum StringSegmentPart: Sendable {
    /// The first character's segment, with the whole string's characters.
    case head([Int])
    /// A later character's segment.
    case tail
}

/// A map field `K => V` or `K := V`.
public struct MapField: Sendable {
    /// The key.
    public var key: Expr
    /// The value.
    public var value: Expr
    /// `:=` (must exist) rather than `=>`.
    public var isExact: Bool
    /// Where the `=>` or `:=` is (erl_lint reports a misused one there).
    public var operatorLocation: SourceLocation
    /// A field.
    public init(key: Expr, value: Expr, isExact: Bool,
                operatorLocation: SourceLocation = SourceLocation(line: 1, column: 1)) {
        self.key = key
        self.value = value
        self.isExact = isExact
        self.operatorLocation = operatorLocation
    }
}

/// A record field `f = V` (or `_ = V`).
public struct RecordField: Sendable {
    /// The field name (`_` for the catch-all).
    public var name: String
    /// The value.
    public var value: Expr
    /// A field.
    public init(name: String, value: Expr) {
        self.name = name
        self.value = value
    }
}

/// A comprehension qualifier.
public enum Qualifier: Sendable {
    /// `Pattern <- List`.
    case generator(Expr, Expr)
    /// `Pattern <= Binary`.
    case binaryGenerator(Expr, Expr)
    /// A filter expression.
    case filter(Expr)
}
