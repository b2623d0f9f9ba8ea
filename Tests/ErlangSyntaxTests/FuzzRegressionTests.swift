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
}
