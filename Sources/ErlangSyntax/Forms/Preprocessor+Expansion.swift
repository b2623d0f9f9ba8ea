/// Macro expansion: `?NAME`, `?NAME(Args)` and `??Arg`.
extension Preprocessor {
    /// The function a form defines, for `?FUNCTION_NAME` and `?FUNCTION_ARITY`.
    struct FunctionContext {
        var name: String
        var arity: Int
    }

    /// `name(A, B) -> ...` gives `name/2`.
    func functionContext(_ form: [Token]) -> FunctionContext? {
        guard form.count > 2, case .atom(let name) = form[0].kind, form[1].kind == .symbol("(") else { return nil }
        guard let args = macroArguments(form[...], open: 1) else { return nil }
        return FunctionContext(name: name, arity: args.arguments.count)
    }

    /// Expands every macro in `tokens` onto `output`.
    mutating func expand(_ tokens: ArraySlice<Token>, into output: inout [Token], depth: Int, function: FunctionContext?) {
        guard depth < Self.maxExpansionDepth else {
            if let first = tokens.first {
                errors.append(SourceDiagnostic(file: file, location: first.location, message: "macro expansion too deep"))
            }
            return
        }
        var i = tokens.startIndex
        while i < tokens.endIndex {
            let token = tokens[i]
            guard token.kind == .symbol("?"), i + 1 < tokens.endIndex, let name = macroName(tokens[i + 1]) else {
                output.append(token)
                i += 1
                continue
            }
            let at = token.location
            if let literal = predefinedToken(name, at: at, function: function) {
                output.append(literal)
                i += 2
                continue
            }
            guard let definitions = macros[name] else {
                errors.append(SourceDiagnostic(file: file, location: tokens[i + 1].location, message: "undefined macro '\(name)'"))
                i += 2
                continue
            }
            var arguments: [[Token]]?
            var next = i + 2
            if next < tokens.endIndex, tokens[next].kind == .symbol("("),
               definitions.contains(where: { $0.parameters != nil }) {
                guard let found = macroArguments(tokens, open: next) else {
                    errors.append(SourceDiagnostic(file: file, location: tokens[i + 1].location,
                                                   message: "badly formed argument list for macro '\(name)'"))
                    return
                }
                arguments = found.arguments
                next = found.end
            }
            guard let macro = definitions.first(where: { $0.parameters?.count == arguments?.count }) else {
                errors.append(SourceDiagnostic(file: file, location: tokens[i + 1].location,
                                               message: "argument mismatch for macro '\(name)'"))
                i = next
                continue
            }
            let body = substitute(macro, arguments ?? [], at: at)
            expand(body[...], into: &output, depth: depth + 1, function: function)
            i = next
        }
    }

    /// The tokens of a predefined macro, or `nil` when `name` is not one.
    func predefinedToken(_ name: String, at: SourceLocation, function: FunctionContext?) -> Token? {
        switch name {
        case "MODULE": return moduleName.map { Token(.atom($0), at: at) }
        case "MODULE_STRING": return moduleName.map { Token(.string($0.unicodeScalars.map { Int($0.value) }), at: at) }
        case "LINE": return Token(.integer(at.line), at: at)
        case "FILE": return Token(.string(file.unicodeScalars.map { Int($0.value) }), at: at)
        case "FUNCTION_NAME": return function.map { Token(.atom($0.name), at: at) }
        case "FUNCTION_ARITY": return function.map { Token(.integer($0.arity), at: at) }
        case "MACHINE": return Token(.atom("BEAM"), at: at)
        case "OTP_RELEASE": return Token(.integer(25), at: at)
        default: return nil
        }
    }

    /// The macro body with its parameters replaced, every token placed at `at`.
    func substitute(_ macro: Macro, _ arguments: [[Token]], at: SourceLocation) -> [Token] {
        let parameters = macro.parameters ?? []
        var result: [Token] = []
        var i = 0
        let body = macro.body
        while i < body.count {
            let token = body[i]
            if token.kind == .symbol("?"), i + 2 < body.count, body[i + 1].kind == .symbol("?"),
               case .variable(let v) = body[i + 2].kind, let index = parameters.firstIndex(of: v) {
                let text = arguments[index].map(Self.sourceText).joined(separator: " ")
                result.append(Token(.string(text.unicodeScalars.map { Int($0.value) }), at: at))
                i += 3
                continue
            }
            if case .variable(let v) = token.kind, let index = parameters.firstIndex(of: v) {
                result += arguments[index].map { Token($0.kind, at: at) }
            } else {
                result.append(Token(token.kind, at: at))
            }
            i += 1
        }
        return result
    }

    /// The arguments of a macro call whose `(` is at `open`, split at
    /// top-level commas, and the index after the closing `)`.
    func macroArguments(_ tokens: ArraySlice<Token>, open: Int) -> (arguments: [[Token]], end: Int)? {
        var depth = 0
        var arguments: [[Token]] = []
        var current: [Token] = []
        var i = open
        while i < tokens.endIndex {
            let kind = tokens[i].kind
            switch kind {
            case .symbol("("), .symbol("["), .symbol("{"), .symbol("<<"):
                depth += 1
                if depth > 1 { current.append(tokens[i]) }
            case .symbol(")"), .symbol("]"), .symbol("}"), .symbol(">>"):
                depth -= 1
                if depth == 0 {
                    if !current.isEmpty || !arguments.isEmpty { arguments.append(current) }
                    return (arguments, i + 1)
                }
                current.append(tokens[i])
            case .symbol(",") where depth == 1:
                arguments.append(current)
                current = []
            case .dot:
                return nil
            default:
                current.append(tokens[i])
            }
            i += 1
        }
        return nil
    }

    /// A token as source text, for `??Arg`.
    static func sourceText(_ token: Token) -> String {
        switch token.kind {
        case .atom(let a): return AtomSyntax.quotedIfNeeded(a)
        case .variable(let v): return v
        case .integer(let n): return String(n)
        case .bigInteger(let n): return String(n)
        case .float(let f): return String(f)
        case .char(let c): return "$" + (Unicode.Scalar(UInt32(clamping: c)).map { String(Character($0)) } ?? "?")
        case .string(let codes):
            return "\"" + String(String.UnicodeScalarView(codes.compactMap { Unicode.Scalar(UInt32(clamping: $0)) })) + "\""
        case .keyword(let k): return k
        case .symbol(let s): return s
        case .dot: return "."
        }
    }
}
