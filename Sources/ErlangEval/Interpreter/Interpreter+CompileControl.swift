import ErlangRuntime
import ErlangSyntax
import ErlangTerms

/// A clause with its patterns, guard and body compiled. A class, so that
/// trying a clause does not copy (and retain) each of its parts.
final class CompiledClause: Sendable {
    let patterns: [Pattern]
    /// The guard sequence, compiled.
    let guards: CompiledGuard
    /// The body's expressions, run in order from the caller's frame
    /// (`runBody`): as one sequence closure, a body of several
    /// expressions cost two async frames more on every run.
    let steps: [BodyStep]
    /// The variables of the head, hidden from outer bindings in fun heads.
    let headVariables: [Variable]
    /// The clause as written (`b()` shows a fun's source).
    let source: Clause

    /// The body's code when none of it can suspend; `nil` otherwise.
    let syncSteps: [SyncPart]?

    /// For a head of distinct variables and `_` alone (`fun(_) -> ...`,
    /// `fun(K, V) when K > V -> ...`): each argument's variable, `nil` for
    /// `_`. Such a head matches any arguments of its arity, and binding
    /// them needs no pattern match (the guard, if any, is still to be
    /// checked). `nil` for any other head.
    let plainHead: [Variable?]?

    /// Whether `plainHead` names a variable (it is not all `_`).
    let plainHeadBinds: Bool

    /// For a body of one expression that can be tried at once
    /// (`Interpreter.atOnceCall`): that try, kept unwrapped (a closure
    /// unwrapped from an optional is a copy, whose context each call
    /// retained and released); `hasAtOnceBody` says whether there is one.
    private let atOnceCode: AtOnceCode
    let hasAtOnceBody: Bool

    /// Whether the body is tried at once step by step (`runStepsAtOnce`):
    /// it sends awaiting an answer or receives, and its first step may
    /// answer at once (`fun(I) -> E ! {self(), I}, receive I -> ok end end`).
    let stepsMayRunAtOnce: Bool

    init(patterns: [Pattern], guards: CompiledGuard, steps: [BodyStep], atOnceBody: AtOnceCode? = nil,
         headVariables: [Variable], source: Clause) {
        self.patterns = patterns
        self.guards = guards
        self.steps = steps
        atOnceCode = atOnceBody ?? { _, _ in nil }
        hasAtOnceBody = atOnceBody != nil
        let syncs = steps.compactMap { step -> SyncPart? in if case .code(.sync(let code)) = step { SyncPart(run: code) } else { nil } }
        syncSteps = syncs.count == steps.count ? syncs : nil
        stepsMayRunAtOnce = steps.count > 1 && steps[0].mayRunAtOnce && steps.contains { step in
            switch step {
            case .receive, .sendAwaitingAnswer: return true
            case .code: return false
            }
        }
        self.headVariables = headVariables
        self.source = source
        plainHead = CompiledClause.plainHead(patterns)
        plainHeadBinds = plainHead?.contains { $0 != nil } ?? false
    }

    /// Binds the variables of `plainHead` to `args` (a call of its arity).
    func bindPlainHead(_ args: [Term], into scope: inout Bindings) {
        guard let plainHead else { return }
        for index in plainHead.indices {
            if let variable = plainHead[index] { scope.bindUnbound(variable, args[index]) }
        }
    }

    /// Runs the body without suspending, if it can (`CompiledFun.callAtOnce`):
    /// its value, or `nil` having done nothing.
    @inline(__always)
    func runAtOnce(_ scope: inout Bindings, _ process: ErlangProcess) throws -> Term? {
        if syncSteps != nil { return try runSyncBody(&scope, process) }
        if hasAtOnceBody { return try atOnceCode(&scope, process) }
        guard stepsMayRunAtOnce else { return nil }
        return try runStepsAtOnce(&scope, process)
    }

    /// `plainHead` of a clause with `patterns`.
    private static func plainHead(_ patterns: [Pattern]) -> [Variable?]? {
        var head: [Variable?] = []
        var names = Set<String>()
        for pattern in patterns {
            switch pattern {
            case .wildcard: head.append(nil)
            case .variable(let v) where names.insert(v.name).inserted: head.append(v)
            default: return nil
            }
        }
        return head
    }

    /// Runs the body (inlined: no frame of its own); its value is the
    /// last expression's, returned as it comes (no running value to start
    /// from). One call site of `run`, since each inlines the step's whole
    /// `run` into the caller's frame, where an idle process may wait.
    @inline(__always)
    func runBody(_ env: inout Bindings, _ process: ErlangProcess) async throws -> Term {
        guard !steps.isEmpty else { return .ok }
        var index = 0
        while true {
            let value = try await steps[index].run(&env, process)
            index += 1
            if index == steps.count { return value }
        }
    }

