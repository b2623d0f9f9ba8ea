import ErlangSyntax
import ErlangTerms

/// A tuple written with literals and variables only (`{reply, ok, State}`,
/// the usual callback result): built by one closure that reads each
/// element from its literal or its variable, not one closure call per
/// element. A tuple of literals alone is made once, when it
/// compiles (terms are immutable, so every evaluation may share it).
enum TupleTemplate {
    /// The code building the tuple of `items`, when every item is a
    /// literal or a variable; `nil` otherwise.
    static func compile(_ items: [Expr]) -> Compiled? {
        var template: [Term] = []
        // Where each element comes from: the template (-1), or a variable.
        var source: [Int] = []
        var variables: [Variable] = []
        var locations: [SourceLocation] = []
        for item in items {
            switch item {
            case .integer, .bigInteger, .float, .atom, .char, .string:
                source.append(-1)
                template.append(Pattern.literal(item))
            case .variable(let name, let location) where name != "_":
                source.append(variables.count)
                template.append(.nil)
                variables.append(Variable(name))
                locations.append(location)
            default:
                return nil
            }
        }
        if variables.isEmpty { return .constant(.tuple(template)) }
        let reader = Reader(template: template, source: source, variables: variables, locations: locations)
        // Left to right, so the first unbound variable is the one reported.
        // Up to three elements as an array literal: one allocation of the
        // exact size.
        switch template.count {
        case 1:
            return .sync { env, _ in .tuple([try reader.element(0, env)]) }
        case 2:
            return .sync { env, _ in
                let first = try reader.element(0, env)
                return .tuple([first, try reader.element(1, env)])
            }
        case 3:
            return .sync { env, _ in
                let first = try reader.element(0, env)
                let second = try reader.element(1, env)
                return .tuple([first, second, try reader.element(2, env)])
            }
        default:
            let count = template.count
            return .sync { env, _ in
                var elements: [Term] = []
                elements.reserveCapacity(count)
                for index in 0..<count { elements.append(try reader.element(index, env)) }
                return .tuple(elements)
            }
        }
    }

    /// Reads a tuple's elements, each from the template or its variable.
    private struct Reader: Sendable {
        let template: [Term]
        /// For each element, the index of its variable, or -1.
        let source: [Int]
        let variables: [Variable]
        let locations: [SourceLocation]

        @inline(__always)
        func element(_ index: Int, _ env: Bindings) throws -> Term {
            let k = source[index]
            guard k >= 0 else { return template[index] }
            return try Interpreter.value(of: variables[k], named: variables[k].name, at: locations[k], in: env)
        }
    }
}
