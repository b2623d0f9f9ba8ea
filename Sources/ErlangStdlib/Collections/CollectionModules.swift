import ErlangRuntime

extension Stdlib {
    /// The data-structure modules: `queue`, `dict`, `orddict`, `gb_trees`.
    static var collectionModules: [NativeModule] {
        [
            NativeModule("queue", functions: QueueModule.functions),
            NativeModule("orddict", functions: OrddictModule.functions),
            NativeModule("gb_trees", functions: GbTreesModule.functions),
        ]
    }
}
