import ErlangRuntime
import ErlangSyntax
import ErlangTerms

/// Guards: evaluated without suspending, with the guard BIFs. An exception
/// inside a guard makes the guard fail, as in Erlang.
extension Interpreter {
    /// Whether any alternative of the guard sequence holds (empty: true).
    func guardSucceeds(_ guards: [[Expr]], _ env: Bindings, _ process: ErlangProcess? = nil) throws -> Bool {
        if guards.isEmpty { return true }
        for conjunction in guards {
            var ok = true
            for test in conjunction {
                let value: Term
                do {
                    value = try evalGuardExpr(test, env, process)
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
    func evalGuardExpr(_ e: Expr, _ env: Bindings, _ process: ErlangProcess? = nil) throws -> Term {
        switch e {
        case .integer, .bigInteger, .float, .atom, .char, .string:
            return Pattern.literal(e)
        case .variable(let name, let location):
            guard let v = env[name] else { throw EvalDiagnostic("variable '\(name)' is unbound", at: location) }
            return v
        case .tuple(let items):
            return .tuple(try items.map { try evalGuardExpr($0, env, process) })
        case .list(let items, let tail):
            return .list(try items.map { try evalGuardExpr($0, env, process) }, tail: try tail.map { try evalGuardExpr($0, env, process) } ?? .nil)
        case .binaryOp("andalso", let l, let r, _):
            let left = try evalGuardExpr(l, env, process)
            guard let b = left.boolValue else { throw ErlangException.badarg }
            return b ? try evalGuardExpr(r, env, process) : .false
        case .binaryOp("orelse", let l, let r, _):
            let left = try evalGuardExpr(l, env, process)
            guard let b = left.boolValue else { throw ErlangException.badarg }
            return b ? .true : try evalGuardExpr(r, env, process)
        case .binaryOp(let op, let l, let r, _):
            return try Operators.binary(op, try evalGuardExpr(l, env, process), try evalGuardExpr(r, env, process))
        case .unaryOp(let op, let operand, _):
            return try Operators.unary(op, try evalGuardExpr(operand, env, process))
        case .call(.atom("is_record"), let args, _) where args.count == 2 && recordSize(args[1]) != nil,
             .call(.remote(.atom("erlang"), .atom("is_record")), let args, _) where args.count == 2 && recordSize(args[1]) != nil:
            // A known record: its tag and size, as erl_expand_records expands it.
            let values = try args.map { try evalGuardExpr($0, env, process) } + [.int(recordSize(args[1]) ?? 0)]
            return GuardBIFs.call("is_record", values, process) ?? .false
        case .call(.atom(let name), let args, _), .call(.remote(.atom("erlang"), .atom(let name)), let args, _):
            let values = try args.map { try evalGuardExpr($0, env, process) }
            guard let result = GuardBIFs.call(name, values, process) else { throw ErlangException.badarg }
            return result
        case .map(nil, let fields):
            var storage = ErlangMap.empty.storage
            for f in fields { storage[try evalGuardExpr(f.key, env, process)] = try evalGuardExpr(f.value, env, process) }
            return .map(ErlangMap(storage))
        case .binary(let segments):
            var writer = BitWriter()
            for (i, segment) in segments.enumerated() {
                let value = try evalGuardExpr(segment.value, env, process)
                let size = try segment.size.map { try evalGuardExpr($0, env, process) }
                try Interpreter.write(value, size: size, try SegmentSpec(specifiers: segment.specifiers),
                                      position: i + 1, into: &writer)
            }
            return .binary(writer.bitstring)
        case .record(nil, let name, let fields):
            guard let names = records.fields(of: name) else { throw ErlangException.badarg }
            var elements = [Term.atom(Atom(name))] + Array(repeating: Term.undefined, count: names.count)
            for field in fields {
                guard let index = names.firstIndex(of: field.name) else { throw ErlangException.badarg }
                elements[index + 1] = try evalGuardExpr(field.value, env, process)
            }
            return .tuple(elements)
        case .recordAccess(let base, let name, let field):
            let value = try evalGuardExpr(base, env, process)
            guard let names = records.fields(of: name), let index = names.firstIndex(of: field),
                  case .tuple(let elements) = value, elements.count == names.count + 1,
                  elements[0] == .atom(Atom(name)) else { throw ErlangException.badarg }
            return elements[index + 1]
        case .recordIndex(let name, let field):
            guard let names = records.fields(of: name), let index = names.firstIndex(of: field) else { throw ErlangException.badarg }
            return .int(index + 2)
        default:
            throw EvalDiagnostic("illegal guard expression", at: SourceLocation(line: 1, column: 1))
        }
    }
}

extension Interpreter {
    /// The tuple size of the record `name` names, when it is a known record.
    func recordSize(_ name: Expr) -> Int? {
        guard case .atom(let record) = name, let fields = records.fields(of: record) else { return nil }
        return fields.count + 1
    }

    /// Whether `e` is a guard test (only guard BIFs, operators, variables
    /// and constructors), as erl_lint decides; such comprehension filters
    /// run as guards.
    static func isGuardTest(_ e: Expr) -> Bool { illegalGuardPart(e) == nil }

    /// erl_lint's check of a clause's guards: `illegal guard expression`
    /// at the first part that is not allowed in a guard.
    static func checkGuards(_ guards: [[Expr]]) throws {
        for test in guards.joined() {
            guard let bad = illegalGuardPart(test) else { continue }
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
            throw EvalDiagnostic("illegal guard expression", at: at)
        }
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
        case .map(nil, let fields): return first(fields.flatMap { [$0.key, $0.value] })
        case .record(nil, _, let fields): return first(fields.map(\.value))
        case .binary(let segments): return first(segments.flatMap { [$0.value] + ($0.size.map { [$0] } ?? []) })
        case .recordAccess(let base, _, _): return illegalGuardPart(base)
        case .binaryOp(let op, let l, let r, _): return op == "!" ? e : first([l, r])
        case .unaryOp(_, let operand, _): return illegalGuardPart(operand)
        case .call(.atom(let name), let args, _), .call(.remote(.atom("erlang"), .atom(let name)), let args, _):
            return GuardBIFs.names.contains(name) ? first(args) : e
        case .map, .record, .match, .call, .remote, .functionReference, .fun, .caseOf,
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

    static func call(_ name: String, _ a: [Term], _ process: ErlangProcess? = nil) -> Term? {
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