    /// `runBody` for a caller whose frame an idle process may wait in (a
    /// receive, a `case`, a `try`): a body that cannot suspend runs
    /// synchronously; any other in a frame of its own, since inlined there
    /// its locals would make every waiting process bigger.
    @inline(__always)
    func runBodyOutOfLine(_ env: inout Bindings, _ process: ErlangProcess) async throws -> Term {
        if syncSteps != nil { return try runSyncBody(&env, process) }
        return try await runBodyInOwnFrame(&env, process)
    }

    /// Runs the body step by step without suspending, as far as it can
    /// (`BodyStep.runAtOnce`): its value; `nil`, having done nothing, when
    /// its first step must run in full; when a later one must, the rest
    /// of the body ends in full (`UnfinishedAtOnce`).
    func runStepsAtOnce(_ env: inout Bindings, _ process: ErlangProcess) throws -> Term? {
        var value = Term.ok
        for index in steps.indices {
            guard let stepValue = try steps[index].runAtOnce(&env, process) else {
                if index == 0 { return nil }
                let rest = steps[index...]
                let scope = env
                throw UnfinishedAtOnce {
                    var env = scope
                    var value = Term.ok
                    for step in rest { value = try await step.run(&env, process) }
                    return value
                }
            }
            value = stepValue
        }
        return value
    }

    /// Runs a body that cannot suspend (`syncSteps` is set).
    @inline(__always)
    func runSyncBody(_ env: inout Bindings, _ process: ErlangProcess) throws -> Term {
        guard let syncSteps, let last = syncSteps.indices.last else { return .ok }
        var index = 0
        while index < last {
            _ = try syncSteps[index].run(&env, process)
            index += 1
        }
        return try syncSteps[last].run(&env, process)
    }

    @inline(never)
    private func runBodyInOwnFrame(_ env: inout Bindings, _ process: ErlangProcess) async throws -> Term {
        try await runBody(&env, process)
    }
}

/// A compiled comprehension qualifier.
enum CompiledQualifier: Sendable {
    case generator(pattern: Pattern, headVariables: [Variable], source: Compiled)
    case binaryGenerator(segments: [Pattern.SegmentPattern], source: Compiled)
    /// A filter that is a guard test: an exception makes it false.
    case guardFilter(CompiledGuard)
    case filter(Compiled)
}

/// The clauses of a `receive`, made once when it compiles. A class, so
/// that the frame an idle process waits in holds one reference to them
/// (memory per idle process is mostly its suspended frames).
final class ReceiveClauses: Sendable {
    let interpreter: Interpreter
    let clauses: [CompiledClause]
    let afterBody: Compiled

    /// Whether no clause's body can suspend (`receiveAtOnce` may run one).
    let bodiesCannotSuspend: Bool

    init(interpreter: Interpreter, clauses: [CompiledClause], afterBody: Compiled) {
        self.interpreter = interpreter
        self.clauses = clauses
        self.afterBody = afterBody
        bodiesCannotSuspend = clauses.allSatisfy { $0.syncSteps != nil }
    }

    /// What `receiveAtOnce` got to.
    enum AtOnce {
        /// A message matched, and this is its clause's value.
        case received(Term)
        /// No message matched: this many were scanned (and match nothing).
        case scanned(Int)
    }

    /// `receive` without `after`, as far as it goes without an async frame:
    /// when a message a clause matches is already there and no clause's
    /// body can suspend, takes it and runs the clause. Otherwise takes
    /// nothing and says how many messages it scanned, for
    /// `receiveForever(_:_:skipping:)` to go on from.
    @inline(never)
    func receiveAtOnce(_ env: inout Bindings, _ process: ErlangProcess) throws -> AtOnce {
        guard bodiesCannotSuspend else { return .scanned(0) }
        var cursor = ErlangProcess.ReceiveCursor(timeout: .infinity)
        guard let (index, scope) = try pick(&cursor, env, process) else { return .scanned(cursor.messagesScanned) }
        env = scope
        return .received(try clauses[index].runSyncBody(&env, process))
    }

    /// Waits for the first message a clause matches, then runs that
    /// clause's body (or the after body when the timeout expires).
    @inline(never)
    func receive(_ timeout: ErlangProcess.ReceiveTimeout, _ env: inout Bindings,
                 _ process: ErlangProcess) async throws -> Term {
        try await waitAndRun(timeout, &env, process)
    }

