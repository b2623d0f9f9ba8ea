import ErlangSyntax
import ErlangTerms

/// Lays out a command across lines the way `h()` shows it, following
/// `erl_pp`: the clauses of `case`, `if`, `receive`, `try` and `fun`
/// each go on their own line with their bodies indented four more,
/// `andalso`/`orelse` chains put each operand and operator on a line, and
/// a call, tuple or list holding such a part puts one element per line
/// under the first. Anything else is written on one line (`ExprPrinter`).
enum ExprLayout {
    /// The command's expressions, the first starting at `column` (0-based).
    static func text(_ exprs: [Expr], column: Int) -> String {
        // erl_pp: when one of them takes several lines, each expression
        // gets lines of its own, all starting at `column`.
        if exprs.count > 1, exprs.contains(where: isMultiline) {
            return exprs.map { lay($0, column: column) }.joined(separator: "," + pad(column))
        }
        var out = ""
        for (i, e) in exprs.enumerated() {
            if i > 0 { out += ", " }
            out += lay(e, column: endColumn(column, out))
        }
        return out
    }

    /// The column after `text` written from `start`.
    static func endColumn(_ start: Int, _ text: String) -> Int {
        if let newline = text.lastIndex(of: "\n") {
            return text[text.index(after: newline)...].unicodeScalars.count
        }
        return start + text.unicodeScalars.count
    }

    private static func pad(_ n: Int) -> String { "\n" + String(repeating: " ", count: max(0, n)) }

    /// `e` starting at `column`.
    static func lay(_ e: Expr, column c: Int) -> String {
        if !isMultiline(e), let broken = brokenForWidth(e, column: c) { return broken }
        switch e {
        case .match(let l, let r, _):
            // erl_pp: a right side that takes several lines starts on the
            // next line, four in, unless `Left =` is narrower than that.
            let left = lay(l, column: c) + " ="
            if isMultiline(r), endColumn(c, left) - c + 1 > 4 {
                return left + pad(c + 4) + lay(r, column: c + 4)
            }
            return left + " " + lay(r, column: endColumn(c, left) + 1)
        case .binaryOp(let op, _, _, _) where op == "andalso" || op == "orelse":
            return chain(e, op: op).map { lay($0, column: c) }.joined(separator: pad(c) + op + pad(c))
        case .binaryOp(let op, let l, let r, _) where isMultiline(l) || isMultiline(r):
            let left = lay(l, column: c) + " \(op) "
            return left + lay(r, column: endColumn(c, left))
        case .caseOf(let subject, let clauses):
            return "case " + ExprPrinter.text(subject) + " of" + clauseLines(clauses, column: c + 4) + pad(c) + "end"
        case .ifClauses(let clauses):
            var out = "if"
            for (i, clause) in clauses.enumerated() {
                out += pad(c + 4) + guardText(clause.guards) + " ->" + body(clause.body, column: c + 8)
                if i < clauses.count - 1 { out += ";" }
            }
            return out + pad(c) + "end"
        case .receive(let clauses, let after):
            // erl_pp: a receive with only an `after` of one expression is
            // one line when it fits.
            if clauses.isEmpty, let after, after.body.count == 1, !isMultiline(after.body[0]),
               c + ExprPrinter.text(e).unicodeScalars.count <= maxLine {
                return ExprPrinter.text(e)
            }
            var out = "receive" + clauseLines(clauses, column: c + 4)
            if let after {
                out += pad(c) + "after" + pad(c + 4) + ExprPrinter.text(after.timeout) + " ->"
                if after.body.count == 1, !isMultiline(after.body[0]) {
                    out += " " + ExprPrinter.text(after.body[0])
                } else {
                    out += body(after.body, column: c + 8)
                }
            }
            return out + pad(c) + "end"
        case .tryCatch(let tryBody, let ofClauses, let catchClauses, let after):
            // erl_pp: a try with no clauses (one expression in its body and
            // in its after) is one line when it fits; with
            // no `of` clauses the body starts on a line of its own.
            if ofClauses.isEmpty, catchClauses.isEmpty, tryBody.count == 1, after.count == 1,
               !(tryBody + after).contains(where: isMultiline),
               c + ExprPrinter.text(e).unicodeScalars.count <= maxLine {
                return ExprPrinter.text(e)
            }
            var out = "try"
            if !ofClauses.isEmpty, tryBody.count == 1, !isMultiline(tryBody[0]) {
                out += " " + ExprPrinter.text(tryBody[0])
            } else {
                out += body(tryBody, column: c + 4)
            }
            if !ofClauses.isEmpty { out += (out.contains("\n") ? pad(c) + "of" : " of") + clauseLines(ofClauses, column: c + 4) }
            if !catchClauses.isEmpty { out += pad(c) + "catch" + clauseLines(catchClauses, column: c + 4, catching: true) }
            if !after.isEmpty { out += pad(c) + "after" + body(after, column: c + 4) }
            return out + pad(c) + "end"
        case .block(let exprs):
            return "begin" + body(exprs, column: c + 4) + pad(c) + "end"
        case .fun(let name, let clauses) where !clauses.isEmpty:
            var out = "fun"
            if let name { out += " " + name }
            // A named fun's later clauses start under its name.
            let clauseColumn = c + (name == nil ? out.count : 4)
            for (i, clause) in clauses.enumerated() {
                if i > 0 { out += ";" + pad(clauseColumn) + (name ?? "") }
                out += "(" + clause.patterns.map { ExprPrinter.text($0) }.joined(separator: ", ") + ")"
                if !clause.guards.isEmpty { out += " when " + guardText(clause.guards) }
                out += " ->" + body(clause.body, column: clauseColumn + 4)
            }
            return out + pad(c) + "end"
        case .call(let function, let arguments, _) where arguments.contains(where: isMultiline):
            let head = ExprPrinter.callee(function, arity: arguments.count) + "("
            return head + elements(arguments, column: c + head.count, separator: ",") + ")"
        case .listComprehension(let template, let qualifiers):
            // erl_pp always breaks a list comprehension.
            var out = "[ " + pad(c + 1) + lay(template, column: c + 1) + " ||"
            for (i, q) in qualifiers.enumerated() {
                out += pad(c + 5) + qualifierText(q)
                if i < qualifiers.count - 1 { out += "," }
            }
            return out + pad(c) + "]"
        case .tuple(let items) where items.contains(where: isMultiline):
            return "{" + elements(items, column: c + 1, separator: ",") + "}"
        case .list(let items, nil) where items.contains(where: isMultiline):
            return "[" + elements(items, column: c + 1, separator: ",") + "]"
        case .integer, .bigInteger, .float, .atom, .char, .string, .variable, .tuple, .list, .binary, .map,
             .record, .recordAccess, .recordIndex, .binaryOp, .unaryOp, .call, .remote, .functionReference, .fun,
             .catchExpr, .binaryComprehension:
            return ExprPrinter.text(e)
        }
    }

