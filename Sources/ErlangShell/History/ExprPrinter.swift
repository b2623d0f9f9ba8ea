import ErlangSyntax
import ErlangTerms

/// Writes an expression back as Erlang source, the way `h()` lists the
/// history: `X = (1 + 2) * 3`, `lists:seq(1, 3)`, `{1, 2, a}`. Mirrors
/// `erl_pp:exprs/1` for expressions on one line; compound expressions
/// (`case`, `fun`, ...) are written on one line too, where erl_pp breaks them.
enum ExprPrinter {
    /// The expressions of one command, separated as erl writes them.
    static func text(_ exprs: [Expr]) -> String {
        exprs.map { text($0) }.joined(separator: ", ")
    }

    /// One expression, parenthesised where the operators require it.
    static func text(_ e: Expr, minimum: Int = 0) -> String {
        let (body, precedence) = render(e)
        return precedence < minimum ? "(\(body))" : body
    }

    private static func render(_ e: Expr) -> (String, Int) {
        let primary = 1000
        switch e {
        case .integer(let n): return ("\(n)", primary)
        case .bigInteger(let n): return ("\(n)", primary)
        case .float(let d): return (TermWriter.write(.float(d)), primary)
        case .atom(let a): return (AtomText.quoted(a), primary)
        case .char(let c):
            var out = "$"
            StringText.appendEscaped(c, quote: 0x24, encoding: .unicode, to: &out)
            return (out, primary)
        case .string(let codes): return (StringText.quoted(codes), primary)
        case .variable(let name, _): return (name, primary)
        case .tuple(let items): return ("{" + list(items) + "}", primary)
        case .list(let items, let tail):
            // erl_pp writes a tail that is itself a list as more elements
            // (`[1 | [2, 3]]` is `[1, 2, 3]`).
            var elements = items
            var rest = tail
            while case .list(let more, let next)? = rest {
                elements += more
                rest = next
            }
            var out = "[" + list(elements)
            if let rest { out += " | " + text(rest) }
            return (out + "]", primary)
        case .binary(let segments):
            return ("<<" + segments.compactMap(segment).joined(separator: ",") + ">>", primary)
        case .map(let base, let fields):
            let body = fields.map { text($0.key) + ($0.isExact ? " := " : " => ") + text($0.value) }
            return ((base.map { text($0, minimum: 801) } ?? "") + "#{" + body.joined(separator: ", ") + "}", 800)
        case .record(let base, let name, let fields):
            let body = fields.map { "\($0.name) = " + text($0.value) }
            return ((base.map { text($0, minimum: 801) } ?? "") + "#\(AtomText.quoted(name)){" + body.joined(separator: ", ") + "}", 800)
        case .recordAccess(let base, let record, let field):
            return (text(base, minimum: 801) + "#\(AtomText.quoted(record)).\(AtomText.quoted(field))", 800)
        case .recordIndex(let record, let field):
            return ("#\(AtomText.quoted(record)).\(AtomText.quoted(field))", 800)
        case .match(let l, let r, _):
            return (text(l, minimum: 101) + " = " + text(r, minimum: 100), 100)
        case .binaryOp(let op, let l, let r, _):
            let (p, left, right) = precedence(op)
            return (text(l, minimum: left) + " \(op) " + text(r, minimum: right), p)
        case .unaryOp(let op, let operand, _):
            let word = op.first.map { $0.isLetter } ?? false
            return (op + (word ? " " : "") + text(operand, minimum: 700), 700)
        case .call(let function, let arguments, _):
            return (callee(function, arity: arguments.count) + "(" + list(arguments) + ")", 900)
        case .remote(let module, let function):
            return (text(module, minimum: 901) + ":" + text(function, minimum: 901), 900)
        case .functionReference(let module, let function, let arity):
            let name = module.map { text($0) + ":" } ?? ""
            return ("fun " + name + text(function) + "/" + text(arity), primary)
        case .fun(let name, let clauses):
            let body = clauses.map { clause in (name ?? "") + "(" + list(clause.patterns) + ")" + guards(clause.guards) + " -> " + text(clause.body) }
            return ("fun" + (name == nil ? "" : " ") + body.joined(separator: "; ") + " end", primary)
        case .caseOf(let subject, let clauses):
            return ("case " + text(subject) + " of " + clauseList(clauses) + " end", primary)
        case .ifClauses(let clauses):
            let body = clauses.map { guards($0.guards, keyword: "") + " -> " + text($0.body) }
            return ("if " + body.joined(separator: "; ") + " end", primary)
        case .receive(let clauses, let after):
            var out = clauses.isEmpty ? "receive" : "receive " + clauseList(clauses)
            if let after { out += " after " + text(after.timeout) + " -> " + text(after.body) }
            return (out + " end", primary)
        case .tryCatch(let body, let ofClauses, let catchClauses, let after):
            var out = "try " + text(body)
            if !ofClauses.isEmpty { out += " of " + clauseList(ofClauses) }
            if !catchClauses.isEmpty { out += " catch " + clauseList(catchClauses) }
            if !after.isEmpty { out += " after " + text(after) }
            return (out + " end", primary)
        case .catchExpr(let inner):
            return ("catch " + text(inner, minimum: 0), 0)
        case .block(let body):
            return ("begin " + text(body) + " end", primary)
        case .listComprehension(let template, let qualifiers):
            return ("[" + text(template) + " || " + qualifiers.map(qualifier).joined(separator: ", ") + "]", primary)
        case .binaryComprehension(let template, let qualifiers):
            return ("<<" + text(template) + " || " + qualifiers.map(qualifier).joined(separator: ", ") + ">>", primary)
        }
    }

