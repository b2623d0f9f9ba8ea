import ErlangRuntime
import ErlangSyntax
import ErlangTerms

/// A tuple whose elements cannot suspend (`{reply, ok, State}`,
/// `{noreply, N + 1}`: the usual callback results): built by one closure
/// that reads each element from its literal or its variable, or runs its
/// code, into an array of the exact size; not one closure call per
/// element into a growing array, then a closure to make the tuple. (A
/// tuple of literals alone is a constant: `Interpreter.compile` makes it
/// once.)
enum TupleTemplate {
    /// The code building the tuple of `items`. `compile` compiles an item,
    /// each once; a tuple with an item that can suspend evaluates its
    /// items in turn (`Compiled.all`).
    static func compile(_ items: [Expr], _ compile: (Expr) throws -> Compiled) rethrows -> Compiled {
        var parts: [Compiled?] = Array(repeating: nil, count: items.count)
        if let built = try template(items, compile, parts: &parts) { return built }
        let all = try items.indices.map { try parts[$0] ?? compile(items[$0]) }
        return .all(all) { values, _ in .tuple(values) }
    }

    /// The code building the tuple of `items` from a template, when no
    /// item can suspend; `nil` otherwise, with the items compiled so far
    /// in `parts`.
    private static func template(_ items: [Expr], _ compile: (Expr) throws -> Compiled,
                                 parts: inout [Compiled?]) rethrows -> Compiled? {
        var template: [Term] = []
        // Where each element comes from: the template (-1), a variable
        // (its index), or code (-2 - its index).
        var source: [Int] = []
        var variables: [Variable] = []
        var locations: [SourceLocation] = []
        var codes: [SyncPart] = []
        for (index, item) in items.enumerated() {
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
                let part = try compile(item)
                parts[index] = part
                guard let code = part.syncCode else { return nil }
                source.append(-2 - codes.count)
                template.append(.nil)
                codes.append(SyncPart(run: code))
            }
        }
        let reader = Reader(template: template, source: source, variables: variables, locations: locations, codes: codes)
        // Left to right, so the first unbound variable is the one reported.
        // Up to three elements as an array literal: one allocation of the
        // exact size.
        switch template.count {
        case 1:
            return .sync { env, process in .tuple([try reader.element(0, &env, process)]) }
        case 2:
            return .sync { env, process in
                let first = try reader.element(0, &env, process)
                return .tuple([first, try reader.element(1, &env, process)])
            }
        case 3:
            return .sync { env, process in
                let first = try reader.element(0, &env, process)
                let second = try reader.element(1, &env, process)
                return .tuple([first, second, try reader.element(2, &env, process)])
            }
        default:
            let count = template.count
            return .sync { env, process in
                var elements: [Term] = []
                elements.reserveCapacity(count)
                for index in 0..<count { elements.append(try reader.element(index, &env, process)) }
                return .tuple(elements)
            }
        }
    }

    /// Reads a tuple's elements, each from the template, its variable or
    /// its code.
    private struct Reader: Sendable {
        let template: [Term]
        /// For each element: the index of its variable, -1 for the
        /// template, or -2 - the index of its code.
        let source: [Int]
        let variables: [Variable]
        let locations: [SourceLocation]
        let codes: [SyncPart]

        @inline(__always)
        func element(_ index: Int, _ env: inout Bindings, _ process: ErlangProcess) throws -> Term {
            let k = source[index]
            if k >= 0 { return try Interpreter.value(of: variables[k], at: locations[k], in: env) }
            if k == -1 { return template[index] }
            return try codes[-2 - k].run(&env, process)
        }
    }
}