    /// `receive` without `after`, in the shape of compiled code, so that a
    /// compiled receive calls it with no closure frame between.
    /// `skipping`: messages already scanned (by `receiveAtOnce`).
    @inline(never)
    func receiveForever(_ env: inout Bindings, _ process: ErlangProcess, skipping: Int = 0) async throws -> Term {
        try await waitAndRun(.infinity, &env, process, skipping: skipping)
    }

    /// The body of both. Only the cursor, the bindings and the process
    /// live across the wait; matching happens out of line in `pick`. An
    /// idle process is mostly its suspended frames: keep this one small.
    @inline(__always)
    private func waitAndRun(_ timeout: ErlangProcess.ReceiveTimeout, _ env: inout Bindings,
                            _ process: ErlangProcess, skipping: Int = 0) async throws -> Term {
        var cursor = ErlangProcess.ReceiveCursor(timeout: timeout, skipping: skipping)
        while true {
            if let (index, scope) = try pick(&cursor, env, process) {
                process.finishReceive(&cursor)
                env = scope
                return try await clauses[index].runBodyOutOfLine(&env, process)
            }
            guard process.prepareToWait(&cursor) else { break }
            await process.waitForMessage(&cursor)
        }
        process.finishReceive(&cursor)
        return try await afterBody.run(&env, process)
    }

    /// Takes the first new message a clause matches: that clause and the
    /// bindings its pattern made.
    @inline(never)
    private func pick(_ cursor: inout ErlangProcess.ReceiveCursor, _ env: Bindings,
                      _ process: ErlangProcess) throws -> (Int, Bindings)? {
        do {
            return try process.takeMessage(&cursor) { message in
                try interpreter.selectClause(clauses, CollectionOfOne(message), env, process, shadowing: false)
            }
        } catch {
            process.finishReceive(&cursor)
            throw error
        }
    }
}

/// Compiling clause selection, case, if, receive, try, catch and comprehensions.
extension Interpreter {
    func compileClause(_ clause: Clause) throws -> CompiledClause {
        try Interpreter.checkGuards(clause.guards)
        var names: [Variable] = []
        for p in clause.patterns { Interpreter.forEachVariable(p) { names.append(Variable($0)) } }
        return CompiledClause(patterns: clause.patterns.map(Pattern.init), guards: compileGuard(clause.guards),
                              steps: try clause.body.indices.map { try compileStep(clause.body, at: $0) },
                              atOnceBody: clause.body.count == 1 ? try atOnceCall(clause.body[0]) : nil,
                              headVariables: names, source: clause)
    }

    /// Runs the first clause whose pattern matches `value` and whose guard
    /// holds (a `case`, a `try`'s `of` or `catch`); `nil` when none does.
    func runClauses(_ clauses: [CompiledClause], _ value: Term, _ env: inout Bindings,
                    _ process: ErlangProcess) async throws -> Term? {
        guard let (index, scope) = try selectClause(clauses, CollectionOfOne(value), env, process,
                                                    shadowing: false) else { return nil }
        env = scope
        // Out of line: inlined, the steps loop grew the frames of `case`
        // and `try` (where a process may wait) by a hundred bytes.
        return try await clauses[index].runBodyOutOfLine(&env, process)
    }

    /// The first clause that matches, with the bindings its head makes.
    /// `values` is a fun's argument array, or the one value a `case`, a
    /// `receive` or a `try` matches, as a `CollectionOfOne` (no array to
    /// allocate and free for each value matched).
    func selectClause<Values: RandomAccessCollection<Term>>(
        _ clauses: [CompiledClause], _ values: Values, _ env: Bindings, _ process: ErlangProcess, shadowing: Bool
    ) throws -> (Int, Bindings)? where Values.Index == Int {
        // Index loops: this is the hottest loop of the evaluator.
        var index = 0
        while index < clauses.count {
            let clause = clauses[index]
            index += 1
            guard clause.patterns.count == values.count else { continue }
            var scope = env
            if shadowing {
                for name in clause.headVariables where scope[name] != nil { scope.remove(name) }
            }
            var matched = true
            var i = 0
            while i < values.count {
                if !(try bind(clause.patterns[i], values[values.startIndex + i], &scope)) {
                    matched = false
                    break
                }
                i += 1
            }
            guard matched else { continue }
            if !clause.guards.isEmpty, !(try clause.guards.succeeds(scope, process)) { continue }
            return (index - 1, scope)
        }
        return nil
    }

