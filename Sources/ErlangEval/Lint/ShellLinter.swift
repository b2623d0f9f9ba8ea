import ErlangSyntax

/// Checks one shell expression before it runs, as erl's shell does by
/// handing each top-level expression to erl_lint with the current
/// bindings: a variable used where it is not bound (`variable 'X' is
/// unbound`), or bound in only some branches of a construct (`variable 'Y'
/// unsafe in 'case' (line 1, column 10)`), or a catch clause's stacktrace
/// variable used in its guard; an undefined record or field, an unknown
/// bit type. The first problem in erl_lint's walking
/// order is thrown as an `EvalDiagnostic`; nothing of the expression runs.
///
/// The walk recurses over the tree the parser built, whose nesting the
/// parser bounds.
///
/// Split: this file holds the entry point, scopes and variable uses;
/// `ShellLinter+Exprs` walks expressions and patterns; `ShellLinter+Clauses`
/// walks clauses and the constructs that make variables unsafe.
public struct ShellLinter {
    /// Whether a name is bound by the shell's bindings.
    let isBoundOutside: (String) -> Bool
    /// The form's tokens, for the location of a construct's keyword.
    let tokens: [Token]
    /// The field names of each record the shell knows.
    let recordFields: (String) -> [String]?

    /// Where a variable became unsafe: the construct (`case`, `try`, ...) and its keyword's location.
    struct Unsafe {
        let construct: String
        let location: SourceLocation
    }

    /// The variables known at one point of the walk, beyond the shell's bindings.
    struct Scope {
        /// Names bound inside the expression so far.
        var bound: Set<String> = []
        /// Names bound in only some branches of an earlier construct.
        var unsafe: [String: Unsafe] = [:]

        /// Binds `name` (a new binding is no longer unsafe).
        mutating func bind(_ name: String) {
            bound.insert(name)
            unsafe[name] = nil
        }
    }

    /// Checks `expr`, a top-level shell expression, given the names the
    /// shell has bound; throws the first problem erl_lint would report.
    /// `tokens` are the form's tokens (used to locate keywords).
    public static func check(_ expr: Expr, tokens: [Token], records: RecordTable,
                             isBound: @escaping (String) -> Bool) throws(EvalDiagnostic) {
        let linter = ShellLinter(isBoundOutside: isBound, tokens: tokens, recordFields: { records.fields(of: $0) })
        var scope = Scope()
        try linter.expr(expr, &scope)
    }

    /// Whether `name` is bound at this point.
    func isBound(_ name: String, _ scope: Scope) -> Bool {
        scope.bound.contains(name) || (scope.unsafe[name] == nil && isBoundOutside(name))
    }

    /// A use of variable `name` at `location` as a value.
    func use(_ name: String, at location: SourceLocation, _ scope: Scope) throws(EvalDiagnostic) {
        if name != "_", isBound(name, scope) { return }
        if let unsafe = scope.unsafe[name] {
            throw EvalDiagnostic("variable '\(name)' unsafe in '\(unsafe.construct)' "
                + "(line \(unsafe.location.line), column \(unsafe.location.column))", at: location)
        }
        throw EvalDiagnostic("variable '\(name)' is unbound", at: location)
    }

    /// The location of the nearest `keyword` token before `location`
    /// (the keyword of the construct that holds `location`); the form's
    /// first token when there is none.
    func keywordLocation(_ keyword: String, before location: SourceLocation?) -> SourceLocation {
        tokenLocation(.keyword(keyword), before: location)
    }

    /// The location of the first token of `kind` after `location` (the
    /// first in the form when `location` is `nil`); the form's first
    /// token when there is none.
    func tokenLocation(_ kind: Token.Kind, after location: SourceLocation?) -> SourceLocation {
        for token in tokens where token.kind == kind {
            if let location, !location.isBefore(token.location) { continue }
            return token.location
        }
        return tokens.first?.location ?? SourceLocation(line: 1, column: 1)
    }

    /// The location of the nearest token of `kind` before `location` (the
    /// last in the form when `location` is `nil`); the form's first token
    /// when there is none.
    func tokenLocation(_ kind: Token.Kind, before location: SourceLocation?) -> SourceLocation {
        var found: SourceLocation?
        for token in tokens {
            if let location, !token.location.isBefore(location) { break }
            if token.kind == kind { found = token.location }
        }
        return found ?? tokens.first?.location ?? SourceLocation(line: 1, column: 1)
    }
}

extension SourceLocation {
    /// Whether this location comes before `other` in the text.
    func isBefore(_ other: SourceLocation) -> Bool {
        line < other.line || line == other.line && column < other.column
    }
}
