import ErlangTerms

/// Formats an uncaught exception the way erl's shell reports it:
/// `** exception error: no match of right hand side value 2`, followed by
/// erl's `in function`/`called as` lines for BIF errors. Mirrors
/// `erl_error:format_exception/6` as the shell calls it.
struct ExceptionReport {
    /// `**` normally, `*` under `catch_exception(true)`; the lines below
    /// the first are indented to match.
    var marker = "**"
    /// Prints a term at a column, with erl's depth limit for exceptions.
    let printTerm: (Term, Int) -> String
    /// Prints one argument of a call (`called as f(...)`): erl prints the
    /// argument list as a list, so each argument gets one level less depth.
    var printArgument: ((Term, Int) -> String)?

    /// A report that prints terms with `printTerm`, the `**` marker, and
    /// call arguments with `printArgument` (or `printTerm`).
    init(marker: String = "**", printArgument: ((Term, Int) -> String)? = nil, printTerm: @escaping (Term, Int) -> String) {
        self.marker = marker
        self.printArgument = printArgument
        self.printTerm = printTerm
    }

    private func argument(_ term: Term, _ column: Int) -> String { (printArgument ?? printTerm)(term, column) }

    /// The complete report, ending in a newline. When an exit signal killed
    /// the evaluator (`killedBySignal`) and its reason is `{Reason,
    /// Stacktrace}` (a linked process crashed with an error), the reason
    /// shows as a term with the stacktrace below it, as erl does.
    func format(_ exception: ErlangException, killedBySignal: Bool = false) -> String {
        let prefix = "\(marker) exception \(exception.kind.rawValue): "
        if killedBySignal, exception.kind == .exit, case .tuple(let e) = exception.reason, e.count == 2,
           let frames = e[1].listElements, !frames.isEmpty, frames.allSatisfy({ StackFrame($0) != nil }) {
            var text = prefix + printTerm(e[0], prefix.count + 1) + "\n"
            text += stackLines(frames, reason: e[0])
            return text
        }
        var text = prefix + describe(exception, column: prefix.count + 1) + "\n"
        if exception.kind == .error, let location = location(exception) { text += location }
        return text
    }

    /// The indentation of the `in function` lines (one more than the marker's width... as erl lays them out).
    private var indent: String { String(repeating: " ", count: marker.count + 3) }

    /// `M:F(Arg1,Arg2)` after `called as`: on one line when it fits in 80
    /// columns, else one argument a line, lined up after the parenthesis.
    private func callText(_ name: String, _ args: [Term]) -> String {
        let head = name + "("
        let start = indent.count + "   called as ".count + head.count
        let single = head + args.map { argument($0, start + 1) }.joined(separator: ",") + ")"
        if !single.contains("\n"), indent.count + "   called as ".count + single.count <= 80 { return single }
        let separator = ",\n" + String(repeating: " ", count: start)
        return head + args.map { argument($0, start + 1) }.joined(separator: separator) + ")"
    }

    /// `in function`/`called as`/`in call from` lines for a crashed process's stacktrace.
    private func stackLines(_ frames: [Term], reason: Term) -> String {
        location(ErlangException(.error, reason, stacktrace: frames), consumeDescribed: false) ?? ""
    }

    /// The reason in words, as erl explains the standard error reasons.
    private func describe(_ exception: ErlangException, column: Int) -> String {
        let reason = exception.reason
        guard exception.kind == .error else { return printTerm(reason, column) }
        let top = exception.stacktrace.first.flatMap(StackFrame.init)
        if let top, SegmentFailureText.isConstructionFailure(top.location) {
            return "construction of binary failed"
        }
        switch reason {
        case .atom(let a):
            switch a.text {
            case "badarg": return "bad argument"
            case "badarith": return "an error occurred when evaluating an arithmetic expression"
            case "if_clause": return "no true branch found when evaluating an if expression"
            case "system_limit": return "a system limit has been reached"
            case "timeout_value": return "bad receive timeout value"
            case "noproc": return "no such process or port"
            case "notalive": return "the node cannot be part of a distributed system"
            case "undef":
                guard let top else { return "undef" }
                if top.module.text == "shell_default" || top.module.text == "erl_eval" && top.isShellCommand {
                    return "undefined shell command \(top.function.text)/\(top.arity)"
                }
                return "undefined function \(StackFrame.mfaText(top.module, top.function, top.arity))"
            case "function_clause":
                guard let top, let args = top.arguments else { return "function_clause" }
                let call = callText(top, args, column: column + 34)
                return "no function clause matching " + call + top.locationSuffix
            default:
                return printTerm(reason, column)
            }
        case .tuple(let e) where e.count == 2:
            guard case .atom(let tag) = e[0] else { return printTerm(reason, column) }
            let value = e[1]
            switch tag.text {
            case "badarg": return "bad argument: " + printTerm(value, column + 14)
            case "badmatch": return "no match of right hand side value " + printTerm(value, column + 34)
            case "case_clause": return "no case clause matching " + printTerm(value, column + 24)
            case "try_clause": return "no try clause matching " + printTerm(value, column + 23)
            case "badkey": return "bad key: " + printTerm(value, column + 9)
            case "badmap": return "bad map: " + printTerm(value, column + 9)
            case "badfun": return "bad function " + printTerm(value, column + 13)
            case "badrecord": return "bad record " + printTerm(value, column + 11)
            case "badarity":
                guard case .tuple(let pair) = value, pair.count == 2, case .fun(let fun) = pair[0],
                      let args = pair[1].properListLength else { return printTerm(reason, column) }
                return badArity(fun, called: args)
            default: return printTerm(reason, column)
            }
        default:
            return printTerm(reason, column)
        }
    }

