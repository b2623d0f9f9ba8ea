import ErlangRuntime
import ErlangSyntax
import ErlangTerms

/// What may be a guard, and the guard BIFs. Guards compile to closures
/// (`Interpreter+CompileGuards`); an exception inside a guard makes the
/// guard fail, as in Erlang.
extension Interpreter {
    /// The tuple size of the record `name` names, when it is a known record.
    func recordSize(_ name: Expr) -> Int? {
        guard case .atom(let record) = name, let fields = records.fields(of: record) else { return nil }
        return fields.count + 1
    }

    /// The value of `e` evaluated with no bindings, as far as guard
    /// expressions go (constant arithmetic, guard BIFs); `nil` when that
    /// fails. The shell reads `v(1 + 0)` so.
    public static func constantValue(of e: Expr) -> Term? {
        try? Interpreter().evalGuardExpr(e, Bindings())
    }

    /// Whether the binary operator `op` may appear in a guard: all but
    /// sends and the list operators `++` and `--`.
    static func isGuardOperator(_ op: String) -> Bool { op != "!" && op != "++" && op != "--" }

    /// Whether `e` is a guard test (only guard BIFs, operators, variables
    /// and constructors), as erl_lint decides; such comprehension filters
    /// run as guards.
    static func isGuardTest(_ e: Expr) -> Bool { illegalGuardPart(e) == nil }

    /// erl_lint's check of a clause's guards: `illegal guard expression`
    /// at the first part that is not allowed in a guard.
    static func checkGuards(_ guards: [[Expr]]) throws {
        for test in guards.joined() {
            guard let bad = illegalGuardPart(test) else { continue }
            throw EvalDiagnostic("illegal guard expression", at: illegalGuardLocation(bad))
        }
    }

    /// Where erl_lint reports `bad`, a part of a guard that is not allowed
    /// there: its operator or call, or the start of its pattern.
    static func illegalGuardLocation(_ bad: Expr) -> SourceLocation {
            var at = SourceLocation(line: 1, column: 1)
            switch bad {
            case .call(_, _, let location), .binaryOp(_, _, _, let location), .unaryOp(_, _, let location):
                at = location
            case .match(let left, _, let location):
                // A match is located where its pattern starts.
                at = ShellLinter.someLocation(in: left) ?? location
            case .variable(_, let location):
                at = location
            case .integer, .bigInteger, .float, .atom, .char, .string, .tuple, .list, .binary, .map, .record,
                 .recordAccess, .recordIndex, .remote, .functionReference, .fun, .caseOf, .ifClauses, .receive,
                 .tryCatch, .catchExpr, .block, .listComprehension, .binaryComprehension:
                at = ShellLinter.someLocation(in: bad) ?? at
            }
            return at
    }

    /// The first subexpression of `e` not allowed in a guard, or `nil`.
    /// AST depth is bounded by the parser.
    static func illegalGuardPart(_ e: Expr) -> Expr? {
        func first(_ items: [Expr]) -> Expr? {
            for item in items { if let bad = illegalGuardPart(item) { return bad } }
            return nil
        }
        switch e {
        case .integer, .bigInteger, .float, .atom, .char, .string, .variable, .recordIndex:
            return nil
        case .tuple(let items): return first(items)
        case .list(let items, let tail): return first(items + (tail.map { [$0] } ?? []))
        case .map(let base, let fields): return first((base.map { [$0] } ?? []) + fields.flatMap { [$0.key, $0.value] })
        case .record(nil, _, let fields): return first(fields.map(\.value))
        case .binary(let segments): return first(segments.flatMap { [$0.value] + ($0.size.map { [$0] } ?? []) })
        case .recordAccess(let base, _, _): return illegalGuardPart(base)
        case .binaryOp(let op, let l, let r, _): return isGuardOperator(op) ? first([l, r]) : e
        case .unaryOp(_, let operand, _): return illegalGuardPart(operand)
        case .call(.atom(let name), let args, _), .call(.remote(.atom("erlang"), .atom(let name)), let args, _):
            return GuardBIFs.names.contains(name) ? first(args) : e
        case .record, .match, .call, .remote, .functionReference, .fun, .caseOf,
             .ifClauses, .receive, .tryCatch, .catchExpr, .block, .listComprehension, .binaryComprehension:
            return e
        }
    }
}

/// The BIFs allowed in guards, evaluated synchronously. `nil` means the
/// call fails (the guard is false).
enum GuardBIFs {
    /// The names `call` knows.
    static let names: Set<String> = [
        "is_atom", "is_integer", "is_float", "is_number", "is_list", "is_tuple", "is_map", "is_pid", "is_reference",
        "is_function", "is_binary", "is_bitstring", "is_boolean", "is_record", "is_port", "length", "hd", "tl",
        "tuple_size", "size", "map_size", "byte_size", "bit_size", "element", "map_get", "is_map_key", "abs",
        "self", "node", "float", "trunc", "round", "floor", "ceil", "binary_part", "not",
    ]

