import ErlangRuntime
import ErlangTerms
import ErlangSyntax

/// Which functions of a module may wait: receive, sleep, call another
/// process, or run code the module cannot see (a fun it was given, an
/// `apply`, a function of another module that is not known to return at
/// once). Computed once when the module loads, from its source.
///
/// Why: a process may run an idle gen_server's callback on its own task
/// (`ErlangProcess.runBorrowed`), but only a callback that cannot wait,
/// because the borrowing process cannot act on its own timeout or exit
/// signal until the callback returns. The analysis is conservative: a
/// function it cannot prove quick counts as one that may wait, which only
/// costs the faster path.
///
/// A function may wait when its body (the bodies of the funs written in
/// it included) has a `receive`, calls a fun or an unknown function, or
/// calls one of its module's functions that may wait (found by
/// propagating along local calls until nothing changes).
struct WaitAnalysis {
    private let module: String
    private let defined: Set<FunctionKey>
    private let imports: [FunctionKey: String]

    /// The functions of `source` (a module named `module`) that may wait.
    static func functionsThatMayWait(in source: ModuleSource, module: String) -> Set<FunctionKey> {
        let analysis = WaitAnalysis(source: source, module: module)
        var waits = Set<FunctionKey>()
        var callers: [FunctionKey: [FunctionKey]] = [:]
        for definition in source.functions {
            let key = FunctionKey(Atom(definition.name), definition.arity)
            let facts = analysis.facts(of: definition.clauses)
            if facts.waits { waits.insert(key) }
            for callee in facts.localCalls { callers[callee, default: []].append(key) }
        }
        var pending = Array(waits)
        while let key = pending.popLast() {
            for caller in callers[key] ?? [] where waits.insert(caller).inserted {
                pending.append(caller)
            }
        }
        return waits
    }

    /// The functions of `source` whose calls of the module's own functions
    /// reach no recursion (direct, or through other functions), callees
    /// before their callers: the order to compile them in, so that each
    /// may call those before it synchronously (`LocalScope.syncCallee`).
    /// A function that waits may come too early (its calls were not all
    /// scanned), which costs nothing: it never runs synchronously.
    static func nonRecursiveCallOrder(in source: ModuleSource, module: String) -> [FunctionKey] {
        let analysis = WaitAnalysis(source: source, module: module)
        var callees: [FunctionKey: Set<FunctionKey>] = [:]
        for definition in source.functions {
            let key = FunctionKey(Atom(definition.name), definition.arity)
            callees[key, default: []].formUnion(analysis.facts(of: definition.clauses).localCalls)
        }
        var callers: [FunctionKey: [FunctionKey]] = [:]
        var uncalled: [FunctionKey: Int] = [:]  // callees not yet in the order
        for (key, calls) in callees {
            uncalled[key] = calls.count
            for callee in calls { callers[callee, default: []].append(key) }
        }
        var ready = uncalled.filter { $0.value == 0 }.map(\.key).sorted { $0.word > $1.word }
        var order: [FunctionKey] = []
        while let key = ready.popLast() {
            order.append(key)
            for caller in callers[key] ?? [] {
                guard let left = uncalled[caller] else { continue }
                uncalled[caller] = left - 1
                if left == 1 { ready.append(caller) }
            }
        }
        return order
    }

    /// The functions of `source` that may run on a borrowed task as a
    /// process's receive loop (`ModuleFunction.callAsProcessBody`): in
    /// their bodies, and in the bodies of the module's functions they
    /// call in tail position, nothing may wait but a `receive` without
    /// `after` in tail position, where the borrowed run gives the process
    /// back. `mayWait` is `functionsThatMayWait(in:module:)`.
    ///
    /// Tail position is as `TailCompiler` compiles it: the last expression
    /// of a body, and in it the bodies of `case`, `if`, `receive` and
    /// `begin`, and a call of the module's own function by its bare name.
    static func receiveLoopsSafeToBorrow(in source: ModuleSource, module: String,
                                         mayWait: Set<FunctionKey>) -> Set<FunctionKey> {
        let analysis = WaitAnalysis(source: source, module: module)
        var safe = Set<FunctionKey>()
        var unsafe: [FunctionKey] = []
        var tailCallers: [FunctionKey: [FunctionKey]] = [:]
        for definition in source.functions {
            let key = FunctionKey(Atom(definition.name), definition.arity)
            guard let callees = analysis.tailCallees(of: definition.clauses, mayWait: mayWait) else {
                unsafe.append(key)
                continue
            }
            safe.insert(key)
            for callee in callees { tailCallers[callee, default: []].append(key) }
        }
        // A function is safe only if every function it tail-calls is.
        while let key = unsafe.popLast() {
            safe.remove(key)
            for caller in tailCallers[key] ?? [] where safe.remove(caller) != nil { unsafe.append(caller) }
        }
        return safe
    }

