import ErlangRuntime
import ErlangSyntax
import ErlangTerms

/// A guard expression compiled once: its value against the bindings.
/// It never suspends; what it raises makes its guard fail.
typealias GuardCode = @Sendable (_ env: Bindings, _ process: ErlangProcess?) throws -> Term

/// A guard test compiled once: whether it gives `true`. A comparison or
/// a type test answers as a `Bool`, with no `true` or `false` term made
/// and compared.
typealias GuardTest = @Sendable (_ env: Bindings, _ process: ErlangProcess?) throws -> Bool

/// A clause's guard sequence, compiled when the clause compiles: the
/// alternatives (`;`), each a conjunction of tests (`,`). Literals are
/// made, atoms found, operators and guard BIFs resolved once, where the
/// syntax tree walked on every test looked each up again (`<` compared
/// with a dozen operator names before it was found).
struct CompiledGuard: Sendable {
    /// The alternatives; none when the clause has no guard.
    let alternatives: [[GuardTest]]

    /// No guard: every test passes.
    static let none = CompiledGuard(alternatives: [])

    /// Whether there is no guard.
    var isEmpty: Bool { alternatives.isEmpty }

    /// Whether any alternative holds (no guard: true). A test that raises
    /// an Erlang exception or gives anything but `true` fails its
    /// alternative; any other error (an unbound variable) is thrown.
    @inline(__always)
    func succeeds(_ env: Bindings, _ process: ErlangProcess?) throws -> Bool {
        if alternatives.isEmpty { return true }
        return try anySucceeds(env, process)
    }

    /// `succeeds` for a guard there is.
    @inline(never)
    private func anySucceeds(_ env: Bindings, _ process: ErlangProcess?) throws -> Bool {
        alternatives: for conjunction in alternatives {
            for test in conjunction {
                do {
                    guard try test(env, process) else { continue alternatives }
                } catch is ErlangException {
                    continue alternatives
                }
            }
            return true
        }
        return false
    }
}

extension Interpreter {
    /// Compiles a clause's guard sequence.
    func compileGuard(_ guards: [[Expr]]) -> CompiledGuard {
        CompiledGuard(alternatives: guards.map { $0.map(compileGuardTest) })
    }

    /// Compiles one test of a guard: a comparison or a type test straight
    /// to its answer, anything else as its value compared with `true`.
    func compileGuardTest(_ e: Expr) -> GuardTest {
        switch e {
        case .binaryOp(let op, let l, let r, _):
            guard let resolved = BinaryOperator(rawValue: op), resolved.isComparison else { break }
            let (left, right) = (compileGuardExpr(l), compileGuardExpr(r))
            return { env, process in
                let a = try left(env, process)
                return resolved.holds(a, try right(env, process))
            }
        case .call(.atom(let name), let args, _), .call(.remote(.atom("erlang"), .atom(let name)), let args, _):
            guard args.count == 1, let test = GuardBIFs.typeTest(name) else { break }
            let argument = compileGuardExpr(args[0])
            return { env, process in test(try argument(env, process)) }
        default:
            break
        }
        let code = compileGuardExpr(e)
        return { env, process in try code(env, process) == .true }
    }

