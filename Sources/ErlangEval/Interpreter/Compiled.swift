import ErlangRuntime
import ErlangTerms

/// Code that may suspend (a call, a receive): runs against the bindings,
/// binding the variables its matches introduce.
typealias AsyncCode = @Sendable (_ env: inout Bindings, _ process: ErlangProcess) async throws -> Term

/// Code that can never suspend (arithmetic, term construction, matches of
/// such values, sends): the evaluator's sync fast path.
typealias SyncCode = @Sendable (_ env: inout Bindings, _ process: ErlangProcess) throws -> Term

/// Code that usually finishes without suspending (`gen_server:cast/2`):
/// its value, or `nil` when it must suspend, having done nothing.
typealias AtOnceCode = @Sendable (_ env: inout Bindings, _ process: ErlangProcess) throws -> Term?

/// An expression compiled to a closure once, run many times.
///
/// DESIGN.md: "compile to closures once; do not re-walk the syntax tree on
/// every call". A subexpression that cannot suspend compiles to `sync`, and
/// a parent whose parts are all sync is sync itself, so arithmetic and term
/// construction never pay for an async frame. Each closure's async frame
/// holds only its own locals, which keeps deep body recursion (whose
/// frames live on the heap) small.
struct Compiled: Sendable {
    /// The code, when it can never suspend.
    let syncCode: SyncCode?
    /// The code as an async closure (for sync code, a wrapper made once);
    /// callers call it directly, so running compiled code adds no frame.
    let code: AsyncCode

    /// Code that cannot suspend.
    static func sync(_ code: @escaping SyncCode) -> Compiled {
        Compiled(syncCode: code, code: { env, process in try code(&env, process) })
    }

    /// Code that may suspend.
    static func async(_ code: @escaping AsyncCode) -> Compiled {
        Compiled(syncCode: nil, code: code)
    }

    /// Whether the code can never suspend.
    var isSync: Bool { syncCode != nil }

    /// Runs the code from the caller's frame. Code that cannot suspend is
    /// called synchronously: through its async wrapper every run cost two
    /// async frames (the capturing closure's forwarder and the closure)
    /// and an executor check on return.
    @inline(__always)
    func run(_ env: inout Bindings, _ process: ErlangProcess) async throws -> Term {
        if let syncCode { return try syncCode(&env, process) }
        return try await code(&env, process)
    }

    /// The cheapest way to run this code, for combinators that keep their
    /// parts (see `Step`).
    var step: Step { syncCode.map(Step.sync) ?? .async(code) }

    /// A constant.
    static func constant(_ value: Term) -> Compiled { .sync { _, _ in value } }

    /// The values of `codes`, left to right.
    @inline(__always)
    static func evaluate(_ codes: [SyncPart], _ env: inout Bindings, _ process: ErlangProcess) throws -> [Term] {
        // Up to three values (most calls and tuples) as an array literal:
        // one allocation of the exact size, not an empty array grown.
        switch codes.count {
        case 1:
            return [try codes[0].run(&env, process)]
        case 2:
            let first = try codes[0].run(&env, process)
            return [first, try codes[1].run(&env, process)]
        case 3:
            let first = try codes[0].run(&env, process)
            let second = try codes[1].run(&env, process)
            return [first, second, try codes[2].run(&env, process)]
        default:
            break
        }
        var values: [Term] = []
        values.reserveCapacity(codes.count)
        for code in codes { values.append(try code.run(&env, process)) }
        return values
    }

    /// The values of `steps`, left to right (inlined, so no frame of its
    /// own); the parts that cannot suspend run synchronously.
    @inline(__always)
    static func evaluate(_ steps: [Step], _ env: inout Bindings, _ process: ErlangProcess) async throws -> [Term] {
        var values: [Term] = []
        values.reserveCapacity(steps.count)
        for step in steps { values.append(try await step.run(&env, process)) }
        return values
    }

    /// Evaluates `parts` left to right, then `combine`s their values.
    static func all(_ parts: [Compiled], _ combine: @escaping @Sendable ([Term], ErlangProcess) throws -> Term) -> Compiled {
        let syncs = SyncPart.all(parts)
        if syncs.count == parts.count {
            return .sync { env, process in
                let values = try evaluate(syncs, &env, process)
                return try combine(values, process)
            }
        }
        let steps = parts.map(\.step)
        return .async { env, process in
            let values = try await evaluate(steps, &env, process)
            return try combine(values, process)
        }
    }

