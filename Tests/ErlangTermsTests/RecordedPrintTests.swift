import ErlangTerms
import Testing

/// Every recorded term prints exactly as erl printed it (Recorded/PrintCases.swift).
struct RecordedPrintTests {
    @Test(arguments: printCases)
    func write(_ c: PrintCase) {
        #expect(TermWriter.write(c.term) == c.write)
    }

    @Test(arguments: printCases)
    func pretty(_ c: PrintCase) {
        #expect(PrettyPrinter().print(c.term) == c.pretty)
    }

    @Test(arguments: printCases)
    func unicodePretty(_ c: PrintCase) {
        #expect(PrettyPrinter(unicode: true).print(c.term) == c.unicodePretty)
    }

    @Test(arguments: printCases)
    func shell(_ c: PrintCase) {
        #expect(PrettyPrinter.shell.print(c.term, records: recordFields) == c.shell)
    }
}

/// Random terms under random settings lay out as erl laid them out
/// (Recorded/LayoutCases.swift).
struct RecordedLayoutTests {
    @Test(arguments: layoutCases)
    func layout(_ c: LayoutCase) {
        let printer = PrettyPrinter(lineLength: c.lineLength, lineMaxChars: c.maxChars, depth: c.depth,
                                    unicode: c.unicode)
        #expect(printer.print(c.term, column: c.column, records: recordFields) == c.expected)
    }

    @Test(arguments: layoutCases)
    func write(_ c: LayoutCase) {
        #expect(TermWriter.write(c.term, depth: c.depth, encoding: c.unicode ? .unicode : .latin1) == c.write)
    }
}
