import ErlangEval
import ErlangRuntime
import ErlangTerms

/// The `code` module: what is loaded, and from where. Mirrors OTP's
/// `code` as far as source-loaded modules go: loading a module means
/// compiling `Name.erl` found on the code path.
enum CodeModule {
    static let file = Atom("file")
    static let module = Atom("module")
    static let nofile = Atom("nofile")
    static let nonExisting = Atom("non_existing")
    static let badDirectory = Atom("bad_directory")
    static let badfile = Atom("badfile")
    /// Why a sticky module is not loaded.
    static let stickyDirectory = Atom("sticky_directory")

    /// `{error, sticky_directory}`.
    static var stickyRefusal: Term { .tuple([.atom(.error), .atom(stickyDirectory)]) }

    /// The `code` functions of `server`.
    static func functions(_ server: CodeServer) -> FunctionTable {
        [
            bif("is_loaded", 1) { _, args in
                let name = try moduleName(args[0])
                guard let path = server.loadedPath(name) else { return .false }
                return .tuple([.atom(file), path])
            },
            bif("which", 1) { _, args in
                let name = try moduleName(args[0])
                if let path = server.loadedPath(name) { return path }
                guard let source = server.findLoadable(name) else { return .atom(nonExisting) }
                return .string(SourceFiles.directory(of: source) + "/" + name.text + ".beam")
            },
            bif("load_file", 1) { _, args in try load(server, try moduleName(args[0])) },
            bif("is_sticky", 1) { process, args in
                guard case .atom(let name) = args[0] else {
                    throw StdlibError.functionClause("code", "is_sticky", args, line: 348)
                }
                return .bool(process.runtime.modules.isSticky(name))
            },
            bif("ensure_loaded", 1) { process, args in
                let name = try moduleName(args[0])
                if await process.runtime.modules.module(name) != nil { return .tuple([.atom(module), .atom(name)]) }
                return .tuple([.atom(.error), .atom(nofile)])
            },
            bif("purge", 1) { _, args in
                _ = try moduleName(args[0])
                return .false
            },
            bif("soft_purge", 1) { _, args in
                _ = try moduleName(args[0])
                return .true
            },
            bif("delete", 1) { _, args in .bool(server.delete(try moduleName(args[0]))) },
            bif("get_path", 0) { _, _ in .list(server.codePath.map { Term.string($0) }) },
            bif("add_patha", 1) { _, args in try addPath(server, args[0], atFront: true) },
            bif("add_pathz", 1) { _, args in try addPath(server, args[0], atFront: false) },
            bif("add_path", 1) { _, args in try addPath(server, args[0], atFront: false) },
            bif("all_loaded", 0) { process, _ in
                let names = process.runtime.modules.loadedNames.sorted { $0.text < $1.text }
                return .list(names.compactMap { name in server.loadedPath(name).map { .tuple([.atom(name), $0]) } })
            },
        ]
    }

    /// `code:load_file/1`: `{module, M}`, `{error, nofile}`, `{error, badfile}`
    /// or (for kernel's and stdlib's modules) `{error, sticky_directory}`.
    static func load(_ server: CodeServer, _ name: Atom) throws -> Term {
        if server.refusesSticky(name) { return stickyRefusal }
        guard let outcome = server.loadFromPath(name, report: false) else { return .tuple([.atom(.error), .atom(nofile)]) }
        guard outcome.module != nil else { return .tuple([.atom(.error), .atom(badfile)]) }
        return .tuple([.atom(module), .atom(name)])
    }

    static func addPath(_ server: CodeServer, _ directory: Term, atFront: Bool) throws -> Term {
        guard let text = directory.nameText else { throw ErlangException.badarg }
        return server.addPath(text, atFront: atFront) ? .true : .tuple([.atom(.error), .atom(badDirectory)])
    }

    static func moduleName(_ term: Term) throws -> Atom {
        guard case .atom(let name) = term else { throw ErlangException.error(.atom(Atom("function_clause"))) }
        return name
    }
}