    /// Evaluates `parts` left to right, then calls `finish`, which may suspend.
    static func allThen(_ parts: [Compiled],
                        _ finish: @escaping @Sendable ([Term], ErlangProcess) async throws -> Term) -> Compiled {
        let syncs = SyncPart.all(parts)
        if syncs.count == parts.count {
            // The arguments cannot suspend: evaluate them without awaiting.
            return .async { env, process in
                let values = try evaluate(syncs, &env, process)
                return try await finish(values, process)
            }
        }
        let steps = parts.map(\.step)
        return .async { env, process in
            let values = try await evaluate(steps, &env, process)
            return try await finish(values, process)
        }
    }

    /// `module:function(parts...)`: evaluates the arguments left to right,
    /// then calls the function from this closure's own frame. (Through
    /// `allThen`, a `finish` closure and its forwarder were two more async
    /// frames on every remote call the interpreter makes.)
    static func remoteCall(_ parts: [Compiled], module: Atom, function: Atom) -> Compiled {
        let syncs = SyncPart.all(parts)
        if syncs.count == parts.count {
            return .async { env, process in
                let values = try evaluate(syncs, &env, process)
                return try await process.apply(module: module, function: function, values)
            }
        }
        let steps = parts.map(\.step)
        return .async { env, process in
            let values = try await evaluate(steps, &env, process)
            return try await process.apply(module: module, function: function, values)
        }
    }

    /// `module:function(parts...)` bound, when it compiled, to a function
    /// that never suspends (a sticky module's BIF): sync when the
    /// arguments are, with no module lookup and no async frame.
    static func boundCall(_ parts: [Compiled], _ body: @escaping SyncErlangFunction,
                          module: Atom, function: Atom) -> Compiled {
        all(parts) { values, process in try process.callBound(body, module: module, function: function, values) }
    }

    /// `module:function(parts...)` bound to a function that usually
    /// answers at once (`ExportedFunction.atOnce`).
    static func boundCall(_ parts: [Compiled], atOnce first: @escaping AtOnceErlangFunction,
                          otherwise: @escaping ErlangFunction, module: Atom, function: Atom) -> Compiled {
        let syncs = SyncPart.all(parts)
        if syncs.count == parts.count {
            return .async { env, process in
                let values = try evaluate(syncs, &env, process)
                do {
                    if let value = try process.callBoundAtOnce(first, module: module, function: function, values) {
                        return value
                    }
                } catch let unfinished as UnfinishedAtOnce {
                    return try await unfinished.finish()
                }
                return try await process.callBound(otherwise, module: module, function: function, values)
            }
        }
        let steps = parts.map(\.step)
        return .async { env, process in
            let values = try await evaluate(steps, &env, process)
            return try await process.callBound(first, otherwise: otherwise, module: module, function: function, values)
        }
    }

    /// `module:function(parts...)` bound to a function that may suspend
    /// (`gen_server:call/2`): no module lookup, the call made from this
    /// closure's frame.
    static func boundCall(_ parts: [Compiled], async body: @escaping ErlangFunction,
                          module: Atom, function: Atom) -> Compiled {
        let syncs = SyncPart.all(parts)
        if syncs.count == parts.count {
            return .async { env, process in
                let values = try evaluate(syncs, &env, process)
                return try await process.callBound(body, module: module, function: function, values)
            }
        }
        let steps = parts.map(\.step)
        return .async { env, process in
            let values = try await evaluate(steps, &env, process)
            return try await process.callBound(body, module: module, function: function, values)
        }
    }

    /// Evaluates `a` then `b`, then `combine`s them (binary operators).
    static func pair(_ a: Compiled, _ b: Compiled,
                     _ combine: @escaping @Sendable (Term, Term, ErlangProcess) throws -> Term) -> Compiled {
        if let x = a.syncCode, let y = b.syncCode {
            return .sync { env, process in
                let l = try x(&env, process)
                return try combine(l, try y(&env, process), process)
            }
        }
        let (x, y) = (a.step, b.step)
        return .async { env, process in
            let l = try await x.run(&env, process)
            return try combine(l, try await y.run(&env, process), process)
        }
    }

    /// Evaluates `a`, then `b`, then calls `finish` with their values,
    /// which may suspend.
    static func pairThen(_ a: Compiled, _ b: Compiled,
                         _ finish: @escaping @Sendable (Term, Term, ErlangProcess) async throws -> Term) -> Compiled {
        if let x = a.syncCode, let y = b.syncCode {
            return .async { env, process in
                let l = try x(&env, process)
                return try await finish(l, try y(&env, process), process)
            }
        }
        let (x, y) = (a.step, b.step)
        return .async { env, process in
            let l = try await x.run(&env, process)
            return try await finish(l, try await y.run(&env, process), process)
        }
    }

