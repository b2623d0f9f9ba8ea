import ErlangSyntax
import Testing

/// `catch` as an operand and the shapes of catch clauses, as erl_parse reads them.
struct CatchParsingTests {
    private func parse(_ source: String) throws -> [Expr] {
        guard case .done(let tokens, _) = Scanner.scanForm(source + "\n") else {
            Issue.record("scan failed: \(source)")
            return []
        }
        return try Parser.parseExprs(tokens)
    }

    /// `X = catch 1 + 1` binds the caught value of the whole `1 + 1`.
    @Test func catchOnTheRightOfAMatchTakesTheRest() throws {
        let exprs = try parse("R = catch 1 + 1.")
        guard exprs.count == 1, case .match(.variable("R", _), .catchExpr(.binaryOp("+", _, _, _)), _) = exprs[0] else {
            Issue.record("parsed as \(exprs)")
            return
        }
    }

    /// `1 + catch 2 * 3` is `1 + (catch 2 * 3)`; `catch` after a complete
    /// operand is still an error.
    @Test func catchMayStartAnyOperand() throws {
        let exprs = try parse("1 + catch 2 * 3.")
        guard case .binaryOp("+", .integer(1), .catchExpr(.binaryOp("*", _, _, _)), _)? = exprs.first else {
            Issue.record("parsed as \(exprs)")
            return
        }
        guard case .done(let tokens, _) = Scanner.scanForm("catch 1 catch 2.\n") else { return }
        #expect(throws: Diagnostic.self) { try Parser.parseExprs(tokens) }
    }

    /// `Class:Reason = Alias` and `Class:Reason:Stack` in catch clauses.
    @Test(arguments: [
        ("try x catch error:badarith = E -> E end.", "error", "E", "_"),
        ("try x catch throw:{a, _} = T -> T end.", "throw", "T", "_"),
        ("try x catch error:{bad, N} = Full:S when N > 5 -> Full end.", "error", "Full", "S"),
    ])
    func catchClauseWithAnAlias(source: String, klass: String, alias: String, stack: String) throws {
        let exprs = try parse(source)
        guard case .tryCatch(_, _, let clauses, _)? = exprs.first, let clause = clauses.first,
              case .tuple(let parts)? = clause.patterns.first, parts.count == 3,
              case .atom(let c) = parts[0], case .match(_, .variable(let v, _), _) = parts[1],
              case .variable(let s, _) = parts[2] else {
            Issue.record("parsed as \(exprs)")
            return
        }
        #expect(c == klass)
        #expect(v == alias)
        #expect(s == stack)
    }
}
