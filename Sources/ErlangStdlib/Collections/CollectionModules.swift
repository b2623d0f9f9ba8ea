import ErlangRuntime

extension Stdlib {
    /// The data-structure modules: `queue`, `dict`, `orddict`, `gb_trees`.
    static var collectionModules: [NativeModule] {
        [
            NativeModule("queue", functions: QueueModule.functions),
            NativeModule("dict", functions: DictModule.functions),
            NativeModule("orddict", functions: OrddictModule.functions),
            NativeModule("gb_trees", functions: GbTreesModule.functions),
        ]
    }

    /// Everyday helper modules: `filename`, `calendar`, `rand`.
    static var utilityModules: [NativeModule] {
        [
            NativeModule("filename", functions: FilenameModule.functions),
            NativeModule("calendar", functions: CalendarModule.functions),
            NativeModule("rand", functions: RandModule.functions),
            NativeModule("base64", functions: Base64Module.functions),
            NativeModule("ets", functions: EtsModule.functions),
        ]
    }
}
