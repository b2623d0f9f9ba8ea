import ErlangStdlib
import ErlangTerms
import Testing

/// Input at the edges of `Int` is computed or refused as erl does, never a
/// trap. Each row was a crash (`Illegal instruction`) before; expected
/// values recorded from erl 25 with `erl_eval:exprs/2` (`~w`, `Class:Reason`).
@Suite struct OverflowTests {
    static let evaluated: [(String, String)] = [
        // The evaluator's operators are Arithmetic's: shifts by Int.min, and BEAM's integer limit.
        ("-9223372036854775808 bsl -9223372036854775808", "-1"),
        ("1 bsr -9223372036854775808", "error:system_limit"),
        ("1 bsl 33554368", "error:system_limit"),
        ("X = -9223372036854775808, {-X, X div -1, X rem -1, abs(X)}",
         "{9223372036854775808,9223372036854775808,0,9223372036854775808}"),
        // Guard BIFs.
        ("F = fun(B) when binary_part(B, 9223372036854775807, 1) == <<>> -> a; (_) -> b end, F(<<\"abc\">>)", "b"),
        ("F = fun(B) when binary_part(B, 1, -9223372036854775808) == <<>> -> a; (_) -> b end, F(<<\"abc\">>)", "b"),
        ("F = fun(B) when binary_part(B, 3, -2) == <<\"bc\">> -> a; (_) -> b end, F(<<\"abc\">>)", "a"),
        // Segment sizes: Size * Unit overflows or is too large to build.
        ("<<1:(1 bsl 62)>>", "error:system_limit"),
        ("<<1:(1 bsl 60)/unit:16>>", "error:system_limit"),
        ("<<(<<\"a\">>):(1 bsl 62)/binary>>", "error:system_limit"),
        ("<< <<X:9223372036854775807>> || X <- [1] >>", "error:system_limit"),
        ("<<X:(1 bsl 60)/unit:64>> = <<1>>", "error:{badmatch,<<1>>}"),
        ("<<X:9223372036854775807/binary-unit:8>> = <<1>>", "error:{badmatch,<<1>>}"),
        // Wide segments of small values are written byte by byte.
        ("byte_size(<<(-1):800>>) + byte_size(<<1:100000>>)", "12600"),
        ("<<(-2):12/little, 5:3>>", "<<254,125:7>>"),
        ("{<<16#ABCDE:20/little>>, <<(-5):20/little-signed>>}", "{<<222,188,10:4>>,<<251,255,15:4>>}"),
        ("<<X:20/little, R/bits>> = <<1,2,3>>, {X, R}", "{513,<<3:4>>}"),
        ("<<X:20/little-signed>> = <<251,255,15:4>>, X", "-5"),
        ("<<(-1):64/little, (1 bsl 64 + 3):72/big>>", "<<255,255,255,255,255,255,255,255,1,0,0,0,0,0,0,0,3>>"),
        ("<<1.0e300:32/float, 1.0e300:16/float>>", "<<127,128,0,0,124,0>>"),
        // A receive timeout BEAM cannot hold.
        ("receive after 4294967296 -> ok end", "error:timeout_value"),
        // io_lib widths far beyond memory: erl runs out of memory, Swerl raises badarg.
        ("try io_lib:format(\"~9223372036854775807c\", [$a]) catch error:R -> R end", "badarg"),
        // Sets given with sizes at Int's limits (gb_sets trusts the size it is given).
        ("gb_sets:add(1, {9223372036854775807, nil})", "{9223372036854775808,{1,nil,nil}}"),
        ("gb_sets:delete(1, {-9223372036854775808, {1, nil, nil}})", "{-9223372036854775809,nil}"),
        // Any negative depth is no limit.
        ("lists:flatten(io_lib:write([1,2], -9223372036854775808))", "[91,49,44,50,93]"),
        ("is_list(io_lib:print([1,2], -9223372036854775808, -9223372036854775808, -9223372036854775808))", "true"),
        ("io_lib:indentation(\"\\t\", 9223372036854775807)", "9223372036854775808"),
    ]

    /// Lists and strings far beyond memory: erl dies of allocation failure,
    /// Swerl raises `system_limit` (`ResourceLimits`).
    static let refused: [String] = [
        "lists:duplicate(1 bsl 40, a)", "lists:seq(1, 1 bsl 40)", "lists:seq(1, 1 bsl 70)",
        "lists:seq(1, 1 bsl 70, 1)", "string:copies(\"ab\", 1 bsl 40)", "string:chars($a, 1 bsl 40)",
        "string:left(\"a\", 1 bsl 40)", "string:centre(\"a\", 1 bsl 40)", "string:pad(\"a\", 1 bsl 40)",
        "binary:copy(<<\"ab\">>, 1 bsl 40)",
    ]

    @Test("sizes beyond memory are system_limit", arguments: refused)
    func refusesHugeSizes(_ call: String) async {
        #expect(await EvaluatorHarness.run("try \(call) catch error:R -> R end") == "system_limit", "\(call)")
    }

    @Test("edge values evaluate as in erl", arguments: evaluated)
    func evaluates(_ source: String, _ expected: String) async {
        #expect(await EvaluatorHarness.run(source) == expected, "\(source)")
    }

    @Test func absKeepsTheSignOfNegativeZero() async {
        let bif = await StdlibHarness.call("erlang", "abs", [.float(-0.0)])
        guard case .success(.float(let f)) = bif else {
            Issue.record("abs(-0.0) gave \(bif)")
            return
        }
        #expect(f.sign == .minus)
        #expect(await EvaluatorHarness.run("F = fun(X) when abs(X) == 0 -> abs(X) end, F(-0.0)") == "-0.0")
    }
}
