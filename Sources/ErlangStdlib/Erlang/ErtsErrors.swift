import ErlangRuntime
import ErlangTerms

/// Why a BIF rejected its arguments, in erl's words: the text of the
/// shell's `*** argument N: not an atom` lines. Mirrors `erl_erts_errors`
/// (`format_error/2`), which erl_error consults for a frame whose location
/// holds `{error_info, #{module => erl_erts_errors}}`.
public enum ErtsErrors {
    /// The location list erlang BIF frames carry.
    static let errorInfoLocation: Term =
        .list([.tuple([.atom("error_info"), .map([(.atom("module"), .atom("erl_erts_errors"))])])])

    /// The explanations for an error `reason` raised by `erlang:function(args...)`:
    /// argument position (1-based) to text; empty when erl has none.
    public static func explain(_ function: String, _ args: [Term], reason: Term) -> [Int: String] {
        var out: [Int: String] = [:]
        func arg(_ n: Int, _ text: String?) { if let text { out[n] = text } }
        let a = args
        switch (function, a.count) {
        case ("atom_to_list", 1), ("atom_to_binary", 1), ("atom_to_binary", 2):
            arg(1, isAtom(a[0]) ? nil : "not an atom")
        case ("module_loaded", 1):
            arg(1, isAtom(a[0]) ? nil : "not an atom")
        case ("function_exported", 3):
            arg(1, isAtom(a[0]) ? nil : "not an atom")
            arg(2, isAtom(a[1]) ? nil : "not an atom")
        case ("list_to_atom", 1):
            arg(1, a[0].isList ? "not a list of characters" : "not a list")
        case ("list_to_existing_atom", 1):
            arg(1, a[0].isList ? "not an already existing atom" : "not a list")
        case ("binary_to_atom", _), ("binary_to_existing_atom", _):
            arg(1, isBinary(a[0]) ? (function.contains("existing") ? "not an already existing atom" : nil) : "not a binary")
        case ("integer_to_list", 1), ("integer_to_binary", 1):
            arg(1, a[0].isInteger ? nil : "not an integer")
        case ("integer_to_list", 2), ("integer_to_binary", 2):
            arg(1, a[0].isInteger ? nil : "not an integer")
            arg(2, isBase(a[1]) ? nil : "not an integer in the range 2 through 36")
        case ("list_to_integer", _):
            if a.count == 2, !isBase(a[1]) { arg(2, "not an integer in the range 2 through 36") }
            else { arg(1, a[0].isList ? "not a textual representation of an integer" : "not a list") }
        case ("binary_to_integer", _):
            if a.count == 2, !isBase(a[1]) { arg(2, "not an integer in the range 2 through 36") }
            else { arg(1, isBinary(a[0]) ? "not a textual representation of an integer" : "not a binary") }
        case ("list_to_float", 1):
            arg(1, a[0].isList ? "not a textual representation of a float" : "not a list")
        case ("binary_to_float", 1):
            arg(1, isBinary(a[0]) ? "not a textual representation of a float" : "not a binary")
        case ("float_to_list", _), ("float_to_binary", _):
            if case .float = a[0] { arg(2, a.count == 2 ? "invalid option in list" : nil) } else { arg(1, "not a float") }
        case ("element", 2):
            if !a[0].isInteger { arg(1, "not an integer") }
            else if case .tuple = a[1] { arg(1, "out of range") }
            if case .tuple = a[1] {} else { arg(2, "not a tuple") }
        case ("setelement", 3):
            if !a[0].isInteger { arg(1, "not an integer") }
            else if case .tuple = a[1] { arg(1, "out of range") }
            if case .tuple = a[1] {} else { arg(2, "not a tuple") }
        case ("make_tuple", _):
            arg(1, "out of range")
        case ("tuple_size", 1), ("tuple_to_list", 1):
            if case .tuple = a[0] {} else { arg(1, "not a tuple") }
        case ("size", 1):
            arg(1, "not tuple or binary")
        case ("list_to_tuple", 1), ("length", 1):
            arg(1, "not a list")
        case ("hd", 1), ("tl", 1):
            arg(1, "not a nonempty list")
        case ("abs", 1), ("float", 1), ("round", 1), ("trunc", 1), ("floor", 1), ("ceil", 1):
            arg(1, a[0].isNumber ? nil : "not a number")
        case ("binary_to_list", 1), ("split_binary", 2), ("binary_to_list", 3), ("binary_part", _):
            if !isBinary(a[0]) { arg(1, "not a binary") }
            else if function == "binary_to_list", a.count == 3, case .int(let from) = a[1], case .int(let to) = a[2], from > to {
                arg(2, "start position greater than stop position")
            } else if a.count >= 2 { arg(2, "out of range") }
        case ("byte_size", 1), ("bit_size", 1), ("bitstring_to_list", 1):
            if case .binary = a[0] {} else { arg(1, "not a bitstring") }
        case ("list_to_binary", 1), ("iolist_to_binary", 1):
            arg(1, "not an iolist term")
        case ("iolist_size", 1):
            arg(1, "not an iodata term")
        case ("binary_to_term", _):
            arg(1, isBinary(a[0]) ? "invalid external representation of a term" : "not a binary")
        case ("map_size", 1):
            arg(1, isMap(a[0]) ? nil : "not a map")
        case ("map_get", 2), ("is_map_key", 2):
            arg(2, isMap(a[1]) ? nil : "not a map")
        case ("fun_info", 2):
            if case .fun = a[0] { arg(2, "invalid item") } else { arg(1, "not a fun") }
        case ("fun_info", 1):
            arg(1, "not a fun")
        default:
            if let time = ErlangBIFs.explainTime(function, a) { out = time }
        }
        return out
    }