    /// The function a call names, as erl_pp writes it: an auto-imported
    /// BIF called as `erlang:F(...)` is written bare (`error(...)`).
    static func callee(_ function: Expr, arity: Int) -> String {
        if case .remote(.atom("erlang"), .atom(let name)) = function, StackFrame.isAutoImported(name, arity) {
            return AtomText.quoted(name)
        }
        return text(function, minimum: 900)
    }

    private static func list(_ items: [Expr]) -> String { items.map { text($0) }.joined(separator: ", ") }

    /// A segment as erl_pp writes it; a string segment the parser expanded
    /// is written once, as the string (`nil` for its later characters).
    private static func segment(_ s: BinarySegment) -> String? {
        var out: String
        switch s.stringPart {
        case .head(let codes): out = StringText.quoted(codes)
        case .tail: return nil
        case nil: out = text(s.value, minimum: 900)
        }
        if let size = s.size { out += ":" + text(size, minimum: 900) }
        if !s.specifiers.isEmpty { out += "/" + s.specifiers.joined(separator: "-") }
        return out
    }

    private static func guards(_ g: [[Expr]], keyword: String = " when ") -> String {
        guard !g.isEmpty else { return keyword.isEmpty ? "true" : "" }
        return keyword + g.map { list($0) }.joined(separator: "; ")
    }

    private static func clauseList(_ clauses: [Clause]) -> String {
        clauses.map { list($0.patterns) + guards($0.guards) + " -> " + text($0.body) }.joined(separator: "; ")
    }

    private static func qualifier(_ q: Qualifier) -> String {
        switch q {
        case .generator(let p, let e): return text(p) + " <- " + text(e)
        case .binaryGenerator(let p, let e): return text(p) + " <= " + text(e)
        case .filter(let e): return text(e)
        }
    }

    /// An operator's precedence and the least precedence of its left and
    /// right operands that needs no parentheses (erl_parse's table).
    static func precedence(_ op: String) -> (Int, Int, Int) {
        switch op {
        case "!": return (100, 101, 100)
        case "orelse": return (160, 161, 160)
        case "andalso": return (200, 201, 200)
        case "==", "/=", "=<", "<", ">=", ">", "=:=", "=/=": return (300, 301, 301)
        case "++", "--": return (400, 401, 400)
        case "+", "-", "bor", "bxor", "bsl", "bsr", "or", "xor": return (500, 500, 501)
        default: return (600, 600, 601)
        }
    }
}
