import ErlangStdlib
import ErlangTerms

/// Explains which argument of a BIF or `io` call was bad and why, the
/// `*** argument 1: not a nonempty list` lines erl prints below `called as`.
/// Like OTP's `erl_erts_errors` and `erl_stdlib_errors`, it looks at the
/// arguments again after the call failed with `badarg`.
enum ErrorExplanation {
    /// The explanation lines (without indentation) for `module:function(args)`
    /// failing with `badarg`; empty when erl prints none.
    static func lines(_ module: Atom, _ function: Atom, _ args: [Term], reason: Term) -> [String] {
        if reason == .atom(.badarg), let time = TimeErrors.explain(module.text, function.text, args) {
            return time.sorted { $0.key < $1.key }.map { "*** argument \($0.key): \($0.value)" }
        }
        let found: [(Int, String)]
        switch (module.text, reason) {
        case ("erlang", .atom(.badarg)): found = erlang(function.text, args)
        case ("io", .atom(.badarg)): found = io(function.text, args)
        case ("maps", _): found = maps(function.text, args, reason)
        default: found = []
        }
        return found.map { "*** argument \($0.0): \($0.1)" }
    }

    // MARK: erlang

    private static func erlang(_ name: String, _ args: [Term]) -> [(Int, String)] {
        func first(_ message: String) -> [(Int, String)] { [(1, message)] }
        let a = args.first ?? .nil
        switch (name, args.count) {
        case ("hd", 1), ("tl", 1): return first("not a nonempty list")
        case ("send", 2): return first("invalid destination")
        case ("send", 3):
            guard let options = args[2].listElements else { return [(3, "not a list")] }
            return options.allSatisfy(ProcessBIFs.sendOptions.contains) ? first("invalid destination")
                                                                         : [(3, "invalid option in list")]
        case ("apply", 3):
            guard case .atom = a else { return first("not an atom") }
            guard case .atom = args[1] else { return [(2, "not an atom")] }
            return args[2].properListLength == nil ? [(3, "not a list")] : []
        case ("length", 1): return first("not a list")
        case ("insert_element", 3), ("delete_element", 2):
            // insert_element/3 may also put the element after the last one.
            guard case .int(let n) = a else { return first("not an integer") }
            guard case .tuple(let items) = args[1] else { return [(2, "not a tuple")] }
            let last = items.count + (name == "insert_element" ? 1 : 0)
            return n < 1 || n > last ? first("out of range") : []
        case ("element", 2), ("setelement", 3):
            guard case .int(let n) = a else { return first("not an integer") }
            guard case .tuple(let items) = args[1] else { return [(2, "not a tuple")] }
            return n < 1 || n > items.count ? first("out of range") : []
        case ("module_loaded", 1): return first("not an atom")
        case ("halt", 1), ("halt", 2): return first("invalid status")
        case ("system_info", 1): return first("invalid system info item")
        case ("function_exported", 3):
            if a.atomValue == nil { return first("not an atom") }
            return args[1].atomValue == nil ? [(2, "not an atom")] : []
        case ("tuple_size", 1), ("tuple_to_list", 1): return first("not a tuple")
        case ("map_size", 1): return first("not a map")
        case ("atom_to_list", 1), ("atom_to_binary", 1), ("atom_to_binary", 2): return first("not an atom")
        case ("integer_to_list", 1), ("integer_to_binary", 1): return first("not an integer")
        case ("float_to_list", 1), ("float_to_binary", 1): return first("not a float")
        case ("abs", 1), ("trunc", 1), ("round", 1), ("float", 1): return first("not a number")
        case ("list_to_integer", 1):
            return first(isList(a) ? "not a textual representation of an integer" : "not a list")
        case ("list_to_float", 1):
            return first(isList(a) ? "not a textual representation of a float" : "not a list")
        case ("binary_to_integer", 1):
            return first(isBinary(a) ? "not a textual representation of an integer" : "not a binary")
        case ("binary_to_float", 1):
            return first(isBinary(a) ? "not a textual representation of a float" : "not a binary")
        case ("list_to_atom", 1), ("list_to_existing_atom", 1):
            return first(isList(a) ? "not a list of characters" : "not a list")
        case ("list_to_tuple", 1), ("list_to_binary", 1), ("iolist_to_binary", 1), ("iolist_size", 1):
            if name.hasPrefix("iolist") { return first("not an iodata term") }
            return first(isList(a) ? (name == "list_to_tuple" ? "not a proper list" : "not an iolist term") : "not a list")
        case ("byte_size", 1), ("bit_size", 1): return first("not a bitstring")
        case ("binary_to_list", 1), ("binary_to_atom", 1), ("binary_to_atom", 2), ("binary_to_term", 1):
            return first(isBinary(a) ? "invalid external representation of a term" : "not a binary")
        case ("split_binary", 2):
            guard isBinary(a) else { return first("not a binary") }
            guard case .int = args[1] else { return [(2, "not an integer")] }
            return [(2, "out of range")]
        case ("crc32", 1), ("adler32", 1), ("md5", 1): return first("not an iodata term")
        case ("crc32", 2), ("adler32", 2):
            guard case .int(let n) = a, n >= 0, n <= 0xFFFF_FFFF else {
                return first(a.isInteger ? "out of range" : "not an integer")
            }
            return [(2, "not an iodata term")]
        case ("fun_to_list", 1): return first("not a fun")
        case ("make_fun", 3):
            guard case .atom = a else { return first("not an atom") }
            guard case .atom = args[1] else { return [(2, "not an atom")] }
            return [(3, args[2].isInteger ? "out of range" : "not an integer")]
        case ("monitor", 3):
            return [(3, args[2].listElements == nil ? "not a list" : "invalid option in list")]
        case ("apply", 2), ("apply", 3):
            return []
        default:
            return []
        }
    }