    static func isAtom(_ t: Term) -> Bool { if case .atom = t { return true } else { return false } }
    static func isMap(_ t: Term) -> Bool { if case .map = t { return true } else { return false } }
    static func isBinary(_ t: Term) -> Bool { if case .binary(let b) = t { return b.isBinary } else { return false } }
    static func isBase(_ t: Term) -> Bool { if case .int(let b) = t { return (2...36).contains(b) } else { return false } }

    /// `erl_erts_errors:format_error(Reason, StackTrace)`: a map from
    /// argument position to its explanation, for the top frame.
    static let functions: FunctionTable = [
        bif("format_error", 2, { _, a in
            guard let frames = a[1].listElements, case .tuple(let top)? = frames.first, top.count == 4,
                  case .atom(let function) = top[1], let args = top[2].listElements else { return .map(.empty) }
            let explained = explain(function.text, args, reason: a[0])
            return .map(explained.map { (Term.int($0.key), Term.string($0.value)) })
        }),
    ]

    /// Wraps every function of an `erlang` table so that an error it raises
    /// without a stacktrace gets erl's frame `{erlang, F, Args, [{error_info, ...}]}`.
    static func withErrorInfo(_ table: FunctionTable) -> FunctionTable {
        table.map { row in
            let atom = Atom(row.name)
            // The same kind of function as the row: a BIF that never
            // suspends stays one, so compiled code can call it directly.
            if let body = row.syncBody {
                return NativeFunction(row.name, row.arity) { process, args in
                    do {
                        return try body(process, args)
                    } catch let exception as ErlangException {
                        throw withErrorInfo(exception, atom, args)
                    }
                }
            }
            let body = row.body
            return NativeFunction(row.name, row.arity, { process, args in
                do {
                    return try await body(process, args)
                } catch let exception as ErlangException {
                    throw withErrorInfo(exception, atom, args)
                }
            })
        }
    }

    /// `exception` with the frame `{erlang, Name, Args, [error_info]}` when
    /// it is an error raised without a stacktrace.
    private static func withErrorInfo(_ exception: ErlangException, _ name: Atom, _ args: [Term]) -> ErlangException {
        guard exception.stacktrace.isEmpty, !exception.stacktraceIsGiven, exception.kind == .error else { return exception }
        var framed = exception
        framed.stacktrace = [.tuple([.atom(Atom("erlang")), .atom(name), .list(args), errorInfoLocation])]
        return framed
    }
}
