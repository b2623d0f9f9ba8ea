import ErlangRuntime
import ErlangTerms

/// The native modules Swerl ships: `erlang`, `lists`, `maps`, `string`,
/// `proplists`, `io`, `io_lib`, `math`, `timer`, ... Each module's
/// functions live in a folder of their own; this file only assembles them.
public enum Stdlib {
    /// Loads every native module into `runtime`'s module table, with the
    /// code server for `codePath` (`-pa` dirs, `.`, `-pz` dirs): the `code`
    /// and `c` modules, and loading `Name.erl` from the path on first call.
    /// Processes that die of an uncaught error are reported as erl reports
    /// them (`UncaughtExceptions`).
    public static func install(in runtime: Runtime, codePath: [String] = ["."]) {
        // Sticky, as erl's kernel and stdlib modules are: c(lists) cannot
        // replace them, so compiled code may call them directly. Those erl
        // only loads when first called (math, timer, ...) stay replaceable
        // until then.
        let server = CodeServer(runtime: runtime, codePath: codePath)
        let serverModules = [
            NativeModule("code", functions: CodeModule.functions(server)),
            NativeModule("c", functions: CompileCommands.functions(server) + ProcessCommands.functions
                         + DocCommands.functions + ListingCommands.functions
                         + DirectoryCommands.functions + HelpCommands.functions),
            NativeModule("compile", functions: CompileModule.functions(server)),
        ]
        for module in modules() + serverModules {
            let stickiness: ModuleTable.Stickiness = loadedAtStart.contains(module.name.text) ? .sticky : .stickyOnceCalled
            runtime.modules.load(ModuleBIFs.withModuleInfo(module), stickiness: stickiness)
        }
        UncaughtExceptions.install(in: runtime)
        server.installLoader()
    }

    /// The modules erl 25's shell has loaded from its sticky directories
    /// when it starts (`code:all_loaded/0`, `code:is_sticky/1`), among
    /// those Swerl has.
    static let loadedAtStart: Set<String> = [
        "binary", "c", "code", "erlang", "error_logger", "filename", "gb_sets", "gb_trees", "gen_server", "global",
        "io", "io_lib", "lists", "logger", "maps", "orddict", "ordsets", "os", "proc_lib", "proplists", "queue",
        "rand", "string", "supervisor", "unicode",
    ]

    /// The native modules, built from their function tables.
    public static func modules() -> [NativeModule] {
        [
            NativeModule("erlang", functions: ErlangBIFs.functions + ErlangBIFs.time(TimeCounters()) + ProcessBIFs.functions
                         + HaltBIFs.functions + ModuleBIFs.functions + SystemInfoBIFs.functions),
            NativeModule("lists", functions: ListsModule.functions),
            NativeModule("maps", functions: MapsModule.functions),
            NativeModule("binary", functions: BinaryModule.functions),
            NativeModule("unicode", functions: UnicodeModule.functions),
            NativeModule("ordsets", functions: OrdsetsModule.functions),
            NativeModule("gb_sets", functions: GbSetsModule.functions),
            NativeModule("string", functions: StringModule.functions),
            NativeModule("proplists", functions: ProplistsModule.functions),
            NativeModule("math", functions: MathModule.functions),
            NativeModule("os", functions: OSModule.functions),
            NativeModule("io", functions: IOModule.functions + IOModule.optionFunctions),
            NativeModule("io_lib", functions: IOLibModule.functions),
            NativeModule("timer", functions: TimerModule.functions),
            NativeModule("gen_server", functions: GenServerModule.functions),
            NativeModule("sys", functions: SysModule.functions),
            NativeModule("supervisor", functions: SupervisorModule.functions),
            NativeModule("proc_lib", functions: ProcLibModule.functions),
            NativeModule("global", functions: GlobalModule.functions),
            NativeModule("error_logger", functions: ErrorLoggerModule.functions),
            NativeModule("logger", functions: LoggerModule.functions),
            NativeModule("erl_erts_errors", functions: ErtsErrors.functions),
            NativeModule("erl_kernel_errors", functions: KernelErrors.functions),
        ] + collectionModules + utilityModules
    }
}

/// A native function table.
public typealias FunctionTable = [NativeFunction]

/// One row of a function table, with the body checked as `@Sendable`:
/// a body that may suspend (it has an `await`).
@_disfavoredOverload
func bif(_ name: String, _ arity: Int, _ body: @escaping ErlangFunction) -> NativeFunction {
    NativeFunction(name, arity, body)
}

/// One row of a function table whose body never suspends (Swift picks
/// this one for a body without `await`): compiled code calls it directly.
func bif(_ name: String, _ arity: Int, _ body: @escaping SyncErlangFunction) -> NativeFunction {
    NativeFunction(name, arity, body)
}
