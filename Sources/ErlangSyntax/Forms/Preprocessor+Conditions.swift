import ErlangTerms

/// `-if(Condition).` and `-elif(Condition).`: the condition is a constant
/// expression after macro expansion (comparisons, arithmetic, boolean
/// operators, `defined(Macro)`), as epp evaluates it.
extension Preprocessor {
    /// One open conditional.
    struct Conditional {
        /// Whether the current branch's forms are kept.
        var live: Bool
        /// Whether some branch was already taken (so later ones are not).
        var taken: Bool
        /// Whether `-else` was seen.
        var sawElse: Bool
        /// Where the conditional starts.
        var location: SourceLocation
        /// Its latest directive (`ifdef`, `ifndef`, `if`, `elif`, `else`),
        /// which erl names when the file ends inside it.
        var directive: String
    }

    /// The value of the condition in `-if(...)`/`-elif(...)`, or `nil`
    /// (an error was recorded) when it is not a constant expression.
    mutating func condition(_ form: [Token], _ directive: String) -> Bool? {
        guard form.count >= 6, form[2].kind == .symbol("("), form[form.count - 2].kind == .symbol(")") else {
            bad(directive, form[1].location)
            return nil
        }
        var body: [Token] = []
        var i = 3
        let end = form.count - 2
        while i < end {
            // defined(NAME) is answered before expansion.
            if form[i].kind == .atom("defined"), i + 3 < end + 1, form[i + 1].kind == .symbol("("),
               let name = macroName(form[i + 2]), form[i + 3].kind == .symbol(")") {
                body.append(Token(.atom(macros[name] != nil || predefined(name) ? "true" : "false"), at: form[i].location))
                i += 4
                continue
            }
            body.append(form[i])
            i += 1
        }
        var expanded: [Token] = []
        expand(body[...], into: &expanded, depth: 0, function: nil)
        expanded.append(Token(.dot, at: form[form.count - 1].location))
        guard let exprs = try? Parser.parseExprs(expanded), exprs.count == 1,
              let value = Self.constant(exprs[0], budget: 200), let truth = value.boolValue else {
            errors.append(SourceDiagnostic(file: file, location: form[1].location, message: "bad '\(directive)' condition"))
            return nil
        }
        return truth
    }

    /// A constant expression's value.
    static func constant(_ e: Expr, budget: Int) -> Term? {
        guard budget > 0 else { return nil }
        switch e {
        case .binaryOp(let op, let l, let r, _):
            guard let a = constant(l, budget: budget - 1), let b = constant(r, budget: budget - 1) else { return nil }
            return binary(op, a, b)
        case .unaryOp("not", let operand, _):
            return constant(operand, budget: budget - 1)?.boolValue.map { Term.bool(!$0) }
        case .unaryOp("-", let operand, _):
            guard case .int(let n)? = constant(operand, budget: budget - 1) else { return nil }
            return .int(-n)
        default:
            return LiteralTerm.term(e)
        }
    }

    static func binary(_ op: String, _ a: Term, _ b: Term) -> Term? {
        let order = Term.compare(a, b)
        switch op {
        case "==": return .bool(order == 0)
        case "/=": return .bool(order != 0)
        case "=:=": return .bool(Term.compare(a, b, exact: true) == 0)
        case "=/=": return .bool(Term.compare(a, b, exact: true) != 0)
        case "<": return .bool(order < 0)
        case "=<": return .bool(order <= 0)
        case ">": return .bool(order > 0)
        case ">=": return .bool(order >= 0)
        case "andalso", "and":
            guard let x = a.boolValue, let y = b.boolValue else { return nil }
            return .bool(x && y)
        case "orelse", "or":
            guard let x = a.boolValue, let y = b.boolValue else { return nil }
            return .bool(x || y)
        default:
            guard case .int(let x) = a, case .int(let y) = b else { return nil }
            switch op {
            case "+": return .int(x &+ y)
            case "-": return .int(x &- y)
            case "*": return .int(x &* y)
            case "div": return y == 0 ? nil : .int(x / y)
            case "rem": return y == 0 ? nil : .int(x % y)
            default: return nil
            }
        }
    }
}
