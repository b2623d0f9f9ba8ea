import ErlangRuntime
import ErlangTerms

/// Code that may suspend (a call, a receive): runs against the bindings,
/// binding the variables its matches introduce.
typealias AsyncCode = @Sendable (_ env: inout Bindings, _ process: ErlangProcess) async throws -> Term

/// Code that can never suspend (arithmetic, term construction, matches of
/// such values, sends): the evaluator's sync fast path.
typealias SyncCode = @Sendable (_ env: inout Bindings, _ process: ErlangProcess) throws -> Term

/// An expression compiled to a closure once, run many times.
///
/// DESIGN.md: "compile to closures once; do not re-walk the syntax tree on
/// every call". A subexpression that cannot suspend compiles to `sync`, and
/// a parent whose parts are all sync is sync itself, so arithmetic and term
/// construction never pay for an async frame. Each closure's async frame
/// holds only its own locals, which keeps deep body recursion (whose
/// frames live on the heap) small.
enum Compiled: Sendable {
    /// Cannot suspend.
    case sync(SyncCode)
    /// May suspend.
    case async(AsyncCode)

    /// Whether the code can never suspend.
    var isSync: Bool {
        if case .sync = self { return true }
        return false
    }

    /// Runs the code.
    @inline(__always)
    func run(_ env: inout Bindings, _ process: ErlangProcess) async throws -> Term {
        switch self {
        case .sync(let code): return try code(&env, process)
        case .async(let code): return try await code(&env, process)
        }
    }

    /// The code as an async closure.
    var asyncCode: AsyncCode {
        switch self {
        case .sync(let code): return { env, process in try code(&env, process) }
        case .async(let code): return code
        }
    }

    /// A constant.
    static func constant(_ value: Term) -> Compiled { .sync { _, _ in value } }

    /// Evaluates `parts` left to right, then `combine`s their values.
    static func all(_ parts: [Compiled], _ combine: @escaping @Sendable ([Term], ErlangProcess) throws -> Term) -> Compiled {
        if parts.allSatisfy(\.isSync) {
            let codes = parts.map { part -> SyncCode in
                if case .sync(let c) = part { return c }
                return { _, _ in .nil }
            }
            return .sync { env, process in
                var values: [Term] = []
                values.reserveCapacity(codes.count)
                for code in codes { values.append(try code(&env, process)) }
                return try combine(values, process)
            }
        }
        return .async { env, process in
            var values: [Term] = []
            values.reserveCapacity(parts.count)
            for part in parts { values.append(try await part.run(&env, process)) }
            return try combine(values, process)
        }
    }

    /// Evaluates `parts` left to right, then calls `finish`, which may suspend.
    static func allThen(_ parts: [Compiled],
                        _ finish: @escaping @Sendable ([Term], ErlangProcess) async throws -> Term) -> Compiled {
        .async { env, process in
            var values: [Term] = []
            values.reserveCapacity(parts.count)
            for part in parts { values.append(try await part.run(&env, process)) }
            return try await finish(values, process)
        }
    }

    /// Evaluates `a` then `b`, then `combine`s them (binary operators).
    static func pair(_ a: Compiled, _ b: Compiled,
                     _ combine: @escaping @Sendable (Term, Term, ErlangProcess) throws -> Term) -> Compiled {
        if case .sync(let x) = a, case .sync(let y) = b {
            return .sync { env, process in
                let l = try x(&env, process)
                return try combine(l, try y(&env, process), process)
            }
        }
        return .async { env, process in
            let l = try await a.run(&env, process)
            return try combine(l, try await b.run(&env, process), process)
        }
    }

    /// Evaluates `a`, then `transform`s its value.
    static func map(_ a: Compiled, _ transform: @escaping @Sendable (Term, inout Bindings, ErlangProcess) throws -> Term) -> Compiled {
        switch a {
        case .sync(let x):
            return .sync { env, process in try transform(try x(&env, process), &env, process) }
        case .async(let x):
            return .async { env, process in try transform(try await x(&env, process), &env, process) }
        }
    }

    /// Runs `parts` in order; the value is the last one's (`ok` for none).
    static func sequence(_ parts: [Compiled]) -> Compiled {
        if parts.isEmpty { return .constant(.ok) }
        if parts.count == 1 { return parts[0] }
        if parts.allSatisfy(\.isSync) {
            let codes = parts.map { part -> SyncCode in
                if case .sync(let c) = part { return c }
                return { _, _ in .nil }
            }
            return .sync { env, process in
                var result = Term.ok
                for code in codes { result = try code(&env, process) }
                return result
            }
        }
        return .async { env, process in
            var result = Term.ok
            for part in parts { result = try await part.run(&env, process) }
            return result
        }
    }
}
