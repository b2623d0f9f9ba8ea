import ErlangTerms
import Synchronization

/// The loaded modules of one runtime, by name. Mirrors BEAM's code server:
/// loading a module with a name already taken replaces it.
///
/// An optional `loader` finds modules that are not loaded yet (for example
/// a `.erl` file on the code path), as erl loads a `.beam` on first call.
public final class ModuleTable: Sendable {
    /// Finds and loads a module that is not in the table yet.
    public typealias Loader = @Sendable (Atom) async -> (any ErlangModule)?

    /// The modules by their name's atom index (atoms are small dense
    /// integers): a lookup on every remote call is an array read, no hashing.
    private let modules = Lock<[LoadedModule?]>([])
    private let loader = Lock<Loader?>(nil)
    private let changes = Atomic<Int>(0)

    /// How many times a module was loaded or removed: what a cached fact
    /// about loaded code (`ErlangModule.mayWait`) is still true as long as
    /// it has not changed.
    public var generation: Int { changes.load(ordering: .acquiring) }

    /// An empty table.
    public init() {}

    /// Adds or replaces `module`.
    public func load(_ module: any ErlangModule) {
        let index = Int(module.name.index)
        modules.withLock { table in
            if index >= table.count { table.append(contentsOf: repeatElement(nil, count: index + 1 - table.count)) }
            table[index] = LoadedModule(module)
        }
        changes.add(1, ordering: .releasing)
    }

    /// Removes the module `name` (`code:delete/1` + `purge`).
    public func unload(_ name: Atom) {
        let index = Int(name.index)
        modules.withLock { table in
            if index < table.count { table[index] = nil }
        }
        changes.add(1, ordering: .releasing)
    }

    /// Sets the loader used for modules that are not loaded.
    public func setLoader(_ newLoader: Loader?) {
        loader.withLock { $0 = newLoader }
    }

    /// The loaded module `name`, without trying the loader.
    public func loaded(_ name: Atom) -> (any ErlangModule)? {
        entry(name)?.module
    }

    /// The loaded module `name`, as the table holds it (the hot path of
    /// every remote call: a class reference, not an existential, comes out
    /// of the lock).
    func entry(_ name: Atom) -> LoadedModule? {
        let index = Int(name.index)
        return modules.withLock { table in index < table.count ? table[index] : nil }
    }

    /// The names of all loaded modules.
    public var loadedNames: [Atom] { modules.withLock { $0.compactMap { $0?.module.name } } }

    /// The module `name`, loading it through the loader when needed.
    public func module(_ name: Atom) async -> (any ErlangModule)? {
        if let module = loaded(name) { return module }
        guard let find = loader.withLock({ $0 }) else { return nil }
        guard let module = await find(name) else { return nil }
        load(module)
        return module
    }

    /// The exported function `module:key`, loading the module when needed.
    public func function(_ module: Atom, _ key: FunctionKey) async -> ErlangFunction? {
        await self.module(module)?.exportedFunction(key)
    }

    /// The exported function `module:key` of a loaded module; `nil` when
    /// the module is not loaded (yet) or does not export it. Synchronous:
    /// the common case of every call, with no async frame for the lookup.
    public func loadedFunction(_ module: Atom, _ key: FunctionKey) -> ErlangFunction? {
        entry(module)?.function(key)
    }
}

/// A module in a `ModuleTable`. A class, so that a lookup takes a
/// reference out of the table's lock, not a copy of the module (an
/// existential, copied through its value witnesses on every call).
final class LoadedModule: Sendable {
    /// The module itself.
    let module: any ErlangModule

    init(_ module: any ErlangModule) {
        self.module = module
    }

    /// The exported function `key`.
    func function(_ key: FunctionKey) -> ErlangFunction? {
        module.exportedFunction(key)
    }

    /// The callable object of the exported function `key`, if the module has one.
    func code(_ key: FunctionKey) -> FunBody? {
        module.exportedCode(key)
    }
}
