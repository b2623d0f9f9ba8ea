import ErlangTerms

/// Where a long term goes in an exception's text, as erl_error decides it.
///
/// A value after its explanation (`no match of right hand side value V`)
/// stays on the explanation's line unless it would take three lines or
/// more there and fewer when printed on the next line, indented under the
/// exception's reason. A call (`no function clause matching M:F(Args)`,
/// `called as M:F(Args)`) moves to the next line when even two short
/// arguments would not fit after the text before it, or when its
/// arguments take fewer lines there. Either way the text before the term
/// keeps its trailing space, as erl's does.
extension ExceptionReport {
    /// `text` followed by `value`, printed at `column` (the column where
    /// the reason starts, after `** exception error: `).
    func valueText(_ text: String, _ value: Term, column: Int) -> String {
        let sameLine = printTerm(value, column + text.count)
        let lines = Self.newlines(sameLine)
        guard lines > 1 else { return text + sameLine }
        let nextLine = printTerm(value, column)
        guard Self.newlines(nextLine) < lines else { return text + sameLine }
        return text + "\n" + String(repeating: " ", count: column - 1) + nextLine
    }

    /// `text` followed by the call `name(args)`, where `lead` is what
    /// precedes `text` on its line; a call moved to the next line starts
    /// with `lead` again (spaces, or erl's repeated `called as `).
    func callText(_ text: String, _ name: String, _ args: [Term], lead: String) -> String {
        let afterText = lead.count + text.count + name.count
        let sameLine = argumentsText(args, column: afterText)
        let nextLine = argumentsText(args, column: lead.count + name.count)
        let tooFarRight = Self.newlines(argumentsText([.atom("a2345"), .atom("b2345")], column: afterText)) > 0
        if tooFarRight || Self.newlines(nextLine) < Self.newlines(sameLine) {
            return text + "\n" + lead + name + nextLine
        }
        return text + name + sameLine
    }

    /// The arguments `(A1,A2)` as erl prints them: the argument list as a
    /// list term after `column`, its brackets made parentheses. A list of
    /// arguments that would print as a string (`[104,105]`) shows its
    /// first argument as a number.
    func argumentsText(_ args: [Term], column: Int) -> String {
        var printed: String
        if case .int(let first) = args.first, StringText.printableCodes(.list(args)) != nil {
            let digits = String(first)
            let standIn = Term.atom(Atom(String(repeating: "a", count: digits.count)))
            printed = printTerm(.list([standIn] + args.dropFirst()), column + 1)
            printed = "[" + digits + printed.dropFirst(1 + digits.count)
        } else {
            printed = printTerm(.list(args), column + 1)
        }
        return "(" + printed.dropFirst().dropLast() + ")"
    }

    /// How many line breaks `text` holds.
    static func newlines(_ text: String) -> Int {
        text.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    }
}
