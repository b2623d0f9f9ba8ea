/// Work erl does at boot, before the shell starts: `-eval`, `-s`, `-run`.
/// Each becomes Erlang source text that the shell evaluates silently.
enum StartupAction: Equatable {
    /// `-eval Expr`.
    case eval(String)
    /// `-s Mod [Fun [Args...]]`: `Mod:Fun()`, or `Mod:Fun([Args as atoms])`;
    /// `Fun` defaults to `start`.
    case callWithAtoms(module: String, function: String?, arguments: [String])
    /// `-run Mod [Fun [Args...]]`: `Mod:Fun()`, or
    /// `Mod:Fun([Args as strings])`; `Fun` defaults to `start`.
    case callWithStrings(module: String, function: String?, arguments: [String])

    /// The expression to evaluate, ending in a dot.
    var expression: String {
        switch self {
        case .eval(let text):
            return Self.terminated(text)
        case .callWithAtoms(let module, let function, let arguments):
            return Self.call(module, function, arguments.isEmpty ? nil : arguments.map(ErlangLiteral.atom))
        case .callWithStrings(let module, let function, let arguments):
            return Self.call(module, function, arguments.isEmpty ? nil : arguments.map(ErlangLiteral.string))
        }
    }

    /// How the action was written on the command line (for messages).
    var commandLineText: String {
        switch self {
        case .eval(let text):
            return "-eval \(text)"
        case .callWithAtoms(let module, let function, let arguments):
            return (["-s", module] + (function.map { [$0] } ?? []) + arguments).joined(separator: " ")
        case .callWithStrings(let module, let function, let arguments):
            return (["-run", module] + (function.map { [$0] } ?? []) + arguments).joined(separator: " ")
        }
    }

    private static func call(_ module: String, _ function: String?, _ arguments: [String]?) -> String {
        let target = ErlangLiteral.atom(module) + ":" + ErlangLiteral.atom(function ?? "start")
        guard let arguments else { return target + "()." }
        return target + "([" + arguments.joined(separator: ",") + "])."
    }

    /// `text` with a final dot, added when missing, as erl's `-eval` does
    /// (erl appends a dot token; this looks at the text: a trailing `.`
    /// that is not the character literal `$.` counts as the dot).
    static func terminated(_ text: String) -> String {
        var trimmed = Substring(text)
        while let last = trimmed.last, last.isWhitespace { trimmed.removeLast() }
        if trimmed.hasSuffix(".") && !trimmed.hasSuffix("$.") { return String(trimmed) }
        // A dot after a trailing `%` comment would be part of the comment.
        let lastLine = trimmed.split(separator: "\n", omittingEmptySubsequences: false).last ?? ""
        return String(trimmed) + (lastLine.contains("%") ? "\n." : ".")
    }
}
