import ErlangTerms

/// How a crash report describes the exception that ended a process:
/// `exception error: no match of right hand side value bad` followed by
/// the stack, `in function  M:F/A (File, line N)` then `in call from ...`.
/// Mirrors the layout `proc_lib` gets from `erl_error:format_exception/4`.
enum ExceptionText {
    /// The lines, each starting at `indent` spaces.
    static func lines(_ kind: ErlangException.Class, _ reason: Term, _ stack: [Term], indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        let head = "\(pad)exception \(kind.rawValue): "
        var stack = stack[...]
        var words = explanation(kind, reason, column: head.count + 1)
        if kind == .error, reason == .atom(.undef), let first = stack.first, let name = undefinedName(first) {
            words = "undefined function " + name
            stack = stack.dropFirst()
        }
        var out = [head + words]
        for (index, frame) in stack.enumerated() {
            guard let text = frameText(frame) else { continue }
            out.append(pad + (index == 0 ? "  in function  " : "  in call from ") + text)
        }
        return out
    }

    /// erl's words for the common error reasons; the reason as `~tp` otherwise.
    static func explanation(_ kind: ErlangException.Class, _ reason: Term, column: Int) -> String {
        let printer = PrettyPrinter(unicode: true)
        guard kind == .error else { return printer.print(reason, column: column) }
        switch reason {
        case .atom(let a) where a == .badarith:
            return "an error occurred when evaluating an arithmetic expression"
        case .atom(let a) where a == .badarg:
            return "bad argument"
        case .atom(let a) where a == .ifClause:
            return "no true branch found when evaluating an if expression"
        case .atom(let a) where a == .functionClause:
            return "no function clause matching"
        case .atom(let a) where a == .undef:
            return "undefined function"
        case .tuple(let e) where e.count == 2:
            guard case .atom(let tag) = e[0] else { break }
            let prefix: String
            switch tag {
            case .badmatch: prefix = "no match of right hand side value "
            case .caseClause: prefix = "no case clause matching "
            case .tryClause: prefix = "no try clause matching "
            case .badfun: prefix = "bad function "
            default: return printer.print(reason, column: column)
            }
            return prefix + printer.print(e[1], column: column + prefix.count)
        default:
            break
        }
        return printer.print(reason, column: column)
    }

    /// `M:F/A` for the frame of a call to an undefined function.
    static func undefinedName(_ frame: Term) -> String? {
        guard case .tuple(let e) = frame, e.count == 4, case .atom(let m) = e[0], case .atom(let f) = e[1] else {
            return nil
        }
        let arity: Int
        if case .int(let n) = e[2] { arity = n } else { arity = e[2].listElements?.count ?? 0 }
        return "\(AtomText.quoted(m)):\(AtomText.quoted(f))/\(arity)"
    }

    /// `M:F/A (File, line N)` for one stack frame; `nil` for a malformed one.
    static func frameText(_ frame: Term) -> String? {
        guard case .tuple(let e) = frame, e.count == 4, case .atom(let m) = e[0], case .atom(let f) = e[1] else {
            return nil
        }
        let arity: Int
        switch e[2] {
        case .int(let n): arity = n
        default: arity = e[2].listElements?.count ?? 0
        }
        let name = m.text == "erlang" ? "\(AtomText.quoted(f))/\(arity)"
                                      : "\(AtomText.quoted(m)):\(AtomText.quoted(f))/\(arity)"
        var file: String?
        var line: Int?
        for item in e[3].listElements ?? [] {
            guard case .tuple(let kv) = item, kv.count == 2, case .atom(let key) = kv[0] else { continue }
            if key == OTPAtom.file, let codes = StringText.printableCodes(kv[1], range: .unicode) {
                file = String(String.UnicodeScalarView(codes.compactMap { Unicode.Scalar(UInt32(clamping: $0)) }))
            }
            if key == OTPAtom.line, case .int(let n) = kv[1] { line = n }
        }
        if let file, let line { return "\(name) (\(file), line \(line))" }
        return name
    }
}
