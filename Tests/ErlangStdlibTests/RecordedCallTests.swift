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

/// Recorded calls of the collection modules (`queue`, `dict`, `orddict`, `gb_trees`).
@Suite struct RecordedCollectionTests {
    @Test("queue matches erl", arguments: queueCases)
    func queue(_ testCase: CallCase) async { await StdlibHarness.check(testCase) }

    @Test("dict and erlang:phash/2 match erl", arguments: dictCases)
    func dict(_ testCase: CallCase) async { await StdlibHarness.check(testCase) }

    @Test("orddict matches erl", arguments: orddictCases)
    func orddict(_ testCase: CallCase) async { await StdlibHarness.check(testCase) }

    @Test("gb_trees matches erl", arguments: gbTreesCases)
    func gbTrees(_ testCase: CallCase) async { await StdlibHarness.check(testCase) }
}

/// `lists:sort/1` puts equal integers and floats where erl does; the other sorts stay stable.
@Suite struct RecordedSortTests {
    @Test("sorts order equal terms as erl does", arguments: sortCases)
    func sort(_ testCase: CallCase) async { await StdlibHarness.check(testCase) }
}

/// Recorded calls of `filename`, `calendar`, the `os` environment, the code BIFs,
/// `string:list_to_integer/1` and native `module_info/1`.
@Suite struct RecordedUtilityTests {
    @Test("filename matches erl", arguments: filenameCases)
    func filename(_ testCase: CallCase) async { await StdlibHarness.check(testCase) }

    @Test("calendar matches erl", arguments: calendarCases)
    func calendar(_ testCase: CallCase) async { await StdlibHarness.check(testCase) }

    @Test("os, code BIFs and module_info match erl", arguments: miscCases)
    func misc(_ testCase: CallCase) async { await StdlibHarness.check(testCase) }
}
