import ErlangEval
import Testing

/// What `c/1` prints for a file with errors or warnings, recorded from erl
/// 25 (`c(x).` on the same file).
@Suite struct CompileDiagnosticsTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let file: String
        let source: String
        let compiles: Bool
        let report: String
        var testDescription: String { file }
    }

    static let cases: [Case] = [
        // Files cut short, and conditionals left open, as erl 25 reports them.
        Case(file: "ri2.erl", source: "-module(ri2).\n-export([f/0]).\nf() -> record_info(fields, nosuch).\n", compiles: false,
             report: "ri2.erl:3:8: record nosuch undefined\n%    3| f() -> record_info(fields, nosuch).\n%     |        ^\n\n"),
        Case(file: "bp.erl", source: "-module(bp).\n-export([f/1]).\nf(<<X/binary, Y:8>>) -> {X, Y}.\n", compiles: false,
             report: "bp.erl:3:5: a binary field without size is only allowed at the end of a binary pattern\n%    3| f(<<X/binary, Y:8>>) -> {X, Y}.\n%     |     ^\n\n"),
        Case(file: "pe1.erl", source: "-module(pe1).\n-export([f/0]).\nf() -> {ok, 1\n", compiles: false,
             report: "pe1.erl:3:13: syntax error before: \n%    3| f() -> {ok, 1\n%     |             ^\n\npe1.erl:2:2: function f/0 undefined\n%    2| -export([f/0]).\n%     |  ^\n\n"),
        Case(file: "pe5.erl", source: "-module(pe5)\n", compiles: false,
             report: "pe5.erl:1:12: syntax error before: \n%    1| -module(pe5)\n%     |            ^\n\npe5.erl:2:1: no module definition\n"),
        Case(file: "pe10.erl", source: "-module(pe10).\n-ifndef(X).\nf() -> 1.\n", compiles: false,
             report: "pe10.erl:4:1: unterminated '-ifndef'\npe10.erl:3:1: Warning: function f/0 is unused\n%    3| f() -> 1.\n%     | ^\n\n"),
        Case(file: "pe11.erl", source: "-module(pe11).\n-if(true).\nf() -> 1.\n-else.\n", compiles: false,
             report: "pe11.erl:5:1: unterminated '-else'\npe11.erl:3:1: Warning: function f/0 is unused\n%    3| f() -> 1.\n%     | ^\n\n"),
        Case(file: "pe12.erl", source: "-module(pe12).\n-ifdef(X).\nf() -> 1.", compiles: false,
             report: "pe12.erl:3:10: unterminated '-ifdef'\n%    3| f() -> 1.\n%     |          ^\n\n"),
        Case(file: "pe15.erl", source: "-export([f/0]).\nf() -> .\n", compiles: false,
             report: "pe15.erl:2:8: syntax error before: '.'\n%    2| f() -> .\n%     |        ^\n\npe15.erl:1:2: no module definition\n%    1| -export([f/0]).\n%     |  ^\n\npe15.erl:1:2: function f/0 undefined\n%    1| -export([f/0]).\n%     |  ^\n\n"),
        Case(file: "pe16.erl", source: "-ifdef(X).\n", compiles: false,
             report: "pe16.erl:2:1: unterminated '-ifdef'\npe16.erl:2:1: no module definition\n"),
        Case(file: "pe7.erl", source: "-module(pe7).\n-define(A, 1\n", compiles: false,
             report: "pe7.erl:2:12: premature end\n%    2| -define(A, 1\n%     |            ^\n\n"),
        Case(file: "badpat.erl", source: """
        -module(badpat).
        -export([f/1, g/1, h/1, k/1]).
        f(X + 1) -> X.
        g([A] ++ R) -> {A, R}.
        h(#{a => 1}) -> ok.
        k(X) when X ++ [] -> X.

        """, compiles: false, report: """
        badpat.erl:3:5: illegal pattern
        %    3| f(X + 1) -> X.
        %     |     ^

        badpat.erl:3:13: variable 'X' is unbound
        %    3| f(X + 1) -> X.
        %     |             ^

        badpat.erl:4:7: illegal pattern
        %    4| g([A] ++ R) -> {A, R}.
        %     |       ^

        badpat.erl:4:17: variable 'A' is unbound
        %    4| g([A] ++ R) -> {A, R}.
        %     |                 ^

        badpat.erl:4:20: variable 'R' is unbound
        %    4| g([A] ++ R) -> {A, R}.
        %     |                    ^

        badpat.erl:5:7: illegal pattern
        %    5| h(#{a => 1}) -> ok.
        %     |       ^

        badpat.erl:6:13: illegal guard expression
        %    6| k(X) when X ++ [] -> X.
        %     |             ^


        """),
        Case(file: "x1.erl", source: """
        -module(x1).
        -export([f/1, g/0]).

        f(X) ->
            Y + X.

        g() -> foo().

        h() -> ok.

        k(A, B) -> A.

        """, compiles: false, report: """
        x1.erl:5:5: variable 'Y' is unbound
        %    5|     Y + X.
        %     |     ^

        x1.erl:7:8: function foo/0 undefined
        %    7| g() -> foo().
        %     |        ^

        x1.erl:9:1: Warning: function h/0 is unused
        %    9| h() -> ok.
        %     | ^

        x1.erl:11:1: Warning: function k/2 is unused
        %   11| k(A, B) -> A.
        %     | ^

        x1.erl:11:6: Warning: variable 'B' is unused
        %   11| k(A, B) -> A.
        %     |      ^


        """),
        Case(file: "x2.erl", source: "-module(x2).\n-export([f/1]).\nf(1) -> ok\nf(2) -> ok.\n", compiles: false, report: """
        x2.erl:4:1: syntax error before: f
        %    4| f(2) -> ok.
        %     | ^

        x2.erl:2:2: function f/1 undefined
        %    2| -export([f/1]).
        %     |  ^


        """),
        Case(file: "x3.erl", source: """
        -module(x3).
        -export([f/1, g/1, size/1, l/0]).
        f(1) -> one;
        f(2) -> two.
        g(X) -> abs(X).
        size(X) -> {mine, X}.
        l() -> size(abc).

        """, compiles: false, report: """
        x3.erl:7:8: ambiguous call of overridden pre R14 auto-imported BIF size/1
         - use erlang:size/1 or "-compile({no_auto_import,[size/1]})." to resolve name clash
        %    7| l() -> size(abc).
        %     |        ^


        """),
        Case(file: "x4.erl", source: "-module(x4).\n-export([f/1]).\nf(X) -> X + 1.\nf() -> ok.\n", compiles: true, report: """
        x4.erl:4:1: Warning: function f/0 is unused
        %    4| f() -> ok.
        %     | ^


        """),
        Case(file: "z1.erl", source: """
        -module(z1).
        -compile(export_all).
        f() -> ?FOO.
        g(X) -> #nope{a = X}.
        h() -> ok;
        k() -> ok.

        """, compiles: false, report: """
        z1.erl:3:9: undefined macro 'FOO'
        %    3| f() -> ?FOO.
        %     |         ^

        z1.erl:6:1: head mismatch
        %    6| k() -> ok.
        %     | ^

        z1.erl:4:9: record nope undefined
        %    4| g(X) -> #nope{a = X}.
        %     |         ^

        z1.erl:2:2: Warning: export_all flag enabled - all functions will be exported
        %    2| -compile(export_all).
        %     |  ^

        z1.erl:4:3: Warning: variable 'X' is unused
        %    4| g(X) -> #nope{a = X}.
        %     |   ^


        """),
        Case(file: "z3.erl", source: """
        -module(z3).
        -export([f/1]).
        -record(r, {a, b = 2}).
        f(X) -> {X#r.c, #r{d = 1}}.

        """, compiles: false, report: """
        z3.erl:4:14: field c undefined in record r
        %    4| f(X) -> {X#r.c, #r{d = 1}}.
        %     |              ^

        z3.erl:4:20: field d undefined in record r
        %    4| f(X) -> {X#r.c, #r{d = 1}}.
        %     |                    ^


        """),
        Case(file: "s.erl", source: """
        -module(s).
        -export([u/1, s/1]).
        u(X) -> fun(X) -> X end.
        s(L) -> [X || X <- L, Z <- L].

        """, compiles: true, report: """
        s.erl:3:3: Warning: variable 'X' is unused
        %    3| u(X) -> fun(X) -> X end.
        %     |   ^

        s.erl:3:13: Warning: variable 'X' shadowed in 'fun'
        %    3| u(X) -> fun(X) -> X end.
        %     |             ^

        s.erl:4:23: Warning: variable 'Z' is unused
        %    4| s(L) -> [X || X <- L, Z <- L].
        %     |                       ^


        """),
    ]

    @Test(arguments: cases)
    func report(_ c: Case) {
        let outcome = ModuleCompiler.compile(c.source, file: c.file, absolutePath: "/src/" + c.file, directory: "/src",
                                             readFile: { _ in nil })
        #expect((outcome.module != nil) == c.compiles)
        #expect(outcome.report == c.report)
    }
}
