import ErlangRuntime
import ErlangSyntax
import ErlangTerms

/// Compiling calls, function references and funs.
extension Interpreter {
    static let erlangModule = Atom("erlang")

    func compileCall(_ function: Expr, _ arguments: [Expr]) throws -> Compiled {
        let args = try arguments.map(compile)
        switch function {
        case .remote(.atom("maps"), .atom("get")) where args.count == 2 && module != Self.shellModule:
            // Compiled code does maps:get/2 as the BIF erlang:map_get/2.
            return .allThen(args) { values, process in
                do {
                    return try await process.apply(module: Atom("maps"), function: Atom("get"), values)
                } catch let exception as ErlangException {
                    throw Interpreter.asMapGet(exception)
                }
            }
        case .remote(.atom(let m), .atom(let f)):
            let (module, name) = (Atom(m), Atom(f))
            return boundCall(args, module: module, function: name) ?? .remoteCall(args, module: module, function: name)
        case .remote(let moduleExpr, let functionExpr):
            return .allThen([try compile(moduleExpr), try compile(functionExpr)] + args) { values, process in
                let (m, f) = (values[0], values[1])
                let rest = Array(values.dropFirst(2))
                guard case .atom(let module) = m, case .atom(let name) = f else {
                    // erl_eval applies `M:F(Args)` with erlang:apply/3, which rejects a non-atom.
                    throw ErlangException(.error, .atom(.badarg), stacktrace: [
                        ErlangProcess.frame(Interpreter.erlangModule, Atom("apply"), .list([m, f, .list(rest)])),
                    ])
                }
                return try await process.apply(module: module, function: name, rest)
            }
        case .atom(let text):
            let name = Atom(text)
            let key = FunctionKey(name, args.count)
            if AutoImports.keys.contains(key), !shadowsBIF(key),
               let bound = boundCall(args, module: Self.erlangModule, function: name) {
                return bound
            }
            if let callee = syncCallee?(key) {
                let codes = SyncPart.all(args)
                if codes.count == args.count {
                    // The module's own function, which recurses into
                    // nothing and cannot suspend: called in place.
                    return .sync { env, process in
                        try callee.callSynchronously(try Compiled.evaluate(codes, &env, process), process)
                    }
                }
            }
            // A module's own function is called directly: two async frames
            // fewer than through `callLocal` and the module's handler, which
            // would call the same function (`fib(N - 1)` 3,490 → 3,020
            // instructions a call). No capture list: with one, the closure
            // would be `@concurrent`, and hop (see `LocalScope.interpreter`).
            let localFunction = self.localFunction
            return .allThen(args) { values, process in
                if let function = localFunction?(key) { return try await function.call(process, values) }
                return try await self.callLocal(text, key, values, process)
            }
        default:
            return .allThen([try compile(function)] + args) { values, process in
                try await process.apply(values[0], Array(values.dropFirst()))
            }
        }
    }

    /// `module:function(args...)` bound to its function now, when
    /// `module` is sticky in `linking` and the function is native (a
    /// sticky module's function can never change); `nil` otherwise.
    func boundCall(_ args: [Compiled], module: Atom, function: Atom) -> Compiled? {
        guard case .native(let native)? = linking?.stickyFunction(module, FunctionKey(function, args.count)) else {
            return nil
        }
        if let body = native.syncBody { return .boundCall(args, body, module: module, function: function) }
        if let (first, otherwise) = native.atOnce {
            return .boundCall(args, atOnce: first, otherwise: otherwise, module: module, function: function)
        }
        return .boundCall(args, async: native.body, module: module, function: function)
    }

