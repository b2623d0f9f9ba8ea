import ErlangSyntax

/// Clauses and the constructs that bind variables in some branches only:
/// what every branch binds is bound after a case, if or receive; what only
/// some bind is unsafe there, as is whatever a try, a catch or the right
/// side of `andalso`/`orelse` binds.
extension ShellLinter {
    /// Checks a guard sequence (which binds nothing). `stacktrace` is a
    /// catch clause's stacktrace variable, which a guard must not use.
    func guards(_ guards: [[Expr]], _ scope: Scope, stacktrace: String? = nil) throws(EvalDiagnostic) {
        for conjunction in guards {
            for test in conjunction {
                if let stacktrace, let at = Self.use(of: stacktrace, in: test) {
                    throw EvalDiagnostic("stacktrace variable '\(stacktrace)' must not be used in a guard", at: at)
                }
                try guardExpression(test, scope)
            }
        }
    }

    /// Checks one guard test in erl_lint's order: an operator's operands
    /// and a call's arguments before the operator or the function itself
    /// (`1 ++ Y` reports `Y` unbound first), and a construct that is no
    /// guard at all (`catch`, `begin`, a fun) without looking inside it.
    func guardExpression(_ e: Expr, _ scope: Scope) throws(EvalDiagnostic) {
        func all(_ items: [Expr]) throws(EvalDiagnostic) {
            for item in items { try guardExpression(item, scope) }
        }
        switch e {
        case .integer, .bigInteger, .float, .atom, .char, .string, .variable, .recordIndex:
            var inner = scope
            try expr(e, &inner)
        case .tuple(let items):
            try all(items)
        case .list(let items, let tail):
            try all(items)
            if let tail { try guardExpression(tail, scope) }
        case .map(let base, let fields):
            if let base { try guardExpression(base, scope) }
            for field in fields { try all([field.key, field.value]) }
        case .record(nil, let name, let fields):
            try checkRecord(name, fields: fields.map(\.name))
            try all(fields.map(\.value))
        case .binary(let segments):
            for segment in segments {
                try guardExpression(segment.value, scope)
                if let size = segment.size { try guardExpression(size, scope) }
                try checkSegment(segment)
            }
        case .recordAccess(let base, let name, let field):
            try guardExpression(base, scope)
            try checkRecord(name, fields: [field])
        case .binaryOp(let op, let left, let right, let at):
            try guardExpression(left, scope)
            try guardExpression(right, scope)
            if !Interpreter.isGuardOperator(op) { throw EvalDiagnostic("illegal guard expression", at: at) }
        case .unaryOp(_, let operand, _):
            try guardExpression(operand, scope)
        case .call(.atom(let name), let args, let at), .call(.remote(.atom("erlang"), .atom(let name)), let args, let at):
            try all(args)
            if !GuardBIFs.names.contains(name) { throw EvalDiagnostic("illegal guard expression", at: at) }
        case .record(.some(let base), _, _):
            // A record update: reported at its `#`.
            throw EvalDiagnostic("illegal guard expression",
                                 at: tokenLocation(.symbol("#"), after: Self.someLocation(in: base)))
        case .match, .call, .remote, .functionReference, .fun, .caseOf, .ifClauses, .receive,
             .tryCatch, .catchExpr, .block, .listComprehension, .binaryComprehension:
            throw EvalDiagnostic("illegal guard expression", at: illegalGuardLocation(e))
        }
    }

    /// Where erl_lint reports `bad`, the part of a guard that is not
    /// allowed there: a `catch`, `begin` or comprehension at its keyword
    /// or bracket, which the tree keeps no location for.
    func illegalGuardLocation(_ bad: Expr) -> SourceLocation {
        switch bad {
        case .catchExpr(let inner):
            return keywordLocation("catch", before: Self.someLocation(in: inner))
        case .block(let items):
            return keywordLocation("begin", before: items.lazy.compactMap { Self.someLocation(in: $0) }.first)
        case .listComprehension(let template, _):
            return tokenLocation(.symbol("["), before: Self.someLocation(in: template))
        case .binaryComprehension(let template, _):
            return tokenLocation(.symbol("<<"), before: Self.someLocation(in: template))
        default:
            return Interpreter.illegalGuardLocation(bad)
        }
    }

    /// Checks one clause, starting from `scope`; answers the scope at its end.
    func clause(_ c: Clause, _ scope: Scope, fresh: Bool = false, stacktrace: String? = nil) throws(EvalDiagnostic) -> Scope {
        var inner = scope
        for p in c.patterns { try pattern(p, &inner, fresh: fresh) }
        try guards(c.guards, inner, stacktrace: stacktrace)
        try body(c.body, &inner)
        return inner
    }

    /// A fun's clauses: head variables are new ones; nothing leaves the fun.
    func funClauses(_ name: String?, _ clauses: [Clause], _ scope: Scope) throws(EvalDiagnostic) {
        var outer = scope
        if let name { outer.bind(name) }
        for c in clauses { _ = try clause(c, outer, fresh: true) }
    }

