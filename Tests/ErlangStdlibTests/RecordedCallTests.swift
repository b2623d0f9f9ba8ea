import Testing

/// Every recorded call (see `Recording/`) gives what erl gave.
@Suite struct RecordedCallTests {
    @Test("erlang BIFs match erl", arguments: erlangCases)
    func erlangBIFs(_ testCase: CallCase) async { await StdlibHarness.check(testCase) }

    @Test("lists matches erl", arguments: listsCases)
    func lists(_ testCase: CallCase) async { await StdlibHarness.check(testCase) }

    @Test("maps matches erl", arguments: mapsCases)
    func maps(_ testCase: CallCase) async { await StdlibHarness.check(testCase) }

    @Test("proplists matches erl", arguments: proplistsCases)
    func proplists(_ testCase: CallCase) async { await StdlibHarness.check(testCase) }

    @Test("math matches erl", arguments: mathCases)
    func math(_ testCase: CallCase) async { await StdlibHarness.check(testCase) }

    @Test("string matches erl", arguments: stringCases)
    func string(_ testCase: CallCase) async { await StdlibHarness.check(testCase) }

    @Test("binary matches erl", arguments: binaryCases)
    func binary(_ testCase: CallCase) async { await StdlibHarness.check(testCase) }

    @Test("unicode matches erl", arguments: unicodeCases)
    func unicode(_ testCase: CallCase) async { await StdlibHarness.check(testCase) }

    @Test("ordsets matches erl", arguments: ordsetsCases)
    func ordsets(_ testCase: CallCase) async { await StdlibHarness.check(testCase) }

    @Test("gb_sets matches erl", arguments: gb_setsCases)
    func gbSets(_ testCase: CallCase) async { await StdlibHarness.check(testCase) }
}