    /// The first try of `e` when it is a call that usually answers at
    /// once (`module:function(Args)` bound to such a function, as
    /// `gen_server:cast/2` is) and whose arguments have no effect, so
    /// that a try answering `nil` may be followed by the whole call
    /// (`CompiledFun.callAtOnce`), or such a call matched to a pattern;
    /// `nil` for any other expression.
    func atOnceCall(_ e: Expr) throws -> AtOnceCode? {
        if case .match(let patternExpr, let valueExpr, _) = e, let call = try atOnceCall(valueExpr) {
            // `{ok, _} = gen_server:start(...)`: the match follows a call
            // that answered; a call that did not has done nothing.
            let pattern = MatchPattern(Pattern(patternExpr))
            return { [self] env, process in
                let answer: Term?
                do {
                    answer = try call(&env, process)
                } catch let unfinished as UnfinishedAtOnce {
                    // The call ends in full; the match follows it there.
                    let scope = env
                    throw UnfinishedAtOnce {
                        var env = scope
                        return try pattern.matchOrRaise(try await unfinished.finish(), &env, self)
                    }
                }
                guard let term = answer else { return nil }
                return try pattern.matchOrRaise(term, &env, self)
            }
        }
        guard case .call(.remote(.atom(let m), .atom(let f)), let arguments, _) = e,
              arguments.allSatisfy(Interpreter.hasNoEffect) else { return nil }
        let (module, function) = (Atom(m), Atom(f))
        guard case .native(let native)? = linking?.stickyFunction(module, FunctionKey(function, arguments.count)),
              native.syncBody == nil, let (first, _) = native.atOnce else { return nil }
        guard let argumentCodes = SyncArguments(try arguments.map { try compile($0) }) else { return nil }
        return { env, process in
            // In the process's reused list: a call tried at once is
            // usually made many times over (a loop of casts).
            var values = process.takeArgumentList()
            defer { process.recycleArguments(&values) }
            try argumentCodes.append(to: &values, &env, process)
            return try process.callBoundAtOnce(first, module: module, function: function, values)
        }
    }

    /// Whether evaluating `e` has no effect but its value (or its error):
    /// a constant, a variable, a tuple or a list of such.
    static func hasNoEffect(_ e: Expr) -> Bool { isPlain(e, allowingVariables: true) }

    /// Whether `e` is written with literals alone: numbers, atoms,
    /// characters, strings, and tuples and lists of them.
    static func isLiteral(_ e: Expr) -> Bool { isPlain(e, allowingVariables: false) }

    /// Literals, tuples and lists of them, and variables if allowed. (The
    /// parser bounds the depth of the syntax tree.)
    private static func isPlain(_ e: Expr, allowingVariables: Bool) -> Bool {
        switch e {
        case .integer, .bigInteger, .float, .atom, .char, .string: return true
        case .variable: return allowingVariables
        case .tuple(let items): return items.allSatisfy { isPlain($0, allowingVariables: allowingVariables) }
        case .list(let items, let tail):
            return items.allSatisfy { isPlain($0, allowingVariables: allowingVariables) }
                && (tail.map { isPlain($0, allowingVariables: allowingVariables) } ?? true)
        default: return false
        }
    }

    func compileFunctionReference(_ moduleExpr: Expr?, _ functionExpr: Expr, _ arityExpr: Expr) throws -> Compiled {
        var parts = [try compile(functionExpr), try compile(arityExpr)]
        if let moduleExpr { parts.append(try compile(moduleExpr)) }
        return .all(parts) { [self] values, process in
            guard case .atom(let name) = values[0], case .int(let arity) = values[1], arity >= 0 else {
                throw ErlangException.badarg
            }
            var module = Interpreter.erlangModule
            if values.count == 3 {
                guard case .atom(let m) = values[2] else { throw ErlangException.badarg }
                module = m
            } else if !isShell {
                // In a module, `fun f/1` is a local fun calling the module's own `f/1`.
                return localFunctionReference(name, arity: arity, process)
            }
            if values.count == 2 {
                // erl_eval cannot make a local fun in the shell, whatever
                // the name (a BIF, a shell command): `fun f/1` raises `undef`.
                throw ErlangException(.error, .atom(.undef),
                                      stacktrace: [ErlangProcess.frame(Interpreter.shellModule, name, .int(arity))])
            }
            return .fun(Fun(kind: .external(module: module, function: name), arity: arity,
                            identity: process.runtime.makeFunIdentity()))
        }
    }

