import ErlangSyntax

/// erl_lint's variable check for one shell expression. erl's shell lints
/// an expression before it expands its records (shell.erl replaces record
/// expressions for the check), so an unbound variable is reported even
/// when the expression also names an undefined record.
extension ModuleLinter {
    /// The first `variable 'X' is unbound` in `expr`, evaluated with the
    /// variables `bound` already bound; `nil` when there is none.
    static func firstUnboundVariable(in expr: Expr, bound: [String]) -> SourceDiagnostic? {
        var linter = ModuleLinter(ModuleSource(file: "shell"))
        var scope = Scope()
        for name in bound {
            linter.variables.append(Variable(name: name, location: SourceLocation(line: 1, column: 1)))
            scope[name] = linter.variables.count - 1
        }
        linter.expr(expr, &scope)
        return linter.errors.first { $0.message.hasPrefix("variable '") && $0.message.hasSuffix("' is unbound") }
    }
}

extension Interpreter {
    /// The diagnostic erl's shell reports for `expr`, which raised
    /// `diagnostic` while its records were expanded (an anchored
    /// diagnostic): an unbound variable in `expr` comes first.
    public static func shellDiagnostic(_ diagnostic: EvalDiagnostic, for expr: Expr, bound env: Bindings) -> EvalDiagnostic {
        guard diagnostic.anchor != nil,
              let unbound = ModuleLinter.firstUnboundVariable(in: expr, bound: env.sortedNames) else { return diagnostic }
        return EvalDiagnostic(unbound.message, at: unbound.location)
    }
}