    /// erl_pp's line width: a call, tuple, list or match that would end
    /// past it is broken.
    static let maxLine = 72

    /// `e` broken over lines as erl_pp does when written on one line from
    /// column `c` it would not fit in `maxLine`: a call's arguments, a
    /// tuple's or list's elements one a line, under the first; a match's
    /// right side on the next line, four in (unless `Left =` is narrower
    /// than that). `nil` when `e` fits or is not one of those.
    private static func brokenForWidth(_ e: Expr, column c: Int) -> String? {
        guard c + ExprPrinter.text(e).unicodeScalars.count > maxLine else { return nil }
        switch e {
        case .call(let function, let arguments, _) where !arguments.isEmpty:
            let head = ExprPrinter.callee(function, arity: arguments.count) + "("
            return head + elements(arguments, column: endColumn(c, head), separator: ",", closing: ")") + ")"
        case .tuple(let items) where !items.isEmpty:
            return "{" + elements(items, column: c + 1, separator: ",", closing: "}") + "}"
        case .list(let items, nil) where !items.isEmpty:
            return "[" + elements(items, column: c + 1, separator: ",", closing: "]") + "]"
        case .map(let base, let fields) where !fields.isEmpty:
            let head = (base.map { ExprPrinter.text($0, minimum: 801) } ?? "") + "#{"
            let written = fields.map { ExprPrinter.text($0.key) + ($0.isExact ? " := " : " => ") + ExprPrinter.text($0.value) }
            return head + written.joined(separator: "," + pad(endColumn(c, head))) + "}"
        case .record(let base, let name, let fields) where !fields.isEmpty:
            let head = (base.map { ExprPrinter.text($0, minimum: 801) } ?? "") + "#" + AtomText.quoted(name) + "{"
            let written = fields.map { "\($0.name) = " + ExprPrinter.text($0.value) }
            return head + written.joined(separator: "," + pad(endColumn(c, head))) + "}"
        case .string(let codes):
            return stringPieces(codes, column: c).joined(separator: pad(c))
        case .binaryOp(let op, let l, let r, _):
            // Left operand, operator and right operand one a line, each
            // broken in turn if still too wide (unless one needs parentheses).
            let (_, leftMinimum, rightMinimum) = ExprPrinter.precedence(op)
            guard ExprPrinter.text(l, minimum: leftMinimum) == ExprPrinter.text(l),
                  ExprPrinter.text(r, minimum: rightMinimum) == ExprPrinter.text(r) else { return nil }
            return lay(l, column: c) + pad(c) + op + pad(c) + lay(r, column: c)
        case .match(let l, let r, _):
            let left = lay(l, column: c) + " ="
            if endColumn(c, left) - c < 4 { return left + " " + lay(r, column: endColumn(c, left) + 1) }
            return left + pad(c + 4) + lay(r, column: c + 4)
        default:
            return nil
        }
    }

