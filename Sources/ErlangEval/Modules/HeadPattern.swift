import ErlangTerms

/// One argument pattern of a function clause's head, in the forms a
/// call's clause selection can test without `Interpreter.bind`: most heads
/// are atoms, `_` and variables seen for the first time
/// (`handle_call(get, _From, State)`, `init([])`). Such a variable binds without
/// looking itself up (the clause's bindings start empty, and nothing left
/// of it in the head binds it), and an atom compares as an atom. Every
/// other pattern is matched as it is (`general`).
enum HeadPattern: Sendable {
    /// `_`.
    case anything
    /// A variable no pattern to its left binds.
    case fresh(Variable)
    /// An atom.
    case atom(Atom)
    /// `[]`.
    case emptyList
    /// Any other literal (a number, a string): equal, as `=:=` says.
    case literal(Term)
    /// Any other pattern.
    case general(Pattern)

    /// The heads of `patterns`, matched left to right.
    static func heads(_ patterns: [Pattern]) -> [HeadPattern] {
        var bound = Set<String>()
        return patterns.map { pattern in
            defer { pattern.collectVariables(into: &bound) }
            switch pattern {
            case .wildcard: return .anything
            case .variable(let v) where !bound.contains(v.name): return .fresh(v)
            case .literal(.atom(let a)): return .atom(a)
            case .literal(.nil): return .emptyList
            case .list(let items, nil) where items.isEmpty: return .emptyList
            case .literal(let term): return .literal(term)
            default: return .general(pattern)
            }
        }
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