    func compileCase(_ subject: Expr, _ clauses: [Clause]) throws -> Compiled {
        let value = try compile(subject)
        let compiled = try clauses.map { try compileClause($0) }
        return .async { env, process in
            let v = try await value.run(&env, process)
            guard let result = try await self.runClauses(compiled, v, &env, process) else {
                throw ErlangException.error(.tuple([.atom(.caseClause), v]))
            }
            return result
        }
    }

    func compileIf(_ clauses: [Clause]) throws -> Compiled {
        let compiled = try clauses.map { clause in
            try Interpreter.checkGuards(clause.guards)
            return (guards: compileGuard(clause.guards), body: try compileBody(clause.body))
        }
        return .async { env, process in
            for clause in compiled where try clause.guards.succeeds(env, process) {
                return try await clause.body.run(&env, process)
            }
            throw ErlangException.error(.atom(.ifClause))
        }
    }

    func compileReceive(_ clauses: [Clause], _ after: ReceiveAfter?) throws -> Compiled {
        let waiting = try receiveClauses(clauses, after)
        let timeoutCode = try after.map { try compile($0.timeout) }
        guard let timeoutCode else {
            return .async { env, process in try await waiting.receiveForever(&env, process) }
        }
        return .async { env, process in
            let timeout = try await Interpreter.receiveTimeout(timeoutCode, &env, process)
            return try await waiting.receive(timeout, &env, process)
        }
    }

    /// The clauses and after body of a `receive`, compiled.
    func receiveClauses(_ clauses: [Clause], _ after: ReceiveAfter?) throws -> ReceiveClauses {
        ReceiveClauses(interpreter: self, clauses: try clauses.map { try compileClause($0) },
                       afterBody: try compileBody(after?.body ?? []))
    }

    /// The longest `after` BEAM accepts, in milliseconds (2^32 - 1); longer is `timeout_value`.
    static let maxReceiveTimeout = 4_294_967_295

    /// The timeout of `receive ... after T`: `infinity` without an after.
    private static func receiveTimeout(_ code: Compiled?, _ env: inout Bindings,
                                       _ process: ErlangProcess) async throws -> ErlangProcess.ReceiveTimeout {
        guard let code else { return .infinity }
        switch try await code.run(&env, process) {
        case .int(let ms) where ms >= 0 && ms <= maxReceiveTimeout: return .milliseconds(Int64(ms))
        case .atom(let a) where a == .infinity: return .infinity
        default:
            // erl_eval hands the receive to prim_eval, whose frame erl reports.
            throw ErlangException(.error, .atom("timeout_value"),
                                  stacktrace: [.tuple([.atom("prim_eval"), .atom("receive"), .int(2), .nil])])
        }
    }

    /// `try Body of OfClauses catch CatchClauses after After end`. Only the
    /// body is protected by the catch clauses: an exception in an of-clause
    /// (or no of-clause matching, `try_clause`) passes through them, as in
    /// erl; `after` runs in every case.
    func compileTry(_ body: [Expr], _ ofClauses: [Clause], _ catchClauses: [Clause], _ after: [Expr]) throws -> Compiled {
        let bodyCode = try compileBody(body)
        let ofCompiled = try ofClauses.map { try compileClause($0) }
        let catchCompiled = try catchClauses.map { try compileClause($0) }
        let afterCode = after.isEmpty ? nil : try compileBody(after)
        return .async { env, process in
            let result: Result<Term, Error>
            var scope = env
            do {
                let value = try await bodyCode.run(&scope, process)
                result = await self.runOfClauses(ofCompiled, value, &scope, process)
            } catch let exception as ErlangException {
                let triple = Term.tuple([.atom(exception.classAtom), exception.reason, Interpreter.stacktrace(of: exception)])
                scope = env
                do {
                    if let handled = try await self.runClauses(catchCompiled, triple, &scope, process) {
                        result = .success(handled)
                    } else {
                        result = .failure(exception)
                    }
                } catch {
                    result = .failure(error)
                }
            }
            if case .success = result { env = scope }
            if let afterCode {
                var afterScope = env
                _ = try await afterCode.run(&afterScope, process)
            }
            return try result.get()
        }
    }

    /// The of-clauses of a try applied to the body's value (the value itself when there are none).
    private func runOfClauses(_ ofClauses: [CompiledClause], _ value: Term, _ scope: inout Bindings,
                              _ process: ErlangProcess) async -> Result<Term, Error> {
        if ofClauses.isEmpty { return .success(value) }
        do {
            if let r = try await runClauses(ofClauses, value, &scope, process) { return .success(r) }
            return .failure(ErlangException.error(.tuple([.atom(.tryClause), value])))
        } catch {
            return .failure(error)
        }
    }

