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
}

/// Recorded calls of the collection modules (`queue`, `dict`, `orddict`, `gb_trees`).
@Suite struct RecordedCollectionTests {
    @Test("queue matches erl", arguments: queueCases)
    func queue(_ testCase: CallCase) async { await StdlibHarness.check(testCase) }
}
