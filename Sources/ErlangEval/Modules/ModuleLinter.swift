import ErlangSyntax

/// The checks erl_lint makes that decide what `c/1` returns, with erl's
/// messages: unbound variables, calls to undefined local functions,
/// ambiguous calls of overridden old BIFs, undefined records and fields,
/// exports of undefined functions (errors); unused variables, shadowed
/// fun variables, unused functions and records, `export_all` (warnings).
///
/// Split: this file walks the module and its functions; `ModuleLinter+Exprs`
/// walks expressions and patterns.
struct ModuleLinter {
    let source: ModuleSource
    var errors: [SourceDiagnostic] = []
    var warnings: [SourceDiagnostic] = []
    let defined: Set<String>
    let imported: Set<String>
    let recordFields: [String: [String]]
    /// Calls from each function (`name/arity`) to local functions.
    var calls: [String: Set<String>] = [:]
    var usedRecords: Set<String> = []

    // Per-function state.
    var current = ""
    var tokens: [Token] = []
    var variables: [Variable] = []
    /// Variables bound in only some branches of a case/if/receive, with
    /// the construct and its location.
    var unsafe: [String: (String, SourceLocation, Int)] = [:]

    /// One variable of a function clause, from its first binding.
    struct Variable {
        let name: String
        let location: SourceLocation
        var used = false
    }

    /// Names in scope: variable name to its index in `variables`.
    typealias Scope = [String: Int]

    init(_ source: ModuleSource) {
        self.source = source
        defined = Set(source.functions.map { "\($0.name)/\($0.arity)" })
        imported = Set(source.imports.map { "\($0.name)/\($0.arity)" })
        var fields: [String: [String]] = [:]
        for record in source.records { fields[record.name] = record.fields.map(\.name) }
        recordFields = fields
    }

    /// Runs every check.
    mutating func run() {
        for record in source.records {
            for field in record.fields {
                if let value = field.defaultValue {
                    var scope = Scope()
                    current = ""
                    tokens = []
                    variables = []
                    expr(value, &scope)
                }
            }
        }
        var seen = Set<String>()
        for function in source.functions {
            let key = "\(function.name)/\(function.arity)"
            if !seen.insert(key).inserted {
                errors.append(diagnostic(function.location, "function \(key) already defined"))
                continue
            }
            current = key
            tokens = function.tokens
            calls[key, default: []] = []
            for clause in function.clauses {
                variables = []
                unsafe = [:]
                var scope = Scope()
                for pattern in clause.patterns { self.pattern(pattern, &scope, fresh: false) }
                guards(clause.guards, &scope)
                body(clause.body, &scope)
                reportUnused()
            }
        }
        for export in source.exports where !defined.contains("\(export.name)/\(export.arity)") {
            errors.append(diagnostic(export.location, "function \(export.name)/\(export.arity) undefined"))
        }
        if source.exportAll, let at = compileLocation() {
            warnings.append(SourceDiagnostic(file: source.file, location: at,
                                             message: "export_all flag enabled - all functions will be exported",
                                             isWarning: true))
        }
        unusedFunctions()
        missingCallbacks()
        for type in source.types {
            let key = "\(type.name)/\(type.arity)"
            guard !source.typeReferences.contains(key), !source.exportedTypes.contains(key) else { continue }
            let args = Array(repeating: "_", count: type.arity).joined(separator: ",")
            warn(type.location, "type \(type.name)(\(args)) is unused")
        }
        for record in source.records where !usedRecords.contains(record.name) {
            warnings.append(SourceDiagnostic(file: source.file, location: record.location,
                                             message: "record \(record.name) is unused", isWarning: true))
        }
    }

    func diagnostic(_ at: SourceLocation, _ message: String) -> SourceDiagnostic {
        SourceDiagnostic(file: source.file, location: at, message: message)
    }

    mutating func warn(_ at: SourceLocation, _ message: String) {
        warnings.append(SourceDiagnostic(file: source.file, location: at, message: message, isWarning: true))
    }

    mutating func reportUnused() {
        for variable in variables where !variable.used && !variable.name.hasPrefix("_") {
            warn(variable.location, "variable '\(variable.name)' is unused")
        }
    }

    /// The `-compile` attribute's location, found again in the source text.
    func compileLocation() -> SourceLocation? {
        source.exportAllLocation
    }

    /// The callbacks each OTP behaviour requires (its optional ones left out).
    static let requiredCallbacks: [String: [String]] = [
        "gen_server": ["init/1", "handle_call/3", "handle_cast/2"],
        "supervisor": ["init/1"],
        "application": ["start/2", "stop/1"],
        "gen_event": ["init/1", "handle_event/2", "handle_call/2"],
        "gen_statem": ["init/1", "callback_mode/0"],
    ]

    /// `undefined callback function F/A (behaviour 'B')` for each required
    /// callback of a known behaviour that is not exported.
    mutating func missingCallbacks() {
        let exported = source.exportAll ? defined : Set(source.exports.map { "\($0.name)/\($0.arity)" })
        for behaviour in source.behaviours {
            for callback in Self.requiredCallbacks[behaviour.name] ?? [] where !exported.contains(callback) {
                warn(behaviour.location, "undefined callback function \(callback) (behaviour '\(behaviour.name)')")
            }
        }
    }

    /// Functions not reachable from the exports.
    mutating func unusedFunctions() {
        guard !source.exportAll else { return }
        var reached = Set<String>()
        var pending = source.exports.map { "\($0.name)/\($0.arity)" }
        while let key = pending.popLast() {
            guard reached.insert(key).inserted else { continue }
            pending += calls[key] ?? []
        }
        var seen = Set<String>()
        for function in source.functions {
            let key = "\(function.name)/\(function.arity)"
            guard seen.insert(key).inserted, !reached.contains(key) else { continue }
            warn(function.location, "function \(key) is unused")
        }
    }

    /// The location of `# name` in the current function.
    func recordLocation(_ name: String) -> SourceLocation? {
        for i in tokens.indices.dropLast() where tokens[i].kind == .symbol("#") && tokens[i + 1].kind == .atom(name) {
            return tokens[i].location
        }
        return nil
    }

    /// The location of field `field` after `# name` in the current function.
    func fieldLocation(_ record: String, _ field: String) -> SourceLocation? {
        var inRecord = false
        for i in tokens.indices {
            if tokens[i].kind == .symbol("#"), i + 1 < tokens.count, tokens[i + 1].kind == .atom(record) { inRecord = true }
            if inRecord, tokens[i].kind == .atom(field), i > 0, tokens[i - 1].kind != .symbol("#") {
                return tokens[i].location
            }
        }
        return nil
    }
}
