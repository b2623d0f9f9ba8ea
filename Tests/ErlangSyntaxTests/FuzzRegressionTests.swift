import ErlangSyntax
import Testing

/// Inputs on which `swerl-fuzz` once crashed Swerl, with what they must give.
struct FuzzRegressionTests {
    /// Found by `swerl-fuzz syntax --seed 1`: BigInt's parser traps on radix 36.
    @Test(arguments: [("36#zz.\n", 1295), ("36#ZZ.\n", 1295), ("2#101.\n", 5), ("16#fF.\n", 255)])
    func radixIntegersScan(input: String, value: Int) {
        guard case .done(let tokens, _) = Scanner.scanForm(input) else {
            Issue.record("\(input) did not scan")
            return
        }
        #expect(tokens.first?.kind == .integer(value))
    }

    /// A 1 MB atom literal (issue 8): erl's scanner says `illegal atom`.
    @Test(arguments: [String(repeating: "a", count: 256), "'" + String(repeating: "q", count: 1_000_000) + "'"])
    func overlongAtomsAreIllegal(atom: String) {
        guard case .error(let diagnostic, _) = Scanner.scanForm(atom + ".\n") else {
            Issue.record("an atom of \(atom.count) characters scanned")
            return
        }
        #expect(diagnostic.shellText == "* 1:1: illegal atom")
    }

    @Test func atomsUpToTheLimitScan() {
        guard case .done(let tokens, _) = Scanner.scanForm(String(repeating: "a", count: 255) + ".\n") else {
            Issue.record("a 255-character atom did not scan")
            return
        }
        #expect(tokens.first?.kind == .atom(String(repeating: "a", count: 255)))
    }
}
