import ErlangEval
import ErlangRuntime
import ErlangSyntax
import ErlangTerms

/// The shell's own commands, as erl's `shell` and `shell_default` have
/// them. `b()`, `f()`, `f(X)` and `rd(R, D)` work on the unevaluated
/// expression (the variable in `f(X)` may be unbound, the fields in `rd`
/// are declarations); the others are local calls the evaluator resolves
/// before BIFs: `v(N)`, `h()`, `history(N)`, `results(N)`, `rr(M)`, `rf()`,
/// `rl()` (`RecordCommands`), `rp(T)`, `help()`, `flush()`, `catch_exception(B)`, `q()`, `halt()`.
enum ShellCommands {
    /// Runs `e` if it is one of the commands that take unevaluated
    /// arguments; `nil` when it is an ordinary expression.
    static func runSpecial(_ e: Expr, _ env: inout Bindings, _ evaluator: Evaluator) throws -> Term? {
        guard case .call(.atom(let name), let args, _) = e else { return nil }
        switch (name, args.count) {
        case ("b", 0):
            printBindings(env, evaluator)
            return .ok
        case ("f", 0):
            env.removeAll()
            return .ok
        case ("f", 1):
            guard case .variable(let variable, _) = args[0] else {
                // shell:f/1 has a clause for a variable only.
                throw noClause("f", 1)
            }
            env.remove(variable)
            return .ok
        case ("rd", 2):
            // shell:rd/2 has a clause for an atom name only; a declaration
            // that is not a tuple of fields is erl's "bad record declaration".
            guard case .atom(let record) = args[0] else { throw noClause("rd", 2) }
            guard case .tuple(let items) = args[1] else {
                throw ErlangException(.exit, .string("bad record declaration"))
            }
            var fields: [String] = []
            var defaults: [Expr?] = []
            /// erl_lint's error for a field named twice.
            func checkNew(_ field: String) throws {
                guard !fields.contains(field) else {
                    throw ErlangException(.exit, .string("field \(field) already defined in record \(record)"))
                }
            }
            for item in items {
                switch item {
                case .atom(let field):
                    try checkNew(field)
                    fields.append(field)
                    defaults.append(nil)
                case .match(.atom(let field), let value, _):
                    try checkNew(field)
                    fields.append(field)
                    defaults.append(value)
                case .integer, .bigInteger, .float, .char, .string, .variable, .tuple, .list, .binary, .map,
                     .record, .recordAccess, .recordIndex, .match, .binaryOp, .unaryOp, .call, .remote,
                     .functionReference, .fun, .caseOf, .ifClauses, .receive, .tryCatch, .catchExpr, .block,
                     .listComprehension, .binaryComprehension:
                    // erl_lint's word for a field that is not `Name` or `Name = Default`.
                    throw ErlangException(.exit, .string("bad record field"))
                }
            }
            evaluator.records.define(record, fields: fields,
                                     defaults: defaults.map { $0.map { RecordDefaultExpansion.expanded($0, evaluator.records) } })
            return .atom(Atom(record))
        default:
            return nil
        }
    }

    /// `b()`: each binding as `Name = Value`, names sorted.
    static func printBindings(_ env: Bindings, _ evaluator: Evaluator) {
        var out = ""
        for variable in env.sortedNames {
            guard let value = env[variable] else { continue }
            if case .fun(let fun) = value, let source = FunSource.expression(of: fun) {
                // A fun made by the shell shows its source, laid out as h() does.
                let origin = SourceLocation(line: 1, column: 1)
                out += ExprLayout.text([.match(.variable(variable, origin), source, origin)], column: 0) + "\n"
                continue
            }
            out += "\(variable) = " + evaluator.printer.print(value, column: variable.count + 4,
                                                              records: evaluator.recordFields) + "\n"
        }
        evaluator.runtime.output.write(out)
    }

    /// Whether `tokens` may hold a local call to one of `names` (`name(`):
    /// the rewrites of such calls (`HistoryReferences`,
    /// `nestedCommandsPrepared`) walk and rebuild the whole expression, so
    /// a command that names none of them skips them. Unknown tokens (an
    /// empty list) may hold anything.
    static func mayCall(_ names: Set<String>, in tokens: [Token]) -> Bool {
        guard !tokens.isEmpty else { return true }
        for index in tokens.indices.dropLast() {
            guard case .atom(let name) = tokens[index].kind, names.contains(name) else { continue }
            if tokens[index + 1].kind == .symbol("(") { return true }
        }
        return false
    }

    /// `e` with the `f(Var)` calls inside it (not `e` itself) made `f()`:
    /// erl runs `b()`, `f()` and `f(X)` anywhere in a command, but only at
    /// the top do `f()` and `f(X)` forget bindings; inside, they answer
    /// `ok` and change nothing, and `X` need not be bound.
    static func nestedCommandsPrepared(_ e: Expr) -> Expr {
        func inner(_ x: Expr) -> Expr {
            if case .call(.atom("f"), let args, let location) = x, args.count == 1, case .variable = args[0] {
                return .call(function: .atom("f"), arguments: [], location)
            }
            return x.mappingChildren(inner)
        }
        return e.mappingChildren(inner)
    }