    private func badArity(_ fun: Fun, called count: Int) -> String {
        let arguments = ExceptionReport.argumentWords(count)
        switch fun.kind {
        case .local(let module, _, _, _) where module.text == "erl_eval":
            return "interpreted function with arity \(fun.arity) called with \(arguments)"
        case .local:
            return printTerm(.fun(fun), 1) + " called with \(arguments)"
        case .external(let module, let function):
            return "\(StackFrame.mfaText(module, function, fun.arity)) called with \(arguments)"
        }
    }

    /// `one argument`, `two arguments`, ... as erl words them.
    static func argumentWords(_ count: Int) -> String {
        let words = ["no arguments", "one argument", "two arguments", "three arguments", "four arguments",
                     "five arguments", "six arguments", "seven arguments", "eight arguments", "nine arguments"]
        return count < words.count ? words[count] : "\(count) arguments"
    }

    private func callText(_ frame: StackFrame, _ args: [Term], column: Int) -> String {
        let head = StackFrame.functionText(frame.module, frame.function, qualified: true)
        let argsText = args.map { argument($0, column) }.joined(separator: ",")
        return "\(head)(\(argsText))"
    }

    /// The `in function`/`called as` lines erl adds for an error raised by a BIF.
    /// The `in function`/`in call from` lines below an error: the frames
    /// of the stacktrace that are not the shell's own (erl_eval's frames
    /// are skipped, the shell's end the list), the first one of a BIF with
    /// its `called as` line. The frame a `function_clause` or `undef`
    /// description already named is not repeated.
    private func location(_ exception: ErlangException, consumeDescribed: Bool = true) -> String? {
        var frames = exception.stacktrace.compactMap(StackFrame.init)
        let raisers: Set<String> = ["error", "exit", "throw", "raise", "nif_error"]
        while let f = frames.first, f.module.text == "erlang", raisers.contains(f.function.text) { frames.removeFirst() }
        switch exception.reason {
        case .atom(let a) where consumeDescribed && (a == .functionClause || a == .undef):
            if !frames.isEmpty { frames.removeFirst() }
        default:
            break
        }
        var text = ""
        for frame in frames {
            if frame.module.text == "erl_eval" { continue }
            if frame.module.text == "shell" { break }
            if text.isEmpty, let args = frame.arguments, let call = callLines(frame, args, exception) {
                text += call
                continue
            }
            let qualified = frame.module.text != "erlang" || !StackFrame.isAutoImported(frame.function.text, frame.arity)
            let name = StackFrame.functionText(frame.module, frame.function, qualified: qualified)
            text += indent + (text.isEmpty ? "in function  " : "in call from ") + "\(name)/\(frame.arity)" + frame.locationSuffix + "\n"
            if let segment = SegmentFailureText.line(frame.location) { text += indent + "   " + segment + "\n" }
        }
        return text.isEmpty ? nil : text
    }

    /// `in function`/`in operator` and `called as` lines (and erl's
    /// argument explanations) for a BIF that failed with one of the
    /// reasons erl explains that way; `nil` for other reasons.
    private func callLines(_ top: StackFrame, _ args: [Term], _ exception: ErlangException) -> String? {
        switch exception.reason {
        case .atom(let a) where a == .badarg || a == .badarith || a == .systemLimit:
            break
        case .tuple(let e) where e.count == 2 && (e[0] == .atom(.badkey) || e[0] == .atom(.badmap)):
            break
        default:
            return nil
        }
        let isOperator = top.module.text == "erlang" && StackFrame.isOperator(top.function.text)
        if isOperator {
            // erl writes operators bare (`+/2`, `not/1`), except `'/'/2`.
            let name = top.function.text == "/" ? "'/'" : top.function.text
            let call: String
            if args.count == 2 {
                call = "\(printTerm(args[0], 1)) \(top.function.text) \(printTerm(args[1], 1))"
            } else {
                call = "\(top.function.text) \(args.map { printTerm($0, 1) }.joined(separator: " "))"
            }
            return indent + "in operator  \(name)/\(args.count)\n" + indent + "   called as \(call)\n"
        }
        let qualified = top.module.text != "erlang" || !StackFrame.isAutoImported(top.function.text, args.count)
        let name = StackFrame.functionText(top.module, top.function, qualified: qualified)
        var text = indent + "in function  \(name)/\(args.count)\n" + indent + "   called as " + callText(name, args) + "\n"
        for line in ErrorExplanation.lines(top.module, top.function, args, reason: exception.reason) {
            text += indent + "   " + line + "\n"
        }
        return text
    }
}
