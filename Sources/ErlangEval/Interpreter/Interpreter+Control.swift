import ErlangRuntime
import ErlangSyntax
import ErlangTerms

/// Clause selection, receive, try and comprehensions.
extension Interpreter {
    /// Runs the first clause whose patterns match `values` and whose guard
    /// holds; `nil` when none does. With `shadowing` (fun heads) the head's
    /// variables are fresh, hiding outer bindings of the same name.
    func evalClauses(_ clauses: [Clause], _ values: [Term], _ env: inout Bindings, _ process: ErlangProcess,
                     shadowing: Bool = false) async throws -> Term? {
        for clause in clauses where clause.patterns.count == values.count {
            var scope = env
            if shadowing {
                for p in clause.patterns { Interpreter.forEachVariable(p) { scope.remove($0) } }
            }
            var matched = true
            for (p, v) in zip(clause.patterns, values) where !(try bind(p, v, &scope)) {
                matched = false
                break
            }
            guard matched, try guardSucceeds(clause.guards, scope) else { continue }
            let result = try await evalBody(clause.body, &scope, process)
            env = scope
            return result
        }
        return nil
    }

    /// Calls `body` with every variable name in `pattern`.
    static func forEachVariable(_ pattern: Expr, _ body: (String) -> Void) {
        switch pattern {
        case .variable(let name, _): if name != "_" { body(name) }
        case .tuple(let items): items.forEach { forEachVariable($0, body) }
        case .list(let items, let tail):
            items.forEach { forEachVariable($0, body) }
            if let tail { forEachVariable(tail, body) }
        case .match(let l, let r, _):
            forEachVariable(l, body)
            forEachVariable(r, body)
        case .map(_, let fields): fields.forEach { forEachVariable($0.value, body) }
        case .binary(let segments): segments.forEach { forEachVariable($0.value, body) }
        case .binaryOp(_, let l, let r, _):
            forEachVariable(l, body)
            forEachVariable(r, body)
        case .record(_, _, let fields): fields.forEach { forEachVariable($0.value, body) }
        default: break
        }
    }

    func evalReceive(_ clauses: [Clause], _ after: ReceiveAfter?, _ env: inout Bindings,
                     _ process: ErlangProcess) async throws -> Term {
        var timeout = ErlangProcess.ReceiveTimeout.infinity
        if let after {
            let t = try await eval(after.timeout, &env, process)
            switch t {
            case .int(let ms) where ms >= 0: timeout = .milliseconds(Int64(ms))
            case .atom(let a) where a == .infinity: timeout = .infinity
            default: throw ErlangException.error(.atom("timeout_value"))
            }
        }
        let snapshot = env
        let picked: (Clause, Bindings)? = try await process.receive(timeout: timeout) { message in
            for clause in clauses {
                var scope = snapshot
                if try self.bind(clause.patterns[0], message, &scope), try self.guardSucceeds(clause.guards, scope) {
                    return (clause, scope)
                }
            }
            return nil
        }
        if let (clause, scope) = picked {
            env = scope
            return try await evalBody(clause.body, &env, process)
        }
        return try await evalBody(after?.body ?? [], &env, process)
    }

    /// `try Body of OfClauses catch CatchClauses after After end`. Only the
    /// body is protected by the catch clauses: an exception in an of-clause
    /// (or no of-clause matching, `try_clause`) passes through them, as in
    /// erl; `after` runs in every case.
    func evalTry(_ body: [Expr], _ ofClauses: [Clause], _ catchClauses: [Clause], _ after: [Expr],
                 _ env: inout Bindings, _ process: ErlangProcess) async throws -> Term {
        let result: Result<Term, Error>
        var scope = env
        do {
            let value = try await evalBody(body, &scope, process)
            result = await runOfClauses(ofClauses, value, &scope, process)
        } catch let exception as ErlangException {
            let triple = Term.tuple([.atom(exception.classAtom), exception.reason, Interpreter.stacktrace(of: exception)])
            scope = env
            do {
                if let handled = try await evalClauses(catchClauses, [triple], &scope, process) {
                    result = .success(handled)
                } else {
                    result = .failure(exception)
                }
            } catch {
                result = .failure(error)
            }
        } catch {
            result = .failure(error)
        }
        if case .success = result { env = scope }
        if !after.isEmpty {
            var afterScope = env
            _ = try await evalBody(after, &afterScope, process)
        }
        return try result.get()
    }

    /// The of-clauses of a try applied to the body's value (the value itself when there are none).
    private func runOfClauses(_ ofClauses: [Clause], _ value: Term, _ scope: inout Bindings,
                              _ process: ErlangProcess) async -> Result<Term, Error> {
        if ofClauses.isEmpty { return .success(value) }
        do {
            if let r = try await evalClauses(ofClauses, [value], &scope, process) { return .success(r) }
            return .failure(ErlangException.error(.tuple([.atom(.tryClause), value])))
        } catch {
            return .failure(error)
        }
    }

    /// Runs `body` for every combination the qualifiers produce.
    func comprehend(_ qualifiers: ArraySlice<Qualifier>, _ env: Bindings, _ process: ErlangProcess,
                    _ body: (Bindings) async throws -> Void) async throws {
        guard let first = qualifiers.first else {
            try await body(env)
            return
        }
        let rest = qualifiers.dropFirst()
        var scope = env
        switch first {
        case .generator(let pattern, let source):
            let list = try await eval(source, &scope, process)
            var current = list
            while case .cons(let cell) = current {
                var inner = scope
                Interpreter.forEachVariable(pattern) { inner.remove($0) }
                if try bind(pattern, cell.head, &inner) {
                    try await comprehend(rest, inner, process, body)
                }
                current = cell.tail
            }
            guard case .nil = current else { throw ErlangException.error(.tuple([.atom("bad_generator"), list])) }
        case .binaryGenerator(let pattern, let source):
            let value = try await eval(source, &scope, process)
            guard case .binary(let bits) = value, case .binary(let segments) = pattern else {
                throw ErlangException.error(.tuple([.atom("bad_generator"), value]))
            }
            var reader = BitReader(bits)
            while reader.remaining > 0 {
                var inner = scope
                let before = reader.offset
                guard let piece = try nextPiece(segments, &reader, &inner), reader.offset > before else { break }
                _ = piece
                try await comprehend(rest, inner, process, body)
            }
        case .filter(let condition):
            // A filter that is a guard test is evaluated as a guard: an
            // exception makes it false (erl_eval does the same).
            let passes: Bool
            if Interpreter.isGuardTest(condition) {
                passes = try guardSucceeds([[condition]], scope)
            } else {
                let value = try await eval(condition, &scope, process)
                guard let b = value.boolValue else { throw ErlangException.error(.tuple([.atom("bad_filter"), value])) }
                passes = b
            }
            if passes { try await comprehend(rest, scope, process, body) }
        }
    }

    /// Matches one round of a binary generator's segments.
    private func nextPiece(_ segments: [BinarySegment], _ reader: inout BitReader, _ env: inout Bindings) throws -> Bool? {
        // Read each segment's bits with the pattern's sizes, then match them together.
        var total = 0
        var probe = reader
        for segment in segments {
            let spec = try segmentSpec(segment.specifiers)
            let size = try segment.size.map { try evalGuardExpr($0, env) }
            guard let bits = try segmentBits(size, spec) else { return nil }
            guard probe.readBitstring(bits: bits) != nil else { return nil }
            total += bits
        }
        guard let chunk = reader.readBitstring(bits: total) else { return nil }
        return try matchBinary(segments, chunk, &env) ? true : false
    }
}