    /// The type test `name/1` as a test of its value (`is_integer`, ...);
    /// `nil` for any other name.
    static func typeTest(_ name: String) -> (@Sendable (Term) -> Bool)? {
        switch name {
        case "is_atom": return { if case .atom = $0 { true } else { false } }
        case "is_integer": return { $0.isInteger }
        case "is_float": return { if case .float = $0 { true } else { false } }
        case "is_number": return { $0.isNumber }
        case "is_list": return { $0.isList }
        case "is_tuple": return { if case .tuple = $0 { true } else { false } }
        case "is_map": return { if case .map = $0 { true } else { false } }
        case "is_pid": return { if case .pid = $0 { true } else { false } }
        case "is_reference": return { if case .ref = $0 { true } else { false } }
        case "is_function": return { if case .fun = $0 { true } else { false } }
        case "is_binary": return { if case .binary(let b) = $0 { b.isBinary } else { false } }
        case "is_bitstring": return { if case .binary = $0 { true } else { false } }
        case "is_boolean": return { $0.boolValue != nil }
        default: return nil
        }
    }

    /// The guard BIF `name` applied to `a`; `nil` when it fails.
    static func call(_ name: String, _ a: [Term], _ process: ErlangProcess? = nil) -> Term? {
        if a.count == 1, let test = typeTest(name) { return .bool(test(a[0])) }
        switch (name, a.count) {
        case ("is_function", 2):
            if case .fun(let f) = a[0], case .int(let n) = a[1] { return .bool(f.arity == n) }
            return .false
        case ("is_record", 2), ("is_record", 3):
            guard case .tuple(let e) = a[0], !e.isEmpty else { return .false }
            if a.count == 3, case .int(let n) = a[2], n != e.count { return .false }
            return .bool(e[0] == a[1])
        case ("length", 1): return a[0].properListLength.map { .int($0) }
        case ("hd", 1): if case .cons(let c) = a[0] { return c.head } else { return nil }
        case ("tl", 1): if case .cons(let c) = a[0] { return c.tail } else { return nil }
        case ("tuple_size", 1), ("size", 1):
            if case .tuple(let e) = a[0] { return .int(e.count) }
            if name == "size", case .binary(let b) = a[0] { return .int(b.bitCount / 8) }
            return nil
        case ("map_size", 1): if case .map(let m) = a[0] { return .int(m.count) } else { return nil }
        case ("byte_size", 1): if case .binary(let b) = a[0] { return .int((b.bitCount + 7) / 8) } else { return nil }
        case ("bit_size", 1): if case .binary(let b) = a[0] { return .int(b.bitCount) } else { return nil }
        case ("element", 2):
            guard case .int(let i) = a[0], case .tuple(let e) = a[1], i >= 1, i <= e.count else { return nil }
            return e[i - 1]
        case ("map_get", 2): if case .map(let m) = a[1] { return m[a[0]] } else { return nil }
        case ("is_map_key", 2): if case .map(let m) = a[1] { return .bool(m[a[0]] != nil) } else { return nil }
        case ("abs", 1):
            switch a[0] {
            case .int(let i) where i != Int.min: return .int(abs(i))
            case .float(let f): return .float(f < 0 ? -f : f)  // abs(-0.0) is -0.0 in erl
            default: return a[0].bigIntValue.map { .integer(abs($0)) }
            }
        case ("self", 0): return process.map { .pid($0.pid) }
        case ("is_port", 1): return .false
        case ("floor", 1), ("ceil", 1):
            if case .float(let f) = a[0], f.isFinite {
                return .integer(.init(name == "floor" ? f.rounded(.down) : f.rounded(.up)))
            }
            return a[0].isInteger ? a[0] : nil
        case ("not", 1): return a[0].boolValue.map { .bool(!$0) }
        case ("binary_part", 3):
            guard case .binary(let b) = a[0], b.isBinary, case .int(let start) = a[1], case .int(let length) = a[2] else {
                return nil
            }
            let size = b.bytes.count
            guard start >= 0, start <= size else { return nil }
            if length >= 0 {
                guard length <= size - start else { return nil }
                return .binary(b.bytes[start..<(start + length)])
            }
            guard length >= -start else { return nil }
            return .binary(b.bytes[(start + length)..<start])
        case ("node", 0): return .atom(.nonode)
        case ("node", 1):
            switch a[0] {
            case .pid, .ref: return .atom(.nonode)
            case .int, .bigInt, .float, .atom, .tuple, .nil, .cons, .map, .binary, .fun: return nil
            }
        case ("float", 1): return a[0].doubleValue.map { .float($0) }
        case ("trunc", 1), ("round", 1):
            if case .float(let f) = a[0], f.isFinite {
                return .integer(.init(name == "trunc" ? f.rounded(.towardZero) : f.rounded(.toNearestOrAwayFromZero)))
            }
            return a[0].isInteger ? a[0] : nil
        default: return nil
        }
    }
}