    /// A string too long for the line cut into pieces of as many
    /// characters as fit in the columns left (at least 5), each written
    /// with its quotes, as erl_pp does (`"abc" "def"`, one a line).
    private static func stringPieces(_ codes: [Int], column: Int) -> [String] {
        let room = max(maxLine - column, 5)
        var pieces: [String] = []
        var rest = codes[...]
        while !rest.isEmpty {
            var count = min(room, rest.count)
            var piece = StringText.quoted(rest.prefix(count))
            while piece.unicodeScalars.count > room, count > 5 {
                count -= 1
                piece = StringText.quoted(rest.prefix(count))
            }
            pieces.append(piece)
            rest = rest.dropFirst(count)
        }
        return pieces
    }

    /// Whether `e` is a single token (erl_pp fills a list of those).
    private static func isAtomic(_ e: Expr) -> Bool {
        switch e {
        case .integer, .bigInteger, .float, .atom, .char, .variable: return true
        default: return false
        }
    }

    /// Whether erl_pp writes `e` on more than one line.
    static func isMultiline(_ e: Expr) -> Bool {
        switch e {
        case .caseOf, .ifClauses, .receive, .tryCatch, .block, .listComprehension: return true
        case .fun(_, let clauses): return !clauses.isEmpty
        case .binaryOp(let op, let l, let r, _): return op == "andalso" || op == "orelse" || isMultiline(l) || isMultiline(r)
        case .match(let l, let r, _): return isMultiline(l) || isMultiline(r)
        case .call(_, let args, _): return args.contains(where: isMultiline)
        case .tuple(let items): return items.contains(where: isMultiline)
        case .list(let items, nil): return items.contains(where: isMultiline)
        case .integer, .bigInteger, .float, .atom, .char, .string, .variable, .list, .binary, .map, .record,
             .recordAccess, .recordIndex, .unaryOp, .remote, .functionReference, .catchExpr,
             .binaryComprehension:
            return false
        }
    }

    private static func qualifierText(_ q: Qualifier) -> String {
        switch q {
        case .generator(let p, let e): return ExprPrinter.text(p) + " <- " + ExprPrinter.text(e)
        case .binaryGenerator(let p, let e): return ExprPrinter.text(p) + " <= " + ExprPrinter.text(e)
        case .filter(let e): return ExprPrinter.text(e)
        }
    }

    private static func chain(_ e: Expr, op: String) -> [Expr] {
        var operands: [Expr] = []
        var current = e
        while case .binaryOp(let o, let l, let r, _) = current, o == op {
            operands.append(l)
            current = r
        }
        operands.append(current)
        return operands
    }

    /// Elements one a line under the first, except that a run of single
    /// tokens (`a, 1, X`) is packed as many a line as fit in `maxLine`
    /// with their separator (or `closing` after the last), as erl_pp does.
    private static func elements(_ items: [Expr], column: Int, separator: String, closing: String = "") -> String {
        var out = ""
        var at = column
        for (i, item) in items.enumerated() {
            let isLast = i == items.count - 1
            if i > 0 {
                let written = ExprPrinter.text(item).unicodeScalars.count + (isLast ? closing.count : separator.count)
                if isAtomic(item), isAtomic(items[i - 1]), at + 2 + written <= maxLine {
                    out += separator + " "
                    at += separator.count + 1
                } else {
                    out += separator + pad(column)
                    at = column
                }
            }
            let text = lay(item, column: at)
            out += text
            at = endColumn(at, text)
        }
        return out
    }

    private static func body(_ exprs: [Expr], column: Int) -> String {
        var out = ""
        for (i, e) in exprs.enumerated() {
            out += pad(column) + lay(e, column: column)
            if i < exprs.count - 1 { out += "," }
        }
        return out
    }

    private static func clauseLines(_ clauses: [Clause], column: Int, catching: Bool = false) -> String {
        var out = ""
        for (i, clause) in clauses.enumerated() {
            var head = clause.patterns.map { catching ? catchPattern($0) : ExprPrinter.text($0) }.joined(separator: ", ")
            if !clause.guards.isEmpty { head += " when " + guardText(clause.guards) }
            out += pad(column) + head + " ->" + body(clause.body, column: column + 4)
            if i < clauses.count - 1 { out += ";" }
        }
        return out
    }

    /// A catch clause's `{Class, Reason, Stack}` pattern as erl_pp writes
    /// it: `throw:E`, `error:E`, `Class:E:Stack`.
    private static func catchPattern(_ pattern: Expr) -> String {
        guard case .tuple(let parts) = pattern, parts.count == 3 else { return ExprPrinter.text(pattern) }
        // erl_pp writes the class also when the source left out `throw:`.
        var reason = ExprPrinter.text(parts[0]) + ":" + ExprPrinter.text(parts[1])
        if case .variable("_", _) = parts[2] {} else { reason += ":" + ExprPrinter.text(parts[2]) }
        return reason
    }

    private static func guardText(_ guards: [[Expr]]) -> String {
        guards.map { $0.map { ExprPrinter.text($0) }.joined(separator: ", ") }.joined(separator: "; ")
    }
}