    /// `catch Expr`: a throw gives its term, an exit `{'EXIT', Reason}`, an
    /// error `{'EXIT', {Reason, Stacktrace}}`.
    func compileCatch(_ inner: Compiled) -> Compiled {
        @Sendable func caught(_ exception: ErlangException) -> Term {
            switch exception.kind {
            case .throw: return exception.reason
            case .exit: return .tuple([.atom(.EXIT), exception.reason])
            case .error: return .tuple([.atom(.EXIT), .tuple([exception.reason, Interpreter.stacktrace(of: exception)])])
            }
        }
        if let code = inner.syncCode {
            return .sync { env, process in
                do { return try code(&env, process) } catch let exception as ErlangException { return caught(exception) }
            }
        }
        let code = inner.code
        return .async { env, process in
            do { return try await code(&env, process) } catch let exception as ErlangException { return caught(exception) }
        }
    }

    func compileQualifiers(_ qualifiers: [Qualifier]) throws -> [CompiledQualifier] {
        try qualifiers.map { q in
            switch q {
            case .generator(let pattern, let source):
                var names: [Variable] = []
                Interpreter.forEachVariable(pattern) { names.append(Variable($0)) }
                return .generator(pattern: Pattern(pattern), headVariables: names, source: try compile(source))
            case .binaryGenerator(let pattern, let source):
                guard case .binary(let segments) = Pattern(pattern) else {
                    throw EvalDiagnostic("illegal pattern", at: SourceLocation(line: 1, column: 1))
                }
                return .binaryGenerator(segments: segments, source: try compile(source))
            case .filter(let condition):
                if Interpreter.isGuardTest(condition) { return .guardFilter(compileGuard([[condition]])) }
                return .filter(try compile(condition))
            }
        }
    }

    func compileListComprehension(_ template: Expr, _ qualifiers: [Qualifier]) throws -> Compiled {
        let body = try compile(template)
        let compiled = try compileQualifiers(qualifiers)
        return .async { env, process in
            var results: [Term] = []
            try await self.comprehend(compiled[...], env, process) { inner in
                var scope = inner
                results.append(try await body.run(&scope, process))
            }
            return .list(results)
        }
    }

    func compileBinaryComprehension(_ template: Expr, _ qualifiers: [Qualifier]) throws -> Compiled {
        let body = try compile(template)
        let compiled = try compileQualifiers(qualifiers)
        return .async { env, process in
            var writer = BitWriter()
            try await self.comprehend(compiled[...], env, process) { inner in
                var scope = inner
                let piece = try await body.run(&scope, process)
                guard case .binary(let bits) = piece else { throw ErlangException.badarg }
                writer.append(bits)
            }
            return .binary(writer.bitstring)
        }
    }

    /// Runs `body` for every combination the qualifiers produce. Nesting
    /// follows the number of qualifiers (bounded by the source), never the data.
    func comprehend(_ qualifiers: ArraySlice<CompiledQualifier>, _ env: Bindings, _ process: ErlangProcess,
                    _ body: (Bindings) async throws -> Void) async throws {
        guard let first = qualifiers.first else {
            try await body(env)
            return
        }
        let rest = qualifiers.dropFirst()
        var scope = env
        switch first {
        case .generator(let pattern, let names, let source):
            let list = try await source.run(&scope, process)
            var base = scope
            for name in names where base[name] != nil { base.remove(name) }
            var current = list
            while case .cons(let cell) = current {
                var inner = base
                if try bind(pattern, cell.head, &inner) {
                    try await comprehend(rest, inner, process, body)
                }
                current = cell.tail
            }
            guard case .nil = current else { throw ErlangException.error(.tuple([.atom("bad_generator"), list])) }
        case .binaryGenerator(let segments, let source):
            let value = try await source.run(&scope, process)
            guard case .binary(let bits) = value else {
                throw ErlangException.error(.tuple([.atom("bad_generator"), value]))
            }
            var reader = BitReader(bits)
            while reader.remaining > 0 {
                var inner = scope
                let before = reader.offset
                guard let piece = try nextPiece(segments, &reader, &inner), reader.offset > before else { break }
                if piece { try await comprehend(rest, inner, process, body) }
            }
        case .guardFilter(let condition):
            if try condition.succeeds(scope, process) { try await comprehend(rest, scope, process, body) }
        case .filter(let code):
            let value = try await code.run(&scope, process)
            guard let passes = value.boolValue else { throw ErlangException.error(.tuple([.atom("bad_filter"), value])) }
            if passes { try await comprehend(rest, scope, process, body) }
        }
    }
}