    /// The module's functions `clauses` call in tail position, when
    /// nothing else in them may wait but a tail `receive` without `after`;
    /// `nil` otherwise. Walks the tail bodies with an explicit stack.
    private func tailCallees(of clauses: [Clause], mayWait: Set<FunctionKey>) -> Set<FunctionKey>? {
        var callees = Set<FunctionKey>()
        var bodies = clauses.map(\.body)
        while let body = bodies.popLast() {
            guard let last = body.last else { continue }
            var quick = Array(body.dropLast())
            switch last {
            case .receive(let receiveClauses, let after):
                guard after == nil else { return nil }
                bodies += receiveClauses.map(\.body)
            case .caseOf(let subject, let caseClauses):
                quick.append(subject)
                bodies += caseClauses.map(\.body)
            case .ifClauses(let ifClauses):
                bodies += ifClauses.map(\.body)
            case .block(let exprs):
                bodies.append(exprs)
            case .call(.atom(let name), let arguments, _) where defined.contains(FunctionKey(Atom(name), arguments.count)):
                quick += arguments
                callees.insert(FunctionKey(Atom(name), arguments.count))
            default:
                quick.append(last)
            }
            let facts = facts(scanning: quick)
            guard !facts.waits, facts.localCalls.isDisjoint(with: mayWait) else { return nil }
        }
        return callees
    }

    private init(source: ModuleSource, module: String) {
        self.module = module
        defined = Set(source.functions.map { FunctionKey(Atom($0.name), $0.arity) })
        imports = Dictionary(source.imports.map { (FunctionKey(Atom($0.name), $0.arity), $0.module) },
                             uniquingKeysWith: { first, _ in first })
    }

    /// What one function's clauses do: whether they wait by themselves,
    /// and which functions of the module they call (or make funs of).
    private struct Facts {
        var waits = false
        var localCalls = Set<FunctionKey>()
    }

    /// Walks the clauses with an explicit stack (no native recursion on
    /// user input); stops early once the function is known to wait.
    private func facts(of clauses: [Clause]) -> Facts {
        var stack: [Expr] = []
        push(clauses, onto: &stack)
        return facts(scanning: stack)
    }

    /// What `exprs` do, as `facts(of:)` says for clauses.
    private func facts(scanning exprs: [Expr]) -> Facts {
        var facts = Facts()
        var stack = exprs
        while let expr = stack.popLast(), !facts.waits {
            switch expr {
            case .integer, .bigInteger, .float, .atom, .char, .string, .variable, .recordIndex:
                break
            case .tuple(let elements):
                stack += elements
            case .list(let elements, let tail):
                stack += elements
                if let tail { stack.append(tail) }
            case .binary(let segments):
                for segment in segments {
                    stack.append(segment.value)
                    if let size = segment.size { stack.append(size) }
                }
            case .map(let base, let fields):
                if let base { stack.append(base) }
                for field in fields { stack += [field.key, field.value] }
            case .record(let base, _, let fields):
                if let base { stack.append(base) }
                stack += fields.map(\.value)
            case .recordAccess(let record, _, _):
                stack.append(record)
            case .match(let pattern, let value, _):
                stack += [pattern, value]
            case .binaryOp(_, let left, let right, _):
                stack += [left, right]
            case .unaryOp(_, let operand, _):
                stack.append(operand)
            case .call(let function, let arguments, _):
                stack += arguments
                switch classify(call: function, arguments: arguments) {
                case .local(let key): facts.localCalls.insert(key)
                case .quick: break
                case .mayWait: facts.waits = true
                }
            case .remote(let module, let function):
                stack += [module, function]
            case .functionReference(let module, let function, let arity):
                if let key = localReference(module: module, function: function, arity: arity) {
                    facts.localCalls.insert(key)
                }
            case .fun(_, let funClauses):
                push(funClauses, onto: &stack)
            case .caseOf(let subject, let caseClauses):
                stack.append(subject)
                push(caseClauses, onto: &stack)
            case .ifClauses(let ifClauses):
                push(ifClauses, onto: &stack)
            case .receive:
                facts.waits = true
            case .tryCatch(let body, let ofClauses, let catchClauses, let after):
                stack += body + after
                push(ofClauses + catchClauses, onto: &stack)
            case .catchExpr(let inner):
                stack.append(inner)
            case .block(let body):
                stack += body
            case .listComprehension(let element, let qualifiers), .binaryComprehension(let element, let qualifiers):
                stack.append(element)
                for qualifier in qualifiers {
                    switch qualifier {
                    case .generator(let pattern, let source), .binaryGenerator(let pattern, let source):
                        stack += [pattern, source]
                    case .filter(let filter):
                        stack.append(filter)
                    }
                }
            }
        }
        return facts
    }

    private func push(_ clauses: [Clause], onto stack: inout [Expr]) {
        for clause in clauses {
            stack += clause.patterns + clause.body
            for conjunction in clause.guards { stack += conjunction }
        }
    }

    private enum CallKind {
        /// A function of this module: it waits if that function does.
        case local(FunctionKey)
        /// Known to return without waiting.
        case quick
        case mayWait
    }