    /// Runs the local call `name(args)` if it is a shell command; `nil` otherwise.
    /// The auto-imported BIFs that `run` answers itself (`halt/0,1` end
    /// the shell's own way), so a call to them is never bound to
    /// `erlang`'s when it compiles.
    static let shadowedBIFs: Set<FunctionKey> = [FunctionKey(Atom("halt"), 0), FunctionKey(Atom("halt"), 1)]

    static func run(_ name: String, _ args: [Term], _ process: ErlangProcess, _ evaluator: Evaluator) async throws -> Term? {
        let output = evaluator.runtime.output
        switch (name, args.count) {
        case ("q", 0):
            // init:stop(): answers ok; the node stops soon after.
            evaluator.requestStop()
            return .ok
        case ("halt", _) where !evaluator.isEvaluator(process):
            // A fun the shell made, running in another process: erlang:halt
            // ends the node from there.
            return nil
        case ("halt", 0):
            throw Evaluator.HaltRequest(status: 0)
        case ("halt", 1):
            switch args[0] {
            case .int(let n) where n >= 0: throw Evaluator.HaltRequest(status: Int32(truncatingIfNeeded: n))
            case .atom(let a) where a.text == "abort": throw Evaluator.HaltRequest(status: 1)
            case .nil: throw Evaluator.HaltRequest(status: 1)
            case .cons where args[0].listElements != nil: throw Evaluator.HaltRequest(status: 1)
            default:
                // Not a status: erlang:halt/1 raises badarg for it.
                return nil
            }
        case ("b", 0):
            // Inside a command: the bindings the command started with.
            printBindings(evaluator.startingBindings, evaluator)
            return .ok
        case ("f", 0):
            // Inside a command (see `nestedCommandsPrepared`).
            return .ok
        case ("f", 1):
            // shell:f/1 has a clause for a variable only.
            throw noClause("f", 1)
        case ("v", 1):
            guard case .int(let n) = args[0], let value = evaluator.history.result(n) else {
                throw ErlangException(.error, .atom(.undef),
                                      stacktrace: [ErlangProcess.frame(Atom("shell_default"), Atom("v"), .list(args))])
            }
            return value
        case ("h", 0):
            var out = ""
            for (entry, withResult) in evaluator.history.listing() {
                let label = "\(entry.number): "
                out += label + ExprLayout.text(entry.exprs, column: label.count) + "\n"
                if withResult { out += "-> " + evaluator.printer.print(entry.result, column: 4, records: evaluator.recordFields) + "\n" }
            }
            output.write(out)
            return .ok
        case ("history", 1):
            guard case .int(let n) = args[0] else { throw noClause("history", 1) }
            return .int(evaluator.history.setKeptCommands(n))
        case ("results", 1):
            guard case .int(let n) = args[0] else { throw noClause("results", 1) }
            return .int(evaluator.history.setKeptResults(n))
        case ("catch_exception", 1):
            guard let flag = args[0].boolValue else { throw noClause("catch_exception", 1) }
            return .bool(evaluator.setCatchException(flag))
        case ("rr", 1), ("rr", 2), ("rr", 3):
            return try await RecordCommands.read(args, process, evaluator.records)
        case ("rf", 0):
            // erl answers the records its bindings still need: none here.
            RecordCommands.forget(nil, evaluator.records)
            return .nil
        case ("rf", 1):
            RecordCommands.forget(args[0], evaluator.records)
            return .ok
        case ("rl", 0), ("rl", 1):
            output.write(RecordCommands.list(args.first, evaluator.records))
            return .ok
        case ("rp", 1):
            output.write(PrettyPrinter(lineLength: 80, lineMaxChars: 60, depth: -1).print(args[0], column: 1, records: evaluator.recordFields) + "\n")
            return .ok
        case ("help", 0):
            let keys = evaluator.atTerminal.withLock { $0 } ? ShellHelp.terminalKeys : ""
            output.write(ShellHelp.text + "\n" + keys)
            return .true
        case ("pid", 3):
            // c:pid/3: the pid <X.Y.Z>.
            let text = args.map { term -> String in
                if case .int(let n) = term { return "\(n)" }
                return "x"
            }.joined(separator: ".")
            return try await process.apply(module: Atom("erlang"), function: Atom("list_to_pid"), [.string("<\(text)>")])
        case ("flush", 0):
            var out = ""
            while let message = try await process.receive(timeout: .milliseconds(0), { $0 }) {
                // erl prints each message whole with `~p` (no depth limit, no records).
                out += "Shell got " + PrettyPrinter().print(message, column: 11) + "\n"
            }
            output.write(out)
            return .ok
        default:
            return nil
        }
    }

    /// The `function_clause` error of a shell command called with arguments
    /// none of its clauses takes: erl raises it with the command's own
    /// frame alone (`no function clause matching call to history/1`).
    static func noClause(_ name: String, _ arity: Int) -> ErlangException {
        ErlangException(.error, .atom(.functionClause),
                        stacktrace: [.tuple([.atom("shell"), .atom(Atom(name)), .int(arity), .nil])])
    }
}
