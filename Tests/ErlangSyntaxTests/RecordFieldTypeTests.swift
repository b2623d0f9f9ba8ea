import ErlangSyntax
import Testing

/// A `-record` attribute keeps each field's `:: Type` as the text erl_pp
/// writes for it (what `rl()` prints; expected texts from erl 25's `rl()`
/// of the same attributes).
struct RecordFieldTypeTests {
    @Test(arguments: [
        ("-record(a, {x = 1 :: integer(), y = [] :: [atom()], z :: #{atom() => term()} | undefined}).",
         ["integer()", "[atom()]", "#{atom() => term()} | undefined"]),
        ("-record(b, {f :: fun((integer()) -> ok), g = <<>> :: binary(), h :: 1..10, i :: module:type(), j = {1, 2} :: {integer(), integer()}}).",
         ["fun((integer()) -> ok)", "binary()", "1..10", "module:type()", "{integer(), integer()}"]),
        ("-record(g, {s :: 'Atom' | [string()] | -1 | maybe_improper_list(), t :: #a{}, u, v = 0}).",
         ["'Atom' | [string()] | -1 | maybe_improper_list()", "#a{}", nil, nil]),
    ] as [(String, [String?])])
    func typesReadAsErlPrintsThem(attribute: String, expected: [String?]) {
        let source = ModuleParser.parse("-module(m).\n" + attribute + "\n", file: "m.erl", directory: ".") { _ in nil }
        #expect(source.errors.isEmpty)
        #expect(source.records.first?.fields.map(\.type) == expected)
    }
}