    func compileFun(name: String?, clauses: [Clause]) throws -> Compiled {
        let compiled = try clauses.map { try compileClause($0) }
        let arity = clauses.first?.patterns.count ?? 0
        let module = self.module
        let interpreter = self
        let variable = name.map(Variable.init)
        return .sync { env, process in
            let body = CompiledFun(interpreter: interpreter, name: variable, arity: arity, clauses: compiled, captured: env)
            return .fun(Fun(kind: .local(module: module, index: ShellFunNumbering.index(arity: arity, named: name != nil),
                                         uniq: ShellFunNumbering.uniq, body: body),
                            arity: arity, identity: process.runtime.makeFunIdentity()))
        }
    }
}

/// A closure made by `fun ... end`: its compiled clauses and the bindings
/// it captured. A named fun (`fun Name(...) -> ... end`) sees itself as `Name`.
final class CompiledFun: FunBody, @unchecked Sendable {
    // @unchecked: immutable, and every stored value is Sendable.
    let interpreter: Interpreter
    let name: Variable?
    let arity: Int
    let clauses: [CompiledClause]
    let captured: Bindings

    /// The function a shell fun's `function_clause` names, as erl_eval's
    /// interpreted funs do (`erl_eval:'-inside-an-interpreted-fun-'(b)`).
    static let shellFunName = Atom("-inside-an-interpreted-fun-")
    /// The function a module's fun's `function_clause` names.
    static let moduleFunName = Atom("-fun-")

    /// The fun's one clause when its head is plain (`CompiledClause.plainHead`)
    /// and hides none of the captured bindings (and the fun has no name):
    /// a call then binds the arguments without selecting a clause, and
    /// checks the clause's guard, if any.
    private let plainClause: CompiledClause?

    /// Whether some clause's body can run without suspending (all of it
    /// synchronous, or one expression tried at once): `callAtOnce` tries.
    private let someClauseRunsAtOnce: Bool
    override var mayRunAtOnce: Bool { someClauseRunsAtOnce }

    init(interpreter: Interpreter, name: Variable?, arity: Int, clauses: [CompiledClause], captured: Bindings) {
        self.interpreter = interpreter
        self.name = name
        self.arity = arity
        self.clauses = clauses
        self.captured = captured
        if name == nil, clauses.count == 1, let head = clauses[0].plainHead,
           !head.contains(where: { $0.map { captured[$0] != nil } ?? false }) {
            plainClause = clauses[0]
        } else {
            plainClause = nil
        }
        // A named fun makes itself anew on every entry: not tried twice.
        someClauseRunsAtOnce = name == nil
            && clauses.contains { $0.syncSteps != nil || $0.hasAtOnceBody || $0.stepsMayRunAtOnce }
    }

    /// Selecting a clause has no effect, and a body that cannot suspend
    /// runs whole; a lone expression tried at once answers `nil`
    /// (`Compiled.atOnceCode`) having done nothing, and so does a body
    /// tried step by step whose first step must run in full. So when this
    /// answers `nil`, `call` can start over with the same arguments. A try
    /// that began but must end in full throws `UnfinishedAtOnce`.
    override func callAtOnce(_ process: ErlangProcess, _ args: [Term]) throws -> Term? {
        guard someClauseRunsAtOnce else { return nil }
        if let plainClause, args.count == arity {
            // The usual fun (`fun(_) -> gen_server:cast(S, ping) end`):
            // the clause is borrowed, not passed back with the bindings.
            var scope = try plainScope(plainClause, args, process)
            return try plainClause.runAtOnce(&scope, process)
        }
        var (clause, scope) = try enter(process, args)
        return try clause.runAtOnce(&scope, process)
    }