    /// Evaluates `a`, then `transform`s its value.
    static func map(_ a: Compiled, _ transform: @escaping @Sendable (Term, inout Bindings, ErlangProcess) throws -> Term) -> Compiled {
        if let x = a.syncCode {
            return .sync { env, process in try transform(try x(&env, process), &env, process) }
        }
        let x = a.code
        return .async { env, process in try transform(try await x(&env, process), &env, process) }
    }

    /// Runs `parts` in order; the value is the last one's (`ok` for none).
    static func sequence(_ parts: [Compiled]) -> Compiled {
        if parts.isEmpty { return .constant(.ok) }
        if parts.count == 1 { return parts[0] }
        let syncs = SyncPart.all(parts)
        if syncs.count == parts.count {
            return .sync { env, process in
                var result = Term.ok
                for code in syncs { result = try code.run(&env, process) }
                return result
            }
        }
        // Parts that cannot suspend run synchronously here: through their
        // async wrapper each would cost an async frame.
        let steps = parts.map(\.step)
        let last = steps.count - 1
        return .async { env, process in
            for i in 0..<last { _ = try await steps[i].run(&env, process) }
            // The last expression is awaited from here alone: a tail position.
            return try await steps[last].run(&env, process)
        }
    }
}

/// A part of compiled code kept by a combinator, to be run the cheapest
/// way it can be: code that cannot suspend synchronously, the rest awaited.
enum Step: Sendable {
    case sync(SyncCode)
    case async(AsyncCode)

    /// Runs the part from the caller's frame.
    @inline(__always)
    func run(_ env: inout Bindings, _ process: ErlangProcess) async throws -> Term {
        switch self {
        case .sync(let code): return try code(&env, process)
        case .async(let code): return try await code(&env, process)
        }
    }
}

/// One expression of a clause's body, as `CompiledClause.runBody` runs it
/// from its caller's frame. Apart from `Step`: the two forms only a body
/// has would join the frame of every combinator that runs a `Step`
/// (sequences, tuples, operators), where processes may wait.
enum BodyStep: Sendable {
    /// Any other expression.
    case code(Step)
    /// `receive` without `after`: its clauses are called with no closure
    /// frame between, and a message already there is taken with no async
    /// frame at all when no clause body can suspend.
    case receive(ReceiveClauses)
    /// `Dest ! Msg` directly followed by a `receive`, both sides unable
    /// to suspend (see `Interpreter.compileStep`). `effectFree`: the
    /// sides have no effect but their values, so the send may be tried
    /// at once and made in full after all (`runAtOnce`).
    case sendAwaitingAnswer(SyncCode, SyncCode, effectFree: Bool)

    /// Runs the expression from the caller's frame.
    @inline(__always)
    func run(_ env: inout Bindings, _ process: ErlangProcess) async throws -> Term {
        switch self {
        case .code(let step): return try await step.run(&env, process)
        case .receive(let clauses):
            switch try clauses.receiveAtOnce(&env, process) {
            case .received(let value): return value
            case .scanned(let count): return try await clauses.receiveForever(&env, process, skipping: count)
            }
        case .sendAwaitingAnswer(let destination, let content, _):
            return try await Interpreter.sendAwaitingAnswer(destination, content, &env, process)
        }
    }

    /// Whether `runAtOnce` may answer: not for code that suspends, nor
    /// for a send whose sides have effects.
    var mayRunAtOnce: Bool {
        switch self {
        case .code(.sync), .receive: return true
        case .code(.async): return false
        case .sendAwaitingAnswer(_, _, let effectFree): return effectFree
        }
    }

    /// Runs the step without suspending when it can: its value, or `nil`,
    /// having done nothing, when it must run in full (`run`). A receive
    /// takes a message already there; a send lets an idle receiver's turn
    /// run here (`ErlangProcess.sendAtOnce`).
    func runAtOnce(_ env: inout Bindings, _ process: ErlangProcess) throws -> Term? {
        switch self {
        case .code(.sync(let code)):
            return try code(&env, process)
        case .code(.async):
            return nil
        case .receive(let clauses):
            guard case .received(let value) = try clauses.receiveAtOnce(&env, process) else { return nil }
            return value
        case .sendAwaitingAnswer(let destination, let content, let effectFree):
            guard effectFree else { return nil }
            let dest = try destination(&env, process)
            let message = try content(&env, process)
            return try Interpreter.sendAtOnce(dest, message, process) ? message : nil
        }
    }
}