    /// Compiles a guard expression (also a map key or a segment size in a
    /// pattern). What cannot be a guard compiles to code that says so
    /// when it runs, as the evaluator did; the linter rejects such guards
    /// first (`checkGuards`).
    func compileGuardExpr(_ e: Expr) -> GuardCode {
        switch e {
        case .integer, .bigInteger, .float, .atom, .char, .string:
            let value = Pattern.literal(e)
            return { _, _ in value }
        case .variable(let name, let location):
            let variable = Variable(name)
            return { env, _ in try Interpreter.value(of: variable, at: location, in: env) }
        case .tuple(let items):
            let parts = items.map(compileGuardExpr)
            return { env, process in .tuple(try parts.map { try $0(env, process) }) }
        case .list(let items, let tail):
            let parts = items.map(compileGuardExpr)
            let end = tail.map(compileGuardExpr)
            return { env, process in
                .list(try parts.map { try $0(env, process) }, tail: try end?(env, process) ?? .nil)
            }
        case .binaryOp("andalso", let l, let r, _):
            return shortCircuitGuard(compileGuardExpr(l), compileGuardExpr(r), continueOn: true)
        case .binaryOp("orelse", let l, let r, _):
            return shortCircuitGuard(compileGuardExpr(l), compileGuardExpr(r), continueOn: false)
        case .binaryOp(let op, let l, let r, _):
            let (left, right) = (compileGuardExpr(l), compileGuardExpr(r))
            guard let resolved = BinaryOperator(rawValue: op) else {
                return { env, process in
                    throw Operators.badarg(op, [try left(env, process), try right(env, process)])
                }
            }
            return { env, process in
                let a = try left(env, process)
                return try resolved.apply(a, try right(env, process))
            }
        case .unaryOp(let op, let operand, _):
            let inner = compileGuardExpr(operand)
            return { env, process in try Operators.unary(op, try inner(env, process)) }
        case .call(.atom("is_record"), let args, _) where args.count == 2 && recordSize(args[1]) != nil,
             .call(.remote(.atom("erlang"), .atom("is_record")), let args, _) where args.count == 2 && recordSize(args[1]) != nil:
            // A known record: its tag and size, as erl_expand_records expands it.
            let parts = args.map(compileGuardExpr)
            let size = Term.int(recordSize(args[1]) ?? 0)
            return { env, process in
                GuardBIFs.call("is_record", try parts.map { try $0(env, process) } + [size], process) ?? .false
            }
        case .call(.atom(let name), let args, _), .call(.remote(.atom("erlang"), .atom(let name)), let args, _):
            return compileGuardCall(name, args.map(compileGuardExpr))
        case .map(let base, let fields):
            // A guard that fails does so quietly: a bad map or a missing
            // `:=` key makes it false.
            let original = base.map(compileGuardExpr)
            let pairs = fields.map { (compileGuardExpr($0.key), compileGuardExpr($0.value), $0.isExact) }
            return { env, process in
                var storage = ErlangMap.empty.storage
                if let original {
                    guard case .map(let map) = try original(env, process) else { throw ErlangException.badarg }
                    storage = map.storage
                }
                for (key, value, isExact) in pairs {
                    let k = try key(env, process)
                    if isExact && storage[k] == nil { throw ErlangException.badarg }
                    storage[k] = try value(env, process)
                }
                return .map(ErlangMap(storage))
            }
        case .binary(let segments):
            let parts = segments.map { segment in
                (value: compileGuardExpr(segment.value), size: segment.size.map(compileGuardExpr), specifiers: segment.specifiers)
            }
            return { env, process in
                var writer = BitWriter()
                for (i, part) in parts.enumerated() {
                    let value = try part.value(env, process)
                    let size = try part.size?(env, process)
                    try Interpreter.write(value, size: size, try SegmentSpec(specifiers: part.specifiers),
                                          position: i + 1, into: &writer)
                }
                return .binary(writer.bitstring)
            }
        case .record(nil, let name, let fields):
            return compileGuardRecord(name, fields)
        case .recordAccess(let base, let name, let field):
            let value = compileGuardExpr(base)
            let names = records.fields(of: name)
            let tag = Term.atom(Atom(name))
            return { env, process in
                let record = try value(env, process)
                guard let names, let index = names.firstIndex(of: field),
                      case .tuple(let elements) = record, elements.count == names.count + 1,
                      elements[0] == tag else { throw ErlangException.badarg }
                return elements[index + 1]
            }
        case .recordIndex(let name, let field):
            let index = records.fields(of: name)?.firstIndex(of: field)
            return { _, _ in
                guard let index else { throw ErlangException.badarg }
                return .int(index + 2)
            }
        default:
            return { _, _ in throw EvalDiagnostic("illegal guard expression", at: SourceLocation(line: 1, column: 1)) }
        }
    }

    /// Runs a guard expression once (a map key or a segment size in a
    /// pattern, which are not compiled): a literal or a variable, the
    /// usual ones, directly; anything else compiled first.
    func evalGuardExpr(_ e: Expr, _ env: Bindings, _ process: ErlangProcess? = nil) throws -> Term {
        switch e {
        case .integer, .bigInteger, .float, .atom, .char, .string:
            return Pattern.literal(e)
        case .variable(let name, let location):
            return try Interpreter.value(of: Variable(name), at: location, in: env)
        default:
            return try compileGuardExpr(e)(env, process)
        }
    }

    /// The value `variable` is bound to in `env`; the evaluator's error
    /// for an unbound variable otherwise.
    @inline(__always)
    static func value(of variable: Variable, at location: SourceLocation, in env: Bindings) throws -> Term {
        guard let v = env[variable] else { throw EvalDiagnostic("variable '\(variable.name)' is unbound", at: location) }
        return v
    }

    /// `andalso` (`continueOn: true`) and `orelse` (`false`) in a guard.
    private func shortCircuitGuard(_ left: @escaping GuardCode, _ right: @escaping GuardCode,
                                   continueOn: Bool) -> GuardCode {
        let stop = Term.bool(!continueOn)
        return { env, process in
            guard let b = try left(env, process).boolValue else { throw ErlangException.badarg }
            return b == continueOn ? try right(env, process) : stop
        }
    }

    /// A guard BIF call: the common type tests as a test of their one
    /// value, the rest through `GuardBIFs.call`, which fails the guard
    /// (`badarg`) when it has no value.
    private func compileGuardCall(_ name: String, _ args: [GuardCode]) -> GuardCode {
        if args.count == 1, let test = GuardBIFs.typeTest(name) {
            let argument = args[0]
            return { env, process in .bool(test(try argument(env, process))) }
        }
        return { env, process in
            guard let result = GuardBIFs.call(name, try args.map { try $0(env, process) }, process) else {
                throw ErlangException.badarg
            }
            return result
        }
    }

    /// `#name{field = Value, ...}` in a guard: the record's tuple, with
    /// `undefined` in the fields not given.
    private func compileGuardRecord(_ name: String, _ fields: [RecordField]) -> GuardCode {
        let names = records.fields(of: name)
        let given = fields.map { (name: $0.name, value: compileGuardExpr($0.value)) }
        let tag = Term.atom(Atom(name))
        return { env, process in
            guard let names else { throw ErlangException.badarg }
            var elements = [tag] + Array(repeating: Term.undefined, count: names.count)
            for field in given {
                guard let index = names.firstIndex(of: field.name) else { throw ErlangException.badarg }
                elements[index + 1] = try field.value(env, process)
            }
            return .tuple(elements)
        }
    }
}
