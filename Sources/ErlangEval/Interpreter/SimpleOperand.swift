import ErlangSyntax
import ErlangTerms

/// An element of a tuple being built that needs no code of its own: a
/// literal or a variable. A tuple of such elements (`{reply, ok, State}`,
/// the usual callback result) is built by one closure reading them in
/// place, not one closure call per element, and a tuple of literals alone
/// is made once, when it compiles (terms are immutable, so every
/// evaluation may share it).
enum SimpleOperand: Sendable {
    case literal(Term)
    case variable(Variable, SourceLocation)

    /// `e` as an operand, or `nil` when it needs code.
    init?(_ e: Expr) {
        switch e {
        case .integer, .bigInteger, .float, .atom, .char, .string:
            self = .literal(Pattern.literal(e))
        case .variable(let name, let location) where name != "_":
            self = .variable(Variable(name), location)
        default:
            return nil
        }
    }

    /// The operand's value in `env`; an unbound variable raises what
    /// compiled code raises for it.
    @inline(__always)
    func value(in env: Bindings) throws -> Term {
        switch self {
        case .literal(let term):
            return term
        case .variable(let variable, let location):
            guard let value = env[variable] else {
                throw EvalDiagnostic("variable '\(variable.name)' is unbound", at: location)
            }
            return value
        }
    }

    /// The code building the tuple of `items`, when every item is an
    /// operand; `nil` otherwise.
    static func tuple(_ items: [Expr]) -> Compiled? {
        let operands = items.compactMap(SimpleOperand.init)
        guard operands.count == items.count else { return nil }
        let literals = operands.compactMap { operand -> Term? in
            if case .literal(let term) = operand { return term }
            return nil
        }
        if literals.count == operands.count { return .constant(.tuple(literals)) }
        return .sync { env, _ in
            var elements: [Term] = []
            elements.reserveCapacity(operands.count)
            for operand in operands { elements.append(try operand.value(in: env)) }
            return .tuple(elements)
        }
    }
}
