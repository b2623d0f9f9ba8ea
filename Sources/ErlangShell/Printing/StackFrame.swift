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
    /// without its module (`hd/1`, but `erlang:phash2/1`).
    static func isAutoImported(_ name: String, _ arity: Int) -> Bool {
        !notAutoImported.contains(name)
    }

    private static let notAutoImported: Set<String> = [
        "phash", "phash2", "display", "send_after", "start_timer", "cancel_timer", "read_timer", "fun_info",
        "append_element", "convert_time_unit", "unique_integer", "timestamp", "memory", "system_time",
        "monotonic_time", "time_offset", "function_exported", "process_display", "trace", "error_logger",
        "iolist_to_iovec", "system_flag", "raise", "suspend_process", "resume_process", "hibernate",
        "fun_to_list", "ref_to_list", "port_info", "bump_reductions", "yield",
        "universaltime", "localtime", "localtime_to_universaltime", "universaltime_to_localtime",
        "adler32", "crc32", "md5", "external_size", "make_fun", "get_cookie", "dt_get_tag",
        "system_info", "system_monitor", "system_profile", "insert_element", "delete_element",
    ]
}
