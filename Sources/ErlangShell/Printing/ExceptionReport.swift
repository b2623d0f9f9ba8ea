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
    /// A call's arguments are printed as one list (`ExceptionReport+Layout`).
    let printTerm: (Term, Int) -> String

    /// A report that prints terms with `printTerm` and the `**` marker.
    init(marker: String = "**", printTerm: @escaping (Term, Int) -> String) {
        self.marker = marker
        self.printTerm = printTerm
    }

    /// The complete report, ending in a newline. When an exit signal killed
    /// the evaluator (`killedBySignal`) and its reason is `{Reason,
    /// Stacktrace}` (a linked process crashed with an error), the reason
    /// shows as a term with the stacktrace below it, as erl does.
    func format(_ exception: ErlangException, killedBySignal: Bool = false) -> String {
        var exception = exception
        exception.stacktrace = ShellCallerFrame.resolved(exception.stacktrace)
        let prefix = "\(marker) exception \(exception.kind.rawValue): "
        if killedBySignal, exception.kind == .exit, case .tuple(let e) = exception.reason, e.count == 2,
           let frames = e[1].listElements, !frames.isEmpty, frames.allSatisfy({ StackFrame($0) != nil }) {
            var text = prefix + printTerm(e[0], prefix.count + 1) + "\n"
            text += stackLines(frames, reason: e[0])
            return text
        }
        var text = prefix + describe(exception, column: prefix.count + 1) + "\n"
        if let location = location(exception, consumeDescribed: exception.kind == .error) { text += location }
        return text
    }

    /// The indentation of the `in function` lines (one more than the marker's width... as erl lays them out).
    private var indent: String { String(repeating: " ", count: marker.count + 3) }

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
            case "badarg": return top?.isBinaryConstructionFailure == true ? "construction of binary failed" : "bad argument"
            case "badarith": return "an error occurred when evaluating an arithmetic expression"
            case "if_clause": return "no true branch found when evaluating an if expression"
            case "system_limit": return "a system limit has been reached"
            case "timeout_value": return "bad receive timeout value"
            case "noproc": return "no such process or port"
            case "notalive": return "the node cannot be part of a distributed system"
            case "undef":
                guard let top else { return "undef" }
                return "undefined function \(StackFrame.mfaText(top.module, top.function, top.arity))"
            case "function_clause":
                // erl_error explains a frame with arguments, and a shell
                // command's own single frame (`[{shell, f, 1, []}]`).
                guard let top else { return "function_clause" }
                guard let args = top.arguments else {
                    guard exception.stacktrace.count == 1, top.module.text == "shell" else {
                        return printTerm(reason, column)
                    }
                    return "no function clause matching call to \(top.function.text)/\(top.arity)"
                }
                let name = StackFrame.functionText(top.module, top.function, qualified: true)
                let lead = String(repeating: " ", count: column - 1)
                let call = callText("no function clause matching ", name, args, lead: lead)
                // erl puts a space before the location, also when there is none.
                return call + (top.locationSuffix.isEmpty ? " " : top.locationSuffix)
            default:
                return printTerm(reason, column)
            }
        case .tuple(let e) where e.count == 4 && e[0] == .atom("shell_undef"):
            // A local call the shell could not resolve.
            guard case .atom(let name) = e[1], case .int(let arity) = e[2] else { return printTerm(reason, column) }
            return "undefined shell command \(AtomText.quoted(name))/\(arity)"
        case .tuple(let e) where e.count == 2:
            guard case .atom(let tag) = e[0] else { return printTerm(reason, column) }
            let value = e[1]
            switch tag.text {
            case "badarg": return valueText("bad argument: ", value, column: column)
            case "badmatch": return valueText("no match of right hand side value ", value, column: column)
            case "case_clause": return valueText("no case clause matching ", value, column: column)
            case "else_clause": return valueText("no else clause matching ", value, column: column)
            case "try_clause": return valueText("no try clause matching ", value, column: column)
            case "badkey": return valueText("bad key: ", value, column: column)
            case "badmap": return valueText("bad map: ", value, column: column)
            case "badfun": return valueText("bad function ", value, column: column)
            case "bad_filter": return valueText("bad filter ", value, column: column)
            case "bad_generator": return valueText("bad generator ", value, column: column)
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
            // An auto-imported BIF is named bare (`abs/1`), as erl does.
            if module.text == "erlang", StackFrame.isAutoImported(function.text, fun.arity) {
                return "\(function.text)/\(fun.arity) called with \(arguments)"
            }
            return "\(StackFrame.mfaText(module, function, fun.arity)) called with \(arguments)"
        }
    }

    /// `no arguments`, `one argument`, `two arguments`, then `3 arguments`
    /// and on, as erl words them.
    static func argumentWords(_ count: Int) -> String {
        let words = ["no arguments", "one argument", "two arguments"]
        return count < words.count ? words[count] : "\(count) arguments"
    }

    /// The `in function`/`called as` lines erl adds for an error raised by a BIF.
    /// The `in function`/`in call from` lines below an exception: the
    /// frames of the stacktrace above the shell's own, the first one of a
    /// BIF with its `called as` line. The frame a `function_clause` or `undef`
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
        // The shell's own frames at the bottom are not shown (erl's shell
        // gives erl_error a stack filter that matches erl_eval and shell,
        // applied from the bottom up): one above other code is, such as
        // `shell:apply_fun/3` over `lists:foreach_1/2`.
        while let last = frames.last, last.module.text == "erl_eval" || last.module.text == "shell" { frames.removeLast() }
        var text = ""
        for frame in frames {
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
        // erl_error writes any top frame that has its arguments as `called as`
        // (`erlang:error(empty, [Q])` in queue:get/1 too); the argument
        // explanations are only for the reasons erts explains.
        let explained: Bool
        switch exception.reason {
        case .atom(let a) where a == .badarg || a == .badarith || a == .systemLimit:
            explained = true
        case .tuple(let e) where e.count == 2 && (e[0] == .atom(.badkey) || e[0] == .atom(.badmap)):
            explained = true
        default:
            explained = false
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
        let calledAs = indent + "   called as "
        var text = indent + "in function  \(name)/\(args.count)\n" + calledAs + callText("", name, args, lead: calledAs) + "\n"
        for line in explained ? ErrorExplanation.lines(top.module, top.function, args, reason: exception.reason) : [] {
            text += indent + "   " + line + "\n"
        }
        return text
    }
}
