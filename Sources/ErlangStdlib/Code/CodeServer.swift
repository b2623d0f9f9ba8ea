import ErlangEval
import ErlangOTP
import ErlangRuntime
import ErlangSyntax
import ErlangTerms

/// One runtime's code server: the code path, where each interpreted
/// module was loaded from, and loading a module on its first call.
/// Mirrors OTP's `code_server`.
///
/// Swerl has no `.beam` files: what erl would find as `Name.beam` is
/// `Name.erl` in a directory the user put on the code path (`-pa`, `-pz`,
/// `code:add_path*`), or a module `c/1` compiled (erl's `c/1` leaves a
/// beam behind). A `.erl` file in the current directory (`.` on the path)
/// is only source, as in erl: it loads once `c/1` has compiled it.
public final class CodeServer: Sendable {
    let runtime: Runtime
    private let path: Lock<[String]>
    private let loadedFrom = Lock<[Atom: String]>([:])
    /// The source of each module `c/1` compiled: its stand-in beam.
    private let compiled = Lock<[Atom: String]>([:])

    /// A code server for `runtime` with the code path `codePath`.
    public init(runtime: Runtime, codePath: [String]) {
        self.runtime = runtime
        self.path = Lock(codePath)
    }

    /// Makes the module table load unknown modules from the code path.
    public func installLoader() {
        // No capture list: see `scripts/thunks`.
        runtime.modules.setLoader { name in self.loadFromPath(name, report: false)?.module }
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

    /// The `.erl` file for module `name` anywhere on the code path (`c/1`
    /// compiles it when there is none in the current directory).
    func findSource(_ name: Atom) -> String? {
        for directory in codePath {
            let file = (directory == "." ? "" : directory + "/") + name.text + ".erl"
            if SourceFiles.isRegularFile(file) { return file }
        }
        return nil
    }

    /// The file module `name` loads from without `c/1`, as erl loads
    /// `Name.beam`: the source `c/1` last compiled it from, else `Name.erl`
    /// in a directory on the code path other than the current one.
    func findLoadable(_ name: Atom) -> String? {
        if let file = compiled.withLock({ $0[name] }), SourceFiles.isRegularFile(file) { return file }
        for directory in codePath where directory != Self.currentDirectory {
            let file = directory + "/" + name.text + ".erl"
            if SourceFiles.isRegularFile(file) { return file }
        }
        return nil
    }

    /// The code path's entry for the current directory.
    static let currentDirectory = "."

    /// Remembers that `c/1` compiled module `name` from `file`.
    func noteCompiled(_ name: Atom, from file: String) {
        compiled.withLock { $0[name] = SourceFiles.absolute(file) }
    }

    /// Compiles `file` and, when it compiled, loads the module, replacing
    /// any module of that name. `report` prints errors and warnings as c/1 does.
    /// A module whose name is not `expectedName` is not loaded (its outcome
    /// has no module), as erl refuses to load `x.beam` holding module `y`.
    func compileAndLoad(file: String, beamPath: String?, report: Bool, expectedName: String? = nil,
                        options: CompileOptions = CompileOptions()) -> CompileOutcome? {
        guard let text = SourceFiles.read(file) else { return nil }
        let absolutePath = SourceFiles.absolute(file)
        let outcome = ModuleCompiler.compile(text, file: file, absolutePath: absolutePath,
                                             directory: SourceFiles.directory(of: file), linking: runtime.modules,
                                             options: options, readFile: SourceFiles.read)
        if report { runtime.output.write(outcome.report) }
        if let expectedName, let module = outcome.module, module.name.text != expectedName {
            return CompileOutcome(rejecting: outcome)
        }
        if let module = outcome.module, outcome.loads {
            guard !refusesSticky(module.name) else { return CompileOutcome(rejecting: outcome) }
            runtime.modules.load(module)
            let beam = beamPath ?? SourceFiles.directory(of: absolutePath) + "/" + module.name.text + ".beam"
            loadedFrom.withLock { $0[module.name] = beam }
        }
        return outcome
    }

    /// Whether `name` is a sticky module (kernel's and stdlib's, which
    /// erl keeps in sticky directories): then erl's code server refuses to
    /// load it, with this error report.
    func refusesSticky(_ name: Atom) -> Bool {
        guard runtime.modules.isSticky(name) else { return false }
        OTPLogger.of(runtime).write(.error, "Can't load module '\(name.text)' that resides in sticky dir\n")
        return true
    }

    /// Loads module `name` from where erl would find its beam (`findLoadable`).
    func loadFromPath(_ name: Atom, report: Bool) -> CompileOutcome? {
        guard let file = findLoadable(name) else { return nil }
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