    private func classify(call function: Expr, arguments: [Expr]) -> CallKind {
        let arity = arguments.count
        switch function {
        case .atom(let name):
            let key = FunctionKey(Atom(name), arity)
            if defined.contains(key) { return .local(key) }
            if let module = imports[key] { return QuickCalls.isQuick(module, name, arguments) ? .quick : .mayWait }
            if AutoImports.isAutoImported(name, arity) {
                return QuickCalls.isQuick("erlang", name, arguments) ? .quick : .mayWait
            }
            return .quick   // undefined: the call fails at once
        case .remote(.atom(let module), .atom(let name)):
            if module == self.module {
                let key = FunctionKey(Atom(name), arity)
                return defined.contains(key) ? .local(key) : .quick
            }
            return QuickCalls.isQuick(module, name, arguments) ? .quick : .mayWait
        case .integer, .bigInteger, .float, .char, .string, .variable, .tuple, .list, .binary, .map, .record,
             .recordAccess, .recordIndex, .match, .binaryOp, .unaryOp, .call, .remote, .functionReference, .fun,
             .caseOf, .ifClauses, .receive, .tryCatch, .catchExpr, .block, .listComprehension, .binaryComprehension:
            return .mayWait
        }
    }

    /// `fun f/N` (or `fun ?MODULE:f/N`) naming a function of this module.
    private func localReference(module: Expr?, function: Expr, arity: Expr) -> FunctionKey? {
        guard case .atom(let name) = function, case .integer(let n) = arity else { return nil }
        if let module {
            guard case .atom(let m) = module, m == self.module else { return nil }
        }
        return FunctionKey(Atom(name), n)
    }
}

/// The functions of other modules that return without waiting, as the
/// wait analysis knows them. A function that takes a fun counts only when
/// that argument is written in place (`fun (X) -> ... end` or `fun f/1`),
/// so the analysis sees the code it runs.
enum QuickCalls {
    /// Modules none of whose functions wait (a few named exceptions aside).
    private static let quickModules: Set<String> = [
        "erlang", "lists", "maps", "io_lib", "string", "proplists", "math", "dict", "orddict", "sets", "ordsets",
        "gb_sets", "gb_trees", "queue", "binary", "unicode", "calendar", "filename", "array",
    ]

    /// Functions of the quick modules that may wait or run unseen code.
    private static let exceptions: Set<String> = ["erlang:apply", "erlang:hibernate", "erlang:yield"]

    /// Functions of other modules that return at once: output to the
    /// shell's own device and sending.
    private static let quickFunctions: Set<String> = [
        "io:format/1", "io:format/2", "io:fwrite/1", "io:fwrite/2", "io:put_chars/1", "io:nl/0", "io:write/1",
        "gen_server:cast/2", "gen_server:reply/2", "gen_server:abcast/2",
        "timer:send_after/2", "timer:send_after/3", "timer:send_interval/2", "timer:send_interval/3",
        "timer:cancel/1", "timer:now_diff/2", "timer:seconds/1", "timer:minutes/1", "timer:hours/1",
        "timer:hms/3",
    ]

    /// Functions that take a fun (`name/arity`, or `module:name/arity`
    /// where one module differs), and which argument it is.
    private static let funArgument: [String: Int?] = [
        "map/2": 0, "foreach/2": 0, "foldl/3": 0, "foldr/3": 0, "fold/3": 0, "filter/2": 0, "filtermap/2": 0,
        "flatmap/2": 0, "any/2": 0, "all/2": 0, "dropwhile/2": 0, "takewhile/2": 0, "splitwith/2": 0,
        "partition/2": 0, "mapfoldl/3": 0, "mapfoldr/3": 0, "zipwith/3": 0, "zipwith3/4": 0, "search/2": 0,
        "sort/2": 0, "usort/2": 0, "merge/3": 0, "umerge/3": 0, "keymap/3": 0, "uniq/2": 0,
        "update_with/3": 1, "update_with/4": 1, "update/3": 1, "update/4": 1, "maps:update/3": nil,
    ]

    /// Whether `module:name(arguments)` returns without waiting.
    static func isQuick(_ module: String, _ name: String, _ arguments: [Expr]) -> Bool {
        if quickModules.contains(module) {
            if exceptions.contains("\(module):\(name)") { return false }
            return funsAreWritten(module, name, arguments)
        }
        return quickFunctions.contains("\(module):\(name)/\(arguments.count)")
    }

    /// Whether the argument that is a fun, if any, is one written in place.
    private static func funsAreWritten(_ module: String, _ name: String, _ arguments: [Expr]) -> Bool {
        let key = "\(name)/\(arguments.count)"
        guard let index = funArgument["\(module):\(key)"] ?? funArgument[key] ?? nil else { return true }
        switch arguments[index] {
        case .fun, .functionReference(nil, _, _):
            return true
        case .functionReference(.some, _, _):
            return false
        case .integer, .bigInteger, .float, .atom, .char, .variable, .tuple, .binary, .map, .record,
             .recordAccess, .recordIndex, .match, .binaryOp, .unaryOp, .call, .remote, .caseOf, .ifClauses,
             .list, .string, .receive, .tryCatch, .catchExpr, .block, .listComprehension, .binaryComprehension:
            return false
        }
    }
}
