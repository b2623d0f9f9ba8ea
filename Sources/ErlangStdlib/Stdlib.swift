import ErlangRuntime
import ErlangTerms

/// The native modules Swerl ships: `erlang`, `lists`, `maps`, `string`,
/// `proplists`, `io`, `io_lib`, `math`, `timer`, ... Each module's
/// functions live in a folder of their own; this file only assembles them.
public enum Stdlib {
    /// Loads every native module into `runtime`'s module table, with the
    /// code server for `codePath` (`-pa` dirs, `.`, `-pz` dirs): the `code`
    /// and `c` modules, and loading `Name.erl` from the path on first call.
    public static func install(in runtime: Runtime, codePath: [String] = ["."]) {
        for module in modules() { runtime.modules.load(module) }
        let server = CodeServer(runtime: runtime, codePath: codePath)
        runtime.modules.load(NativeModule("code", CodeModule.functions(server)))
        runtime.modules.load(NativeModule("c", CompileCommands.functions(server) + ProcessCommands.functions))
        server.installLoader()
    }

    /// The native modules, built from their function tables.
    public static func modules() -> [NativeModule] {
        [
            NativeModule("erlang", ErlangBIFs.functions + ProcessBIFs.functions + HaltBIFs.functions),
            NativeModule("lists", ListsModule.functions),
            NativeModule("maps", MapsModule.functions),
            NativeModule("string", StringModule.functions),
            NativeModule("proplists", ProplistsModule.functions),
            NativeModule("math", MathModule.functions),
            NativeModule("io", IOModule.functions),
            NativeModule("io_lib", IOLibModule.functions),
            NativeModule("timer", TimerModule.functions),
            NativeModule("gen_server", GenServerModule.functions),
            NativeModule("sys", SysModule.functions),
            NativeModule("proc_lib", ProcLibModule.functions),
            NativeModule("global", GlobalModule.functions),
            NativeModule("error_logger", ErrorLoggerModule.functions),
            NativeModule("logger", LoggerModule.functions),
            NativeModule("erl_erts_errors", ErtsErrors.functions),
        ]
    }
}

/// A native function table: `(name, arity, body)` rows.
public typealias FunctionTable = [(String, Int, ErlangFunction)]

/// One row of a function table, with the body checked as `@Sendable`.
func bif(_ name: String, _ arity: Int, _ body: @escaping ErlangFunction) -> (String, Int, ErlangFunction) {
    (name, arity, body)
}
