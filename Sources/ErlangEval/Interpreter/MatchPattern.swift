import ErlangTerms

/// The pattern of a match `P = Expr`, prepared once when the match is
/// compiled. Most such patterns are tuples of atoms, literals, `_` and
/// variables (`{ok, Pid} = gen_server:start(...)`): those are tested in
/// one walk over the value and their variables bound in a second, with no
/// scratch copy of the bindings and no pass through `Interpreter.bind`.
/// A failed test binds nothing, so a failed match still leaves the
/// bindings as they were. Any other pattern (lists, maps, binaries, a
/// variable that appears twice) is matched by `Interpreter.match`.
struct MatchPattern: Sendable {
    /// The pattern as written.
    let pattern: Pattern
    private let plain: PlainPattern?

    /// `pattern`, prepared.
    init(_ pattern: Pattern) {
        self.pattern = pattern
        plain = PlainPattern(pattern)
    }

    /// `P = term`: binds the pattern's variables in `env` and answers
    /// `term`, or raises `{badmatch, Term}`.
    func matchOrRaise(_ term: Term, _ env: inout Bindings, _ interpreter: Interpreter) throws -> Term {
        guard let plain else { return try interpreter.matchOrRaise(pattern, term, &env) }
        guard plain.matches(term, env) else { throw Interpreter.badmatch(term) }
        plain.bind(term, &env)
        return term
    }
}

/// A match pattern of atoms, other literals, `_`, variables that each
/// appear once, and one tuple of those: what `MatchPattern` tests without
/// binding. Nested tuples and everything else take the general path.
private enum PlainPattern: Sendable {
    case element(PlainElement)
    case tuple([PlainElement], bindsVariables: Bool)

    /// `pattern` in this form, or `nil`.
    init?(_ pattern: Pattern) {
        var seen = Set<UInt32>()
        if case .tuple(let items) = pattern {
            var elements: [PlainElement] = []
            elements.reserveCapacity(items.count)
            for item in items {
                guard let element = PlainElement(item, seen: &seen) else { return nil }
                elements.append(element)
            }
            self = .tuple(elements, bindsVariables: !seen.isEmpty)
        } else {
            guard let element = PlainElement(pattern, seen: &seen) else { return nil }
            self = .element(element)
        }
    }

    /// Whether `value` matches, a bound variable comparing equal (`=:=`).
    func matches(_ value: Term, _ env: Bindings) -> Bool {
        switch self {
        case .element(let element):
            return element.matches(value, env)
        case .tuple(let items, _):
            guard case .tuple(let elements) = value, elements.count == items.count else { return false }
            return items.withUnsafeBufferPointer { items in
                elements.withUnsafeBufferPointer { elements in
                    for index in 0..<items.count where !items[index].matches(elements[index], env) { return false }
                    return true
                }
            }
        }
    }

    /// Binds the unbound variables of a pattern that `matches` `value`.
    func bind(_ value: Term, _ env: inout Bindings) {
        switch self {
        case .element(let element):
            element.bind(value, &env)
        case .tuple(_, false):
            return
        case .tuple(let items, true):
            guard case .tuple(let elements) = value else { return }
            for index in items.indices { items[index].bind(elements[index], &env) }
        }
    }
}

/// One part of a `PlainPattern`.
private enum PlainElement: Sendable {
    case anything
    case atom(Atom)
    case literal(Term)
    case variable(Variable)

    /// `pattern` as such a part, or `nil`; `seen` holds the variables met so far.
    init?(_ pattern: Pattern, seen: inout Set<UInt32>) {
        switch pattern {
        case .wildcard: self = .anything
        case .literal(.atom(let atom)): self = .atom(atom)
        case .literal(let term): self = .literal(term)
        case .list(let items, nil) where items.isEmpty: self = .literal(.nil)
        case .variable(let variable):
            guard seen.insert(variable.atom.index).inserted else { return nil }
            self = .variable(variable)
        default: return nil
        }
    }

    @inline(__always)
    func matches(_ value: Term, _ env: Bindings) -> Bool {
        switch self {
        case .anything:
            return true
        case .atom(let atom):
            guard case .atom(let given) = value else { return false }
            return given == atom
        case .literal(let term):
            return term == value
        case .variable(let variable):
            guard let bound = env[variable] else { return true }
            return bound == value
        }
    }

    @inline(__always)
    func bind(_ value: Term, _ env: inout Bindings) {
        if case .variable(let variable) = self, env[variable] == nil { env.bindUnbound(variable, value) }
    }
}
