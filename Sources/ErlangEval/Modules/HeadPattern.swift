import ErlangTerms

/// One argument pattern of a function clause's head, in the forms a
/// call's clause selection can test without `Interpreter.bind`: most heads
/// are atoms, `_`, variables seen for the first time, and lists and
/// tuples of those (`handle_call(get, _From, State)`, `init([])`,
/// `sum([H | T], Acc)`, `handle_info({add, N}, S)`). Such a variable
/// binds without looking itself up (the clause's bindings start empty, and
/// nothing matched before it in the head binds it), and an atom compares
/// as an atom. Every other pattern is matched as it is (`general`).
///
/// The parts of a head are matched in the order they are written, the
/// order `heads(_:)` decides which occurrence of a variable is its first.
///
/// Only `cons` is boxed: a clause's heads are read on every call, and an
/// `indirect` enum kept every case with a payload in a box of its own, which
/// each read retained and released.
enum HeadPattern: Sendable {
    /// `_`.
    case anything
    /// A variable nothing matched before it in the head binds.
    case fresh(Variable)
    /// A variable the head has bound already (`f(X, X)`): the value must
    /// be the same.
    case repeated(Variable)
    /// An atom.
    case atom(Atom)
    /// `[]`.
    case emptyList
    /// Any other literal (a number, a string): equal, as `=:=` says.
    case literal(Term)
    /// `[H | T]` where each of `H` and `T` is `_` (`nil`) or a variable
    /// nothing bound before: the usual head of a function over a list,
    /// matched without walking nested patterns or reading a box.
    case headTail(Variable?, Variable?)
    /// `[Head | Tail]`.
    indirect case cons(HeadPattern, HeadPattern)
    /// `{P1, ..., Pn}`.
    case tuple([HeadPattern])
    /// Any other pattern.
    case general(Pattern)

    /// The heads of `patterns`, matched left to right.
    static func heads(_ patterns: [Pattern]) -> [HeadPattern] {
        var bound = Set<String>()
        return patterns.map { head(of: $0, bound: &bound) }
    }

    /// `pattern` as a head, given the variables bound by the parts before
    /// it (`bound`, to which its own are added).
    private static func head(of pattern: Pattern, bound: inout Set<String>) -> HeadPattern {
        switch pattern {
        case .wildcard:
            return .anything
        case .variable(let v):
            return bound.insert(v.name).inserted ? .fresh(v) : .repeated(v)
        case .literal(.atom(let a)):
            return .atom(a)
        case .literal(.nil):
            return .emptyList
        case .list(let items, nil) where items.isEmpty:
            return .emptyList
        case .literal(let term):
            return .literal(term)
        case .list(let items, let tail?) where items.count == 1:
            let (first, rest) = (head(of: items[0], bound: &bound), head(of: tail, bound: &bound))
            if let h = first.freshOrAnything, let t = rest.freshOrAnything { return .headTail(h, t) }
            return .cons(first, rest)
        case .list(let items, let tail):
            let heads = items.map { head(of: $0, bound: &bound) }
            let last = tail.map { head(of: $0, bound: &bound) } ?? .emptyList
            return heads.reversed().reduce(last) { rest, item in .cons(item, rest) }
        case .tuple(let items):
            return .tuple(items.map { head(of: $0, bound: &bound) })
        default:
            pattern.collectVariables(into: &bound)
            return .general(pattern)
        }
    }

    /// For `.fresh(V)`, `.some(V)`; for `.anything`, `.some(nil)`; `nil`
    /// for any other pattern (`headTail`'s parts).
    private var freshOrAnything: Variable?? {
        switch self {
        case .fresh(let variable): return .some(variable)
        case .anything: return .some(nil)
        default: return nil
        }
    }

    /// Whether `value` matches, binding the variables in `env`; nothing is
    /// bound when the answer is `false` only if the caller drops `env`
    /// (as clause selection does).
    func matches(_ value: Term, _ env: inout Bindings, _ interpreter: Interpreter) throws -> Bool {
        switch self {
        case .anything:
            return true
        case .fresh(let variable):
            env.bindUnbound(variable, value)
            return true
        case .repeated(let variable):
            return env[variable] == value
        case .atom(let atom):
            guard case .atom(let given) = value else { return false }
            return given == atom
        case .emptyList:
            guard case .nil = value else { return false }
            return true
        case .literal(let term):
            return term == value
        case .headTail(let head, let tail):
            return Self.matchHeadTail(head, tail, value, &env)
        case .cons:
            // Along the tails in a loop: a long list in a head is no
            // deeper on the native stack than a short one.
            var (pattern, rest) = (self, value)
            while case .cons(let head, let tail) = pattern {
                guard case .cons(let cell) = rest, try head.matches(cell.head, &env, interpreter) else { return false }
                (pattern, rest) = (tail, cell.tail)
            }
            return try pattern.matches(rest, &env, interpreter)
        case .tuple(let items):
            guard case .tuple(let elements) = value, elements.count == items.count else { return false }
            for index in items.indices where try !items[index].matches(elements[index], &env, interpreter) {
                return false
            }
            return true
        case .general(let pattern):
            return try interpreter.bind(pattern, value, &env)
        }
    }
}

extension HeadPattern {
    /// `.headTail(head, tail)` matched against `value`.
    @inline(__always)
    static func matchHeadTail(_ head: Variable?, _ tail: Variable?, _ value: Term, _ env: inout Bindings) -> Bool {
        guard case .cons(let cell) = value else { return false }
        if let head { env.bindUnbound(head, cell.head) }
        if let tail { env.bindUnbound(tail, cell.tail) }
        return true
    }
}

extension Pattern {
    /// Adds the names of the variables this pattern binds (or compares,
    /// if bound already) to `names`.
    func collectVariables(into names: inout Set<String>) {
        switch self {
        case .wildcard, .literal, .constant, .illegal:
            break
        case .variable(let v):
            names.insert(v.name)
        case .tuple(let items):
            for item in items { item.collectVariables(into: &names) }
        case .list(let items, let tail):
            for item in items { item.collectVariables(into: &names) }
            tail?.collectVariables(into: &names)
        case .listPrefix(let items, let rest):
            for item in items { item.collectVariables(into: &names) }
            rest.collectVariables(into: &names)
        case .both(let left, let right):
            left.collectVariables(into: &names)
            right.collectVariables(into: &names)
        case .map(let fields):
            for field in fields { field.value.collectVariables(into: &names) }
        case .binary(let segments):
            for segment in segments { segment.value.collectVariables(into: &names) }
        case .codesPrefix(_, let rest):
            rest.collectVariables(into: &names)
        case .record(_, let fields):
            for field in fields { field.value.collectVariables(into: &names) }
        }
    }
}