    private static func isList(_ t: Term) -> Bool {
        switch t {
        case .nil, .cons: return true
        case .int, .bigInt, .float, .atom, .tuple, .map, .binary, .pid, .ref, .fun: return false
        }
    }

    private static func isBinary(_ t: Term) -> Bool {
        if case .binary(let b) = t { return b.isBinary }
        return false
    }

    // MARK: maps

    /// `{badkey, K}`: the key argument is not in the map; `{badmap, M}`:
    /// the map argument is not a map (erl_stdlib_errors' wording).
    private static func maps(_ name: String, _ args: [Term], _ reason: Term) -> [(Int, String)] {
        guard case .tuple(let e) = reason, e.count == 2, case .atom(let tag) = e[0] else { return [] }
        let mapPosition: Int
        switch (name, args.count) {
        case ("get", 2), ("get", 3), ("update", 3), ("put", 3), ("remove", 2), ("take", 2), ("find", 2),
             ("is_key", 2), ("update_with", 3), ("update_with", 4):
            mapPosition = name == "update" || name == "put" || name == "update_with" ? 3 : 2
        case ("keys", 1), ("values", 1), ("to_list", 1), ("size", 1):
            mapPosition = 1
        default:
            return []
        }
        if tag == .badmap { return [(mapPosition, "not a map")] }
        if tag == .badkey { return [(1, "not present in map")] }
        return []
    }

    // MARK: io

    private static func io(_ name: String, _ args: [Term]) -> [(Int, String)] {
        switch (name, args.count) {
        case ("format", 1), ("fwrite", 1): return format(args[0], .nil, argumentOffset: 0)
        case ("format", 2), ("fwrite", 2): return format(args[0], args[1], argumentOffset: 0)
        case ("format", 3), ("fwrite", 3):
            if let device = deviceProblem(args[0]) { return [(1, device)] }
            return format(args[1], args[2], argumentOffset: 1)
        case ("put_chars", 1): return [(1, "not valid character data (an iodata term)")]
        case ("put_chars", 2):
            if let device = deviceProblem(args[0]) { return [(1, device)] }
            return [(2, "not valid character data (an iodata term)")]
        case ("nl", 1), ("write", 2):
            return deviceProblem(args[0]).map { [(1, $0)] } ?? []
        default:
            return []
        }
    }

    private static func deviceProblem(_ device: Term) -> String? {
        switch device {
        case .pid: return nil
        case .atom(let a) where ["standard_io", "standard_error", "user"].contains(a.text): return nil
        case .atom: return "the device does not exist"
        case .int, .bigInt, .float, .tuple, .nil, .cons, .map, .binary, .ref, .fun: return "not a pid or an atom"
        }
    }

    /// What erl says about `io:format(Format, Args)` that failed.
    private static func format(_ format: Term, _ arguments: Term, argumentOffset k: Int) -> [(Int, String)] {
        guard let codes = formatCodes(format) else { return [(k + 1, "not a valid format string")] }
        guard let args = arguments.listElements else { return [(k + 2, "not a list")] }
        switch ErlangFormat.argumentTypes(of: codes) {
        case .failure(let error):
            return [(k + 1, "format string invalid (\(error.message))")]
        case .success(let types):
            guard types.count == args.count else { return [(k + 1, "wrong number of arguments")] }
            for (i, (type, arg)) in zip(types, args).enumerated() where !fits(arg, type) {
                return [(k + 2, "element \(i + 1) must be of type \(typeName(type))")]
            }
            return [(k + 1, "failed to format string")]
        }
    }

    private static func formatCodes(_ format: Term) -> [Int]? {
        switch format {
        case .atom(let a): return a.text.unicodeScalars.map { Int($0.value) }
        case .binary(let b) where b.isBinary:
            return String(decoding: b.bytes, as: UTF8.self).unicodeScalars.map { Int($0.value) }
        case .nil, .cons:
            guard let items = format.listElements else { return nil }
            var codes: [Int] = []
            for item in items {
                guard case .int(let c) = item else { return nil }
                codes.append(c)
            }
            return codes
        case .int, .bigInt, .float, .tuple, .map, .binary, .pid, .ref, .fun:
            return nil
        }
    }

    private static func fits(_ arg: Term, _ type: FormatArgumentType) -> Bool {
        switch type {
        case .term: return true
        case .int:
            switch arg {
            case .int, .bigInt: return true
            case .float, .atom, .tuple, .nil, .cons, .map, .binary, .pid, .ref, .fun: return false
            }
        case .float:
            if case .float = arg { return true }
            return false
        case .string:
            switch arg {
            case .atom, .nil, .cons: return isCharData(arg)
            case .binary(let b): return b.isBinary
            case .int, .bigInt, .float, .tuple, .map, .pid, .ref, .fun: return false
            }
        }
    }

    private static func isCharData(_ term: Term) -> Bool {
        var stack = [term]
        while let t = stack.popLast() {
            switch t {
            case .atom where stack.isEmpty && t == term: continue
            case .nil: continue
            case .int(let c): guard c >= 0 else { return false }
            case .binary(let b): guard b.isBinary else { return false }
            case .cons(let cell):
                stack.append(cell.tail)
                stack.append(cell.head)
            case .atom, .bigInt, .float, .tuple, .map, .pid, .ref, .fun: return false
            }
        }
        return true
    }

    private static func typeName(_ type: FormatArgumentType) -> String {
        switch type {
        case .term: return "term"
        case .int: return "integer"
        case .float: return "float"
        case .string: return "string"
        }
    }
}
