import ErlangEval
import ErlangSyntax

/// erl's `rd/2` stores a field default that creates a record it knows
/// (`inner = #item{}`) as the tuple that record expression stands for, so
/// `rl()` shows `inner = {item, undefined, 1, 0.0, []}`: the named fields'
/// values, the other fields' defaults, `undefined` where there is none.
/// Record expressions inside tuples and lists are expanded too.
enum RecordDefaultExpansion {
    /// `e` with the creations of records `records` knows replaced by tuples.
    static func expanded(_ e: Expr, _ records: RecordTable) -> Expr {
        switch e {
        case .record(nil, let name, let given):
            guard let definition = records.definition(of: name),
                  given.allSatisfy({ definition.fields.contains($0.name) }) else { return e }
            let values = definition.fields.indices.map { index -> Expr in
                let field = definition.fields[index]
                if let value = given.first(where: { $0.name == field })?.value { return expanded(value, records) }
                if index < definition.defaults.count, let value = definition.defaults[index] { return value }
                return .atom("undefined")
            }
            return .tuple([.atom(name)] + values)
        case .tuple(let items):
            return .tuple(items.map { expanded($0, records) })
        case .list(let items, let tail):
            return .list(items.map { expanded($0, records) }, tail: tail.map { expanded($0, records) })
        default:
            return e
        }
    }
}