    override func call(_ process: ErlangProcess, _ args: [Term]) async throws -> Term {
        // Only the clause's code and its bindings live across the body:
        // a spawned fun waits in this frame for as long as the process idles.
        // A body that cannot suspend (`fun(X) -> X * 2 end`) runs here,
        // synchronously (`Compiled.run`).
        var (clause, scope) = try enter(process, args)
        return try await clause.runBody(&scope, process)
    }

    /// The clause `args` select, with the bindings of its head: a
    /// `function_clause` error when none matches.
    @inline(never)
    private func enter(_ process: ErlangProcess, _ args: [Term]) throws -> (CompiledClause, Bindings) {
        if let plainClause, args.count == arity { return (plainClause, try plainScope(plainClause, args, process)) }
        // The captured bindings go to the clause match as they are (it
        // copies them for each clause it tries); only a named fun adds to them.
        let selected: (Int, Bindings)?
        if let name {
            var scope = captured
            let me = Fun(kind: .local(module: interpreter.module, index: ShellFunNumbering.index(arity: arity, named: true),
                                      uniq: ShellFunNumbering.uniq, body: self),
                         arity: arity, identity: process.runtime.makeFunIdentity())
            scope.bind(name, .fun(me))
            selected = try interpreter.selectClause(clauses, args, scope, process, shadowing: true)
        } else {
            selected = try interpreter.selectClause(clauses, args, captured, process, shadowing: true)
        }
        if let (index, bindings) = selected {
            return (clauses[index], bindings)
        }
        throw functionClause(args)
    }

    /// The bindings the plain clause `clause` (`plainClause`) runs with
    /// for `args`: the captured ones and the head's variables. Throws
    /// `function_clause` when its guard fails.
    @inline(__always)
    private func plainScope(_ clause: CompiledClause, _ args: [Term], _ process: ErlangProcess) throws -> Bindings {
        var scope = captured
        if clause.plainHeadBinds {
            clause.bindPlainHead(args, into: &scope)
        }
        guard try clause.guards.isEmpty || clause.guards.succeeds(scope, process) else {
            throw functionClause(args)
        }
        return scope
    }

    /// The `function_clause` error of a call with `args` that no clause matches.
    private func functionClause(_ args: [Term]) -> ErlangException {
        ErlangException(.error, .atom(.functionClause),
                        stacktrace: [ErlangProcess.frame(interpreter.module, interpreter.isShell ? Self.shellFunName : Self.moduleFunName,
                                                          .list(args))])
    }
}

/// erl prints a shell fun as `#Fun<erl_eval.N.U>`: N is the index of the
/// fun in erl_eval's source that stands for funs of that arity (43 down for
/// anonymous funs, 20 down for named ones, in OTP 25) and U is erl_eval's
/// uniq.
enum ShellFunNumbering {
    /// erl_eval's uniq in OTP 25.
    static let uniq: UInt32 = 3316493

    /// The index erl shows for a shell fun of `arity`.
    static func index(arity: Int, named: Bool) -> Int {
        named ? max(20 - arity, 0) : max(43 - arity, 23)
    }
}

extension Interpreter {
    /// A failed `maps:get(K, M)` as compiled code raises it: from
    /// `erlang:map_get(K, M)`, whose frame erl_erts_errors explains.
    static func asMapGet(_ exception: ErlangException) -> ErlangException {
        guard case .tuple(let top)? = exception.stacktrace.first, top.count == 4,
              top[0] == .atom("maps"), top[1] == .atom("get") else { return exception }
        var mapped = exception
        mapped.stacktrace[0] = .tuple([.atom("erlang"), .atom("map_get"), top[2],
                                       .list([.tuple([.atom("error_info"),
                                                      .map([(.atom("module"), .atom("erl_erts_errors"))])])])])
        return mapped
    }
}
