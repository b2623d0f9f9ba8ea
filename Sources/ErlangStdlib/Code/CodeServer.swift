import ErlangEval
import ErlangRuntime
import ErlangSyntax
import ErlangTerms

/// One runtime's code server: the code path, where each interpreted
/// module was loaded from, and loading `Name.erl` from the path on a
/// module's first call (standing in for erl loading `Name.beam`).
/// Mirrors OTP's `code_server`.
public final class CodeServer: Sendable {
    let runtime: Runtime
    private let path: Lock<[String]>
    private let loadedFrom = Lock<[Atom: String]>([:])

    /// A code server for `runtime` with the code path `codePath`.
    public init(runtime: Runtime, codePath: [String]) {
        self.runtime = runtime
        self.path = Lock(codePath)
    }

    /// Makes the module table load unknown modules from the code path.
    public func installLoader() {
        runtime.modules.setLoader { [self] name in self.loadFromPath(name, report: false)?.module }
    }

    /// The code path, in search order.
    var codePath: [String] { path.withLock { $0 } }

    /// Adds `directory` first (`atFront`) or last; `false` when it is not a directory.
    func addPath(_ directory: String, atFront: Bool) -> Bool {
        guard SourceFiles.isDirectory(directory) else { return false }
        path.withLock { list in
            list.removeAll { $0 == directory }
            if atFront { list.insert(directory, at: 0) } else { list.append(directory) }
        }
        return true
    }

    /// The `.erl` file for module `name` on the code path.
    func findSource(_ name: Atom) -> String? {
        for directory in codePath {
            let file = (directory == "." ? "" : directory + "/") + name.text + ".erl"
            if SourceFiles.isRegularFile(file) { return file }
        }
        return nil
    }

    /// Compiles `file` and, when it compiled, loads the module, replacing
    /// any module of that name. `report` prints errors and warnings as c/1 does.
    /// A module whose name is not `expectedName` is not loaded (its outcome
    /// has no module), as erl refuses to load `x.beam` holding module `y`.
    func compileAndLoad(file: String, beamPath: String?, report: Bool, expectedName: String? = nil) -> CompileOutcome? {
        guard let text = SourceFiles.read(file) else { return nil }
        let absolutePath = SourceFiles.absolute(file)
        let outcome = ModuleCompiler.compile(text, file: file, absolutePath: absolutePath,
                                             directory: SourceFiles.directory(of: file), readFile: SourceFiles.read)
        if report { runtime.output.write(outcome.report) }
        if let expectedName, let module = outcome.module, module.name.text != expectedName {
            return CompileOutcome(rejecting: outcome)
        }
        if let module = outcome.module {
            runtime.modules.load(module)
            let beam = beamPath ?? SourceFiles.directory(of: absolutePath) + "/" + module.name.text + ".beam"
            loadedFrom.withLock { $0[module.name] = beam }
        }
        return outcome
    }

    /// Loads module `name` from `Name.erl` on the code path.
    func loadFromPath(_ name: Atom, report: Bool) -> CompileOutcome? {
        guard let file = findSource(name) else { return nil }
        let beam = SourceFiles.directory(of: SourceFiles.absolute(file)) + "/" + name.text + ".beam"
        return compileAndLoad(file: file, beamPath: beam, report: report, expectedName: name.text)
    }

    /// Where the loaded module `name` came from, as `code:which/1` says it.
    func loadedPath(_ name: Atom) -> Term? {
        guard let module = runtime.modules.loaded(name) else { return nil }
        if module is InterpretedModule, let beam = loadedFrom.withLock({ $0[name] }) { return .string(beam) }
        return .atom(Atom("preloaded"))
    }

    /// Forgets module `name` (`code:delete/1`); `false` when it was not loaded.
    func delete(_ name: Atom) -> Bool {
        guard runtime.modules.loaded(name) is InterpretedModule else { return false }
        runtime.modules.unload(name)
        loadedFrom.withLock { $0[name] = nil }
        return true
    }
}
