import ErlangSyntax
import ErlangTerms

/// Guards: evaluated without suspending, with the guard BIFs. An exception
/// inside a guard makes the guard fail, as in Erlang.
extension Interpreter {
    /// Whether any alternative of the guard sequence holds (empty: true).
    func guardSucceeds(_ guards: [[Expr]], _ env: Bindings) throws -> Bool {
        if guards.isEmpty { return true }
        for conjunction in guards {
            var ok = true
            for test in conjunction {
                let value: Term
                do {
                    value = try evalGuardExpr(test, env)
                } catch is ErlangException {
                    ok = false
                    break
                }
                if value != .true {
                    ok = false
                    break
                }
            }
            if ok { return true }
        }
        return false
    }

    /// Evaluates a guard expression (also map keys and segment sizes in patterns).
    func evalGuardExpr(_ e: Expr, _ env: Bindings) throws -> Term {
        switch e {
        case .integer, .bigInteger, .float, .atom, .char, .string:
            return literal(e)
        case .variable(let name, let location):
            guard let v = env[name] else { throw EvalDiagnostic("variable '\(name)' is unbound", at: location) }
            return v
        case .tuple(let items):
            return .tuple(try items.map { try evalGuardExpr($0, env) })
        case .list(let items, let tail):
            return .list(try items.map { try evalGuardExpr($0, env) }, tail: try tail.map { try evalGuardExpr($0, env) } ?? .nil)
        case .binaryOp("andalso", let l, let r, _):
            let left = try evalGuardExpr(l, env)
            guard let b = left.boolValue else { throw ErlangException.badarg }
            return b ? try evalGuardExpr(r, env) : .false
        case .binaryOp("orelse", let l, let r, _):
            let left = try evalGuardExpr(l, env)
            guard let b = left.boolValue else { throw ErlangException.badarg }
            return b ? .true : try evalGuardExpr(r, env)
        case .binaryOp(let op, let l, let r, _):
            return try Operators.binary(op, try evalGuardExpr(l, env), try evalGuardExpr(r, env))
        case .unaryOp(let op, let operand, _):
            return try Operators.unary(op, try evalGuardExpr(operand, env))
        case .call(.atom(let name), let args, _), .call(.remote(.atom("erlang"), .atom(let name)), let args, _):
            let values = try args.map { try evalGuardExpr($0, env) }
            guard let result = GuardBIFs.call(name, values) else { throw ErlangException.badarg }
            return result
        case .map(nil, let fields):
            var storage = ErlangMap.empty.storage
            for f in fields { storage[try evalGuardExpr(f.key, env)] = try evalGuardExpr(f.value, env) }
            return .map(ErlangMap(storage))
        case .recordIndex(let name, let field):
            guard let names = records.fields(of: name), let index = names.firstIndex(of: field) else { throw ErlangException.badarg }
            return .int(index + 2)
        default:
            throw EvalDiagnostic("illegal guard expression", at: SourceLocation(line: 1, column: 1))
        }
    }
}

extension Interpreter {
    /// Whether `e` is a guard test (only guard BIFs, operators, variables
    /// and constructors), as erl_lint decides; such comprehension filters
    /// run as guards. AST depth is bounded by the parser.
    static func isGuardTest(_ e: Expr) -> Bool {
        switch e {
        case .integer, .bigInteger, .float, .atom, .char, .string, .variable, .recordIndex:
            return true
        case .tuple(let items): return items.allSatisfy(isGuardTest)
        case .list(let items, let tail): return items.allSatisfy(isGuardTest) && (tail.map(isGuardTest) ?? true)
        case .map(nil, let fields): return fields.allSatisfy { isGuardTest($0.key) && isGuardTest($0.value) }
        case .binaryOp(let op, let l, let r, _): return op != "!" && isGuardTest(l) && isGuardTest(r)
        case .unaryOp(_, let operand, _): return isGuardTest(operand)
        case .call(.atom(let name), let args, _), .call(.remote(.atom("erlang"), .atom(let name)), let args, _):
            return GuardBIFs.names.contains(name) && args.allSatisfy(isGuardTest)
        case .map, .binary, .record, .recordAccess, .match, .call, .remote, .functionReference, .fun, .caseOf,
             .ifClauses, .receive, .tryCatch, .catchExpr, .block, .listComprehension, .binaryComprehension:
            return false
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
        "self", "node", "float", "trunc", "round", "floor", "ceil", "min", "max", "binary_part", "not",
    ]

    static func call(_ name: String, _ a: [Term]) -> Term? {
        switch (name, a.count) {
        case ("is_atom", 1): if case .atom = a[0] { return .true } else { return .false }
        case ("is_integer", 1): return .bool(a[0].isInteger)
        case ("is_float", 1): if case .float = a[0] { return .true } else { return .false }
        case ("is_number", 1): return .bool(a[0].isNumber)
        case ("is_list", 1): return .bool(a[0].isList)
        case ("is_tuple", 1): if case .tuple = a[0] { return .true } else { return .false }
        case ("is_map", 1): if case .map = a[0] { return .true } else { return .false }
        case ("is_pid", 1): if case .pid = a[0] { return .true } else { return .false }
        case ("is_reference", 1): if case .ref = a[0] { return .true } else { return .false }
        case ("is_function", 1): if case .fun = a[0] { return .true } else { return .false }
        case ("is_function", 2):
            if case .fun(let f) = a[0], case .int(let n) = a[1] { return .bool(f.arity == n) }
            return .false
        case ("is_binary", 1): if case .binary(let b) = a[0] { return .bool(b.isBinary) } else { return .false }
        case ("is_bitstring", 1): if case .binary = a[0] { return .true } else { return .false }
        case ("is_boolean", 1): return .bool(a[0].boolValue != nil)
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
            case .float(let f): return .float(abs(f))
            default: return a[0].bigIntValue.map { .integer(abs($0)) }
            }
        case ("self", 0): return nil
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
            let from = length < 0 ? start + length : start, count = abs(length)
            guard from >= 0, from + count <= b.bytes.count else { return nil }
            return .binary(b.bytes[from..<(from + count)])
        case ("node", 0): return .atom(.nonode)
        case ("float", 1): return a[0].doubleValue.map { .float($0) }
        case ("trunc", 1), ("round", 1):
            if case .float(let f) = a[0], f.isFinite {
                return .integer(.init(name == "trunc" ? f.rounded(.towardZero) : f.rounded(.toNearestOrAwayFromZero)))
            }
            return a[0].isInteger ? a[0] : nil
        case ("min", 2): return Term.compare(a[0], a[1]) <= 0 ? a[0] : a[1]
        case ("max", 2): return Term.compare(a[0], a[1]) >= 0 ? a[0] : a[1]
        default: return nil
        }
    }
}
