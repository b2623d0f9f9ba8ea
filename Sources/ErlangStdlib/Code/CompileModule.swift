import ErlangEval
import ErlangRuntime
import ErlangTerms

/// The `compile` module's `file/1,2`. Mirrors `compile:file/1,2` with the
/// default options (`report_errors`, `report_warnings`): compiles
/// `File.erl` and prints its errors and warnings as c/1 does, but does not
/// load the module (Swerl writes no `.beam`; the module loads from its
/// source on first call, as everything on the code path does). Returns
/// `{ok, Module}` or `error`. `file/2` reports only when its options ask
/// (`report`, `report_errors`, `report_warnings`); other options are ignored.
enum CompileModule {
    /// `file/1,2` over `server`.
    static func functions(_ server: CodeServer) -> FunctionTable {
        [
            bif("file", 1) { _, a in try file(server, a[0], report: true) },
            bif("file", 2) { _, a in
                let reporting: Set<String> = ["report", "report_errors", "report_warnings"]
                let options = a[1].listElements ?? [a[1]]
                return try file(server, a[0], report: options.contains { $0.atomValue.map { reporting.contains($0.text) } ?? false })
            },
        ]
    }

    /// `compile:file(File)`.
    static func file(_ server: CodeServer, _ argument: Term, report: Bool) throws -> Term {
        guard var file = argument.nameText else {
            throw StdlibError.functionClause("compile", "file", [argument, .nil], line: 94)
        }
        if !file.hasSuffix(".erl") { file += ".erl" }
        guard let text = SourceFiles.read(file) else {
            if report { server.runtime.output.write("\(file): no such file or directory\n") }
            return .atom(.error)
        }
        let outcome = ModuleCompiler.compile(text, file: file, absolutePath: SourceFiles.absolute(file),
                                             directory: SourceFiles.directory(of: file), readFile: SourceFiles.read)
        if report { server.runtime.output.write(outcome.report) }
        guard let module = outcome.module else { return .atom(.error) }
        return .tuple([.atom(.ok), .atom(module.name)])
    }
}
