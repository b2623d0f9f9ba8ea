import ErlangEval
import ErlangTerms

/// One decoded stacktrace entry `{Module, Function, ArityOrArgs, Location}`.
struct StackFrame {
    let module: Atom
    let function: Atom
    let arity: Int
    /// The call's arguments, when the frame records them.
    let arguments: [Term]?
    let location: [Term]

    init?(_ term: Term) {
        guard case .tuple(let e) = term, e.count == 4, case .atom(let m) = e[0], case .atom(let f) = e[1] else { return nil }
        module = m
        function = f
        location = e[3].listElements ?? []
        switch e[2] {
        case .int(let n):
            arity = n
            arguments = nil
        default:
            guard let args = e[2].listElements else { return nil }
            arity = args.count
            arguments = args
        }
    }

    /// Whether the frame is the shell's own call of an unknown local function.
    var isShellCommand: Bool { module.text == "erl_eval" }

    /// ` (file.erl, line N)` when the frame knows its location, else ` `.
    var locationSuffix: String {
        var file: String?
        var line: Int?
        for item in location {
            guard case .tuple(let kv) = item, kv.count == 2, case .atom(let key) = kv[0] else { continue }
            if key.text == "file", let codes = kv[1].listElements {
                file = String(String.UnicodeScalarView(codes.compactMap {
                    if case .int(let c) = $0 { return Unicode.Scalar(UInt32(clamping: c)) } else { return nil }
                }))
            }
            if key.text == "line", case .int(let n) = kv[1] { line = n }
        }
        // erl separates the location with a space even when it has none.
        guard let file, let line else { return " " }
        return " (\(file), line \(line))"
    }

    /// `M:F`, or just `F` for an auto-imported BIF, with atoms quoted as needed.
    static func functionText(_ module: Atom, _ function: Atom, qualified: Bool) -> String {
        let f = AtomText.quoted(function)
        return qualified ? "\(AtomText.quoted(module)):\(f)" : f
    }

    /// `M:F/A`.
    static func mfaText(_ module: Atom, _ function: Atom, _ arity: Int) -> String {
        "\(functionText(module, function, qualified: true))/\(arity)"
    }

    static func isOperator(_ name: String) -> Bool {
        ["+", "-", "*", "/", "div", "rem", "band", "bor", "bxor", "bsl", "bsr", "bnot", "not", "and", "or", "xor",
         "==", "/=", "=<", "<", ">=", ">", "=:=", "=/=", "++", "--", "!"].contains(name)
    }

    /// Whether `erlang:Name/Arity` is auto-imported, so erl prints it
    /// without its module (`hd/1`, but `erlang:phash2/1`): the table the
    /// evaluator resolves local calls with.
    static func isAutoImported(_ name: String, _ arity: Int) -> Bool {
        AutoImports.isAutoImported(name, arity)
    }
}
