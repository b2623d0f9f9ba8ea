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

    /// Whether a loaded module may be replaced. Mirrors erl's sticky
    /// directories (kernel's and stdlib's): erl refuses to load over a
    /// module it has loaded from one, so code compiled against such a
    /// module may bind its calls to it once (`stickyFunction`).
    public enum Stickiness: Sendable {
        /// Replaceable (a user's module).
        case replaceable
        /// Never replaced or removed (erl has it loaded from the start).
        case sticky
        /// Replaceable until it is first called, sticky from then on (a
        /// stdlib module erl loads on first use: a user's own `math.erl`
        /// compiled before any `math:` call replaces it, as in erl).
        case stickyOnceCalled
    }

    /// Adds or replaces `module`; `false` (nothing changes) when the
    /// module of that name is sticky.
    @discardableResult
    public func load(_ module: any ErlangModule, stickiness: Stickiness = .replaceable) -> Bool {
        let index = Int(module.name.index)
        let loaded = modules.withLock { table -> Bool in
            if index >= table.count { table.append(contentsOf: repeatElement(nil, count: index + 1 - table.count)) }
            if table[index]?.isSticky == true { return false }
            table[index] = LoadedModule(module, stickiness: stickiness)
            return true
        }
        if loaded { changes.add(1, ordering: .releasing) }
        return loaded
    }

    /// Whether the module `name` is loaded and sticky.
    public func isSticky(_ name: Atom) -> Bool {
        entry(name)?.isSticky == true
    }

    /// The function `module:key` when `module` is sticky, so that it is
    /// the function for good: what compiled code may call directly.
    public func stickyFunction(_ module: Atom, _ key: FunctionKey) -> ExportedFunction? {
        guard let loaded = entry(module), loaded.isSticky else { return nil }
        return loaded.exported(key)
    }

    /// Removes the module `name` (`code:delete/1` + `purge`), unless it is sticky.
    public func unload(_ name: Atom) {
        let index = Int(name.index)
        let removed = modules.withLock { table -> Bool in
            guard index < table.count, table[index]?.isSticky != true else { return false }
            table[index] = nil
            return true
        }
        if removed { changes.add(1, ordering: .releasing) }
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
    private let stickiness: ModuleTable.Stickiness
    /// For a module sticky once called: whether it has been.
    private let called = Atomic<Bool>(false)

    init(_ module: any ErlangModule, stickiness: ModuleTable.Stickiness) {
        self.module = module
        self.stickiness = stickiness
    }

    /// Whether the module can no longer be replaced (`ModuleTable.load`).
    var isSticky: Bool {
        switch stickiness {
        case .replaceable: return false
        case .sticky: return true
        case .stickyOnceCalled: return called.load(ordering: .relaxed)
        }
    }

    /// Notes a call into the module (see `Stickiness.stickyOnceCalled`).
    @inline(__always)
    func noteCalled() {
        if case .stickyOnceCalled = stickiness, !called.load(ordering: .relaxed) { called.store(true, ordering: .relaxed) }
    }

    /// The exported function `key`, in its cheapest form.
    func exported(_ key: FunctionKey) -> ExportedFunction? {
        module.exported(key)
    }

    /// The exported function `key`.
    func function(_ key: FunctionKey) -> ErlangFunction? {
        module.exportedFunction(key)
    }
}
