import ErlangEval
import ErlangRuntime
import ErlangTerms

/// The shell's compile commands of the `c` module (reached from the shell
/// through `shell_default`): `c/1`, `c/2` and `l/1`. Mirrors `c:c/1,2`
/// and `c:l/1`: compiling prints erl's errors and warnings, then loads the
/// module (replacing an older version).
enum CompileCommands {
    /// `c/1`, `c/2` and `l/1` over `server`.
    static func functions(_ server: CodeServer) -> FunctionTable {
        [
            bif("c", 1) { _, args in try compile(server, args[0]) },
            bif("c", 2) { _, args in try compile(server, args[0], options: CompileOptions(args[1])) },
            bif("l", 1) { _, args in
                let name = try CodeModule.moduleName(args[0])
                return try CodeModule.load(server, name)
            },
        ]
    }

    /// `c(Module)`: compiles `Module.erl` in the current directory or,
    /// failing that, the one on the code path (swerl's stand-in for the
    /// source a loaded `.beam` records, which erl's c/1 falls back to).
    /// `{ok, Module}`, `error` after errors; when there is no such file,
    /// `{error, non_existing}` for a module name and, for a file name, erl's
    /// `File: no such file or directory` line and `error`.
    static func compile(_ server: CodeServer, _ argument: Term, options: CompileOptions = CompileOptions()) throws -> Term {
        guard var file = argument.nameText else { throw ErlangException.badarg }
        if !file.hasSuffix(".erl") { file += ".erl" }
        if !SourceFiles.isRegularFile(file), case .atom(let name) = argument, let onPath = server.findSource(name) {
            file = onPath
        }
        guard SourceFiles.isRegularFile(file) else {
            // erl looks a module name up in the code path (no file: `{error, non_existing}`),
            // but compiles a file name directly, and the compiler reports the missing file.
            if let name = argument.atomValue { return .tuple([.atom(.error), .atom(missingSourceReason(server, name))]) }
            server.runtime.output.write("\(file): no such file or directory\n")
            return .atom(.error)
        }
        let base = String(file.dropLast(4).split(separator: "/").last ?? "")
        let beam = SourceFiles.currentDirectory() + "/" + base + ".beam"
        guard let outcome = server.compileAndLoad(file: file, beamPath: beam, report: true, expectedName: base,
                                                  options: options) else {
            return .tuple([.atom(.error), .atom(CodeModule.nonExisting)])
        }
        if outcome.module != nil, !outcome.loads {
            server.runtime.output.write("** Warning: No object file created - nothing loaded **\n")
            return .ok
        }
        guard let module = outcome.module else {
            if let name = outcome.moduleName, outcome.errors.isEmpty, name == base,
               server.runtime.modules.isSticky(Atom(name)) {
                return CodeModule.stickyRefusal
            }
            if let name = outcome.moduleName, outcome.errors.isEmpty, !outcome.warningsFailed {
                server.runtime.output.write("./\(base).beam: Module name '\(name)' does not match file name '\(base)'\n")
            }
            return .atom(.error)
        }
        server.noteCompiled(module.name, from: file)
        return .tuple([.atom(.ok), .atom(module.name)])
    }

    /// Why `c(Name)` finds no source for a module name: erl's stdlib has a
    /// beam but no source at hand (`no_source`), `erlang` is preloaded, and
    /// any other name is nowhere (`non_existing`).
    static func missingSourceReason(_ server: CodeServer, _ name: Atom) -> Atom {
        guard let module = server.runtime.modules.loaded(name), !(module is InterpretedModule) else {
            return CodeModule.nonExisting
        }
        return name.text == "erlang" ? Atom("preloaded") : Atom("no_source")
    }
}
