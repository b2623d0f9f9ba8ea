import ErlangTerms
import Testing
@testable import ErlangEval

/// Bindings: a variable bound through its compiled `Variable` is found by
/// name and the other way round, in both shapes (the small array and,
/// past `smallLimit` names, the trie), and rebinding or removing a name
/// touches only that name.
@Suite struct BindingsTests {
    @Test(arguments: [3, Bindings.smallLimit + 5])
    func variablesAndNamesSeeTheSameBindings(count: Int) {
        var env = Bindings()
        for i in 0..<count {
            if i.isMultiple(of: 2) { env.bind(Variable("V\(i)"), .int(i)) } else { env.bind("V\(i)", .int(i)) }
        }
        for i in 0..<count {
            #expect(env[Variable("V\(i)")] == .int(i))
            #expect(env["V\(i)"] == .int(i))
        }
        #expect(env[Variable("Missing")] == nil)
        env.bind(Variable("V1"), .atom(Atom("again")))
        #expect(env["V1"] == .atom(Atom("again")))
        env.remove("V0")
        #expect(env[Variable("V0")] == nil)
        #expect(env.sortedNames == (1..<count).map { "V\($0)" }.sorted())
    }
}
