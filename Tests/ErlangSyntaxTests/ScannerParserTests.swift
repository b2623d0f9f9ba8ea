import ErlangSyntax
import Testing

struct ScannerParserTests {
    @Test func multiLineInputAsksForMore() {
        #expect(Scanner.scanForm("1 +\n") == .more)
        guard case .done(let tokens, let rest) = Scanner.scanForm("1 +\n2.\n") else {
            Issue.record("expected a complete form")
            return
        }
        #expect(tokens.count == 4)
        #expect(rest == "\n")
    }

    @Test(arguments: [
        ("foo bar.\n", "* 1:5: syntax error before: bar"),
        ("1 + .\n", "* 1:5: syntax error before: '.'"),
        ("X = 1 Y = 2.\n", "* 1:7: syntax error before: Y"),
        // OTP 25's grammar: a call's value is not called or suffixed
        // without parentheses, a suffixed value is not called.
        ("F()().\n", "* 1:4: syntax error before: '('"),
        ("G()#{b => 2}.\n", "* 1:4: syntax error before: '#'"),
        ("lists:reverse([1,2])().\n", "* 1:21: syntax error before: '('"),
        ("X#{a => 1}(1).\n", "* 1:11: syntax error before: '('"),
        // fun M:F/A takes atoms or variables and an integer or a variable.
        ("fun foo:bar/a.\n", "* 1:13: syntax error before: a"),
        ("fun foo/a.\n", "* 1:9: syntax error before: a"),
        ("fun foo:bar/1.5.\n", "* 1:13: syntax error before: 1.5"),
        ("fun \"foo\":bar/1.\n", "* 1:5: syntax error before: \"foo\""),
    ])
    func syntaxErrorsPrintAsErlDoes(input: String, expected: String) throws {
        guard case .done(let tokens, _) = Scanner.scanForm(input) else {
            Issue.record("scan failed")
            return
        }
        #expect(throws: Diagnostic.self) { try Parser.parseExprs(tokens) }
        do {
            _ = try Parser.parseExprs(tokens)
        } catch {
            #expect(error.shellText == expected)
        }
    }

    /// A base outside 2..36 is the scanner's error, as in erl (it was read
    /// as the integer followed by `#`: a syntax error at the wrong column).
    @Test(arguments: [
        ("37#1.\n", "* 1:1: illegal base '37'"),
        ("1#1.\n", "* 1:1: illegal base '1'"),
        ("100000000000000000000#1.\n", "* 1:1: illegal base '100000000000000000000'"),
        ("16#G.\n", "* 1:1: illegal integer"),
    ])
    func illegalBasesAreScannerErrors(input: String, expected: String) {
        guard case .error(let diagnostic, _) = Scanner.scanForm(input) else {
            Issue.record("\(input) scanned")
            return
        }
        #expect(diagnostic.shellText == expected)
    }

    /// OTP 25 reserves neither `maybe` nor `else` (without the maybe_expr
    /// feature), so both scan as atoms; `receive` stays a keyword.
    @Test func maybeAndElseAreAtomsInOTP25() {
        guard case .done(let tokens, _) = Scanner.scanForm("{maybe, else, receive}.\n") else {
            Issue.record("scan failed")
            return
        }
        #expect(tokens.map(\.kind) == [.symbol("{"), .atom("maybe"), .symbol(","), .atom("else"), .symbol(","), .keyword("receive"), .symbol("}"), .dot])
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let input = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + ".\n"
        guard case .done(let tokens, _) = Scanner.scanForm(input) else {
            Issue.record("scan failed")
            return
        }
        #expect(throws: Diagnostic.self) { try Parser.parseExprs(tokens) }
    }
}
