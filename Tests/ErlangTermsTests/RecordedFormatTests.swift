import ErlangTerms
import Testing

/// `io_lib:format/2` calls give erl's text, or `badarg` where erl raises it
/// (Recorded/FormatCases.swift, Recorded/FloatCases.swift).
struct RecordedFormatTests {
    @Test(arguments: formatCases)
    func format(_ c: FormatCase) {
        let result = Result { () throws(ErlangException) -> String in
            try ErlangFormat.format(c.format, .list(c.arguments))
        }
        switch (result, c.expected) {
        case (.success(let text), let expected?):
            #expect(text == expected)
        case (.success(let text), nil):
            Issue.record("got \(text.debugDescription), erl raises badarg")
        case (.failure(let e), let expected?):
            Issue.record("raised \(e.reason), erl gives \(expected.debugDescription)")
        case (.failure(let e), nil):
            #expect(e.kind == .error && e.reason == .atom(.badarg))
        }
    }

    @Test(arguments: floatCases)
    func floatControls(_ c: FloatCase) throws {
        #expect(try ErlangFormat.format("~e", [.float(c.value)]) == c.e)
        let f = abs(c.value) < 1.0e30 ? c.value : 1.5
        #expect(try ErlangFormat.format("~f", [.float(f)]) == c.f)
        #expect(try ErlangFormat.format("~.3g", [.float(c.value)]) == c.g)
    }
}

/// Format strings are checked as erl_lint checks them (Recorded/CheckCases.swift).
struct RecordedCheckTests {
    @Test(arguments: checkCases)
    func check(_ c: CheckCase) {
        let codes = c.format.unicodeScalars.map { Int($0.value) }
        #expect(ErlangFormat.argumentTypes(of: codes) == c.expected)
    }
}
