/// The term texts the shell and the standard library ask for most, in one
/// place. The work is done by `TermWriter` (`~w`) and `PrettyPrinter` (`~p`).
public enum TermPrinter {
    /// A term as the shell prints a result (`shell:pp/4`): laid out by
    /// `io_lib_pretty` from `column` within `lineLength`, at most 60
    /// characters per line, nested 30 deep before `...`. `records` gives the
    /// field names of the records the shell knows (name and field count).
    public static func pretty(_ term: Term, column: Int = 1, lineLength: Int = 80,
                              records: ((Atom, Int) -> [Atom]?)? = nil,
                              encoding: PrintEncoding = .latin1) -> String {
        var printer = PrettyPrinter.shell
        printer.lineLength = lineLength
        printer.encoding = encoding
        return printer.print(term, column: column, records: records)
    }

    /// A term on one line, as `~w` and `io_lib:write/1` write it.
    public static func write(_ term: Term, depth: Int = -1, encoding: PrintEncoding = .latin1) -> String {
        TermWriter.write(term, depth: depth, encoding: encoding)
    }
}
