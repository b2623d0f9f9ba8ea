import ErlangTerms

/// One place in Swift code that calls the same `module:function/arity`
/// again and again (a gen_server's loop calling `handle_call/3`): the
/// function found once, kept for as long as no module is loaded or
/// removed (`ModuleTable.generation`). A call through it skips the module
/// table's lock and the export lookup that `ErlangProcess.apply` makes.
public struct CallSite: Sendable {
    private var generation = -1
    private var module: Atom?
    private var key: FunctionKey?
    private var loaded: LoadedModule?
    private var function: ExportedFunction?

    /// A call site that has found nothing yet.
    public init() {}

    /// The exported function `module:key`, if its module is loaded; from
    /// the last lookup when nothing has been loaded since.
    public mutating func resolve(_ module: Atom, _ key: FunctionKey, in table: ModuleTable) -> ExportedFunction? {
        let now = table.generation
        if now != generation || module != self.module || key != self.key {
            loaded = table.entry(module)
            function = loaded?.exported(key)
            (generation, self.module, self.key) = (now, module, key)
        }
        loaded?.noteCalled()
        return function
    }
}