    /// The clauses of a case, if or receive (with `extra`, the scopes of
    /// other branches such as a receive's `after`): a name every branch
    /// binds is bound after; one only some bind is unsafe.
    func branches(_ clauses: [Clause], _ scope: inout Scope, _ construct: Unsafe, extra: [Scope] = []) throws(EvalDiagnostic) {
        var ends: [Scope] = []
        for c in clauses { ends.append(try clause(c, scope)) }
        ends += extra
        guard let first = ends.first else { return }
        let everywhere = first.bound.filter { name in ends.allSatisfy { $0.bound.contains(name) } }
        markUnsafe(bornIn: ends, of: &scope, construct)
        for name in everywhere where !scope.bound.contains(name) { scope.bind(name) }
    }

    /// Marks as unsafe in `scope` each name bound in one of `inner` but not
    /// in `scope` (keeping an earlier reason), and carries their own unsafe names out.
    func markUnsafe(bornIn inner: [Scope], of scope: inout Scope, _ construct: Unsafe) {
        for end in inner {
            for name in end.bound where !scope.bound.contains(name) && scope.unsafe[name] == nil {
                scope.unsafe[name] = construct
            }
            for (name, reason) in end.unsafe where !scope.bound.contains(name) && scope.unsafe[name] == nil {
                scope.unsafe[name] = reason
            }
        }
    }

    /// `receive Clauses after Timeout -> Body end`: erl_lint checks the
    /// timeout and its body first; the body is one more branch.
    func receive(_ clauses: [Clause], _ after: ReceiveAfter?, _ scope: inout Scope) throws(EvalDiagnostic) {
        var extra: [Scope] = []
        var afterLocation: SourceLocation?
        if let after {
            var inner = scope
            try expr(after.timeout, &inner)
            try body(after.body, &inner)
            extra.append(inner)
            afterLocation = Self.someLocation(in: after.timeout)
        }
        let at = keywordLocation("receive", before: clauses.first?.location ?? afterLocation)
        try branches(clauses, &scope, Unsafe(construct: "receive", location: at), extra: extra)
    }

    /// `try Body of Clauses catch Clauses after Body end`: the `of` clauses
    /// see what the body bound; the catch clauses and `after` do not (those
    /// names are unsafe there); everything bound inside is unsafe after.
    func tryCatch(_ tryBody: [Expr], _ ofClauses: [Clause], _ catchClauses: [Clause], _ after: [Expr],
                  _ scope: inout Scope) throws(EvalDiagnostic) {
        let anchor = tryBody.lazy.compactMap { Self.someLocation(in: $0) }.first
            ?? ofClauses.first?.location ?? catchClauses.first?.location
        let construct = Unsafe(construct: "try", location: keywordLocation("try", before: anchor))
        var inside = scope
        try body(tryBody, &inside)
        var ends: [Scope] = []
        for c in ofClauses { ends.append(try clause(c, inside)) }
        var handlers = scope
        markUnsafe(bornIn: [inside], of: &handlers, construct)
        for c in catchClauses {
            var stacktrace: String?
            if case .tuple(let parts)? = c.patterns.first, parts.count == 3, case .variable(let name, _) = parts[2], name != "_" {
                stacktrace = name
            }
            ends.append(try clause(c, handlers, stacktrace: stacktrace))
        }
        var afterScope = handlers
        try body(after, &afterScope)
        markUnsafe(bornIn: [inside] + ends + [afterScope], of: &scope, construct)
    }

    /// Where guard test `e` uses variable `name`, if it does.
    static func use(of name: String, in e: Expr) -> SourceLocation? {
        switch e {
        case .variable(let v, let at):
            return v == name ? at : nil
        case .tuple(let items):
            return items.lazy.compactMap { use(of: name, in: $0) }.first
        case .list(let items, let tail):
            return items.lazy.compactMap { use(of: name, in: $0) }.first ?? tail.flatMap { use(of: name, in: $0) }
        case .binaryOp(_, let l, let r, _):
            return use(of: name, in: l) ?? use(of: name, in: r)
        case .unaryOp(_, let operand, _):
            return use(of: name, in: operand)
        case .call(_, let arguments, _):
            return arguments.lazy.compactMap { use(of: name, in: $0) }.first
        case .map(let base, let fields):
            return base.flatMap { use(of: name, in: $0) }
                ?? fields.lazy.compactMap { use(of: name, in: $0.key) ?? use(of: name, in: $0.value) }.first
        case .record(let base, _, let fields):
            return base.flatMap { use(of: name, in: $0) } ?? fields.lazy.compactMap { use(of: name, in: $0.value) }.first
        case .recordAccess(let base, _, _):
            return use(of: name, in: base)
        case .binary(let segments):
            return segments.lazy.compactMap { use(of: name, in: $0.value) ?? $0.size.flatMap { use(of: name, in: $0) } }.first
        case .integer, .bigInteger, .float, .atom, .char, .string, .recordIndex, .match, .remote, .functionReference,
             .fun, .caseOf, .ifClauses, .receive, .tryCatch, .catchExpr, .block, .listComprehension,
             .binaryComprehension:
            return nil
        }
    }
}
