import Testing

/// A match's pattern is tested before anything binds (`MatchPattern`): a
/// variable bound earlier compares, a repeated variable compares with
/// itself, literals compare exactly, and a failed match binds nothing.
/// Expected values are erl 25's for the same expressions, as
/// `EvaluatorTests` writes them.
@Suite struct MatchPatternTests {
    static let cases: [(String, String)] = [
        ("{ok, V} = {ok, 1}, V", "1"),
        ("{D, D} = {1, 1}, D", "1"),
        ("{C, C} = {1, 2}", "error:{badmatch,{1,2}}"),
        ("E = 1, {E, F} = {1, 2}, F", "2"),
        ("H = 2, {H, I} = {3, 4}", "error:{badmatch,{3,4}}"),
        ("{G, 1} = {2, 1.0}", "error:{badmatch,{2,1.0}}"),
        ("{[], X} = {[], 3}, X", "3"),
        ("ok = ok", "ok"),
        ("ok = okay", "error:{badmatch,okay}"),
        ("Y = 1.0, 1 = Y", "error:{badmatch,1.0}"),
        ("{ok, _} = {ok, 1, 2}", "error:{badmatch,{ok,1,2}}"),
        ("F = fun(T) -> try {Z, 2} = T, Z catch error:{badmatch, _} -> failed end end, {F({1, 3}), F({4, 2})}",
         "{failed,4}"),
        ("{a, {b, W}} = {a, {b, 7}}, W", "7"),
        ("{K, L, _} = {1, 2, 3}, K + L", "3"),
    ]

    @Test(arguments: cases)
    func matches(_ source: String, _ expected: String) async {
        #expect(await EvaluatorHarness.run(source) == expected, "\(source)")
    }
}
