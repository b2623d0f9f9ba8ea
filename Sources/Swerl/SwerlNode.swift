import ErlangEval
import ErlangOTP
import ErlangRuntime
import ErlangShell
import ErlangStdlib
import ErlangSyntax
import ErlangTerms

/// One Erlang node in your Swift process: a runtime with the standard
/// library (erlang, lists, maps, io, gen_server, sys, ...), where Swift
/// callback modules and `.erl` modules live side by side. Nothing is
/// global: make as many nodes as you like (each test its own).
///
/// ```swift
/// let node = SwerlNode(clock: ManualClock())   // or the real clock
/// node.install(Counter())                        // a GenServerCallbacks type
/// let count = try await node.run { process in
///     _ = try await GenServer.start(Atom("counter"), .int(0), name: .local(Atom("counter")), from: process)
///     return try await process.call("gen_server", "call", .atom("counter"), .atom("get"))
/// }
/// ```
public final class SwerlNode: Sendable {
    /// The node's runtime: processes, registry, modules, clock, output.
    public let runtime: Runtime

    /// A node whose time comes from `clock` (pass a `ManualClock` in tests,
    /// so timeouts fire when you advance it, never by sleeping) and whose
    /// `io` output and reports go to `output`. `codePath` is where
    /// `Name.erl` is looked for when a module is first called.
    public init(clock: any RuntimeClock = SystemClock(), output: any OutputSink = StandardOutput(),
                codePath: [String] = ["."]) {
        runtime = Runtime(clock: clock, output: output)
        Stdlib.install(in: runtime, codePath: codePath)
    }

    /// Loads a gen_server callback module written in Swift; `false` (not
    /// loaded) when its name is a stdlib module's that cannot be replaced
    /// (erl's sticky modules: `lists`, `gen_server`, ...).
    @discardableResult
    public func install(_ callbacks: some GenServerCallbacks) -> Bool {
        callbacks.install(in: runtime)
    }

    /// Compiles Erlang source (a whole `.erl` module) and loads it, as
    /// `c/1` does; returns the module name, or throws the compiler's
    /// report (erl's text) as `SwerlNode.CompileError`, also when the name
    /// is a stdlib module's that cannot be replaced (`lists`).
    @discardableResult
    public func load(erlangSource text: String, file: String = "module.erl") throws(CompileError) -> Atom {
        let outcome = ModuleCompiler.compile(text, file: file, absolutePath: file, directory: ".", linking: runtime.modules,
                                             readFile: { _ in nil })
        guard let module = outcome.module else { throw CompileError(report: outcome.report) }
        guard runtime.modules.load(module) else {
            // What erl's code server logs when asked to load over a sticky module.
            throw CompileError(report: "Can't load module '\(module.name.text)' that resides in sticky dir\n")
        }
        return module.name
    }

    /// Runs `body` as a new Erlang process and returns its result; throws
    /// `ProcessExit` if the process died (an uncaught Erlang exception).
    public func run<T: Sendable>(_ body: @escaping @Sendable (ErlangProcess) async throws -> T) async throws -> T {
        try await runtime.run(body)
    }

    /// Evaluates Erlang expressions (`"lists:seq(1, 3)."`) in a new
    /// process and returns the last value, as `erl -eval` would.
    public func evaluate(_ source: String) async throws -> Term {
        guard case .done(let tokens, _) = Scanner.scanForm(source.hasSuffix(".") ? source + "\n" : source + ".\n") else {
            throw CompileError(report: "incomplete expression: \(source)\n")
        }
        let exprs: [Expr]
        do { exprs = try Parser.parseExprs(tokens) } catch { throw CompileError(report: error.shellText + "\n") }
        return try await runtime.run { process in
            var bindings = Bindings()
            return try await Interpreter().evalBody(exprs, &bindings, process)
        }
    }

    /// A shell on this node, reading from `reader` (what `swerl` runs).
    public func shell(options: ShellOptions = ShellOptions()) -> Shell {
        Shell(runtime: runtime, options: options)
    }

    /// Erlang source that did not compile: erl's report, as `c/1` prints it.
    public struct CompileError: Error, Sendable, CustomStringConvertible {
        /// The compiler's messages.
        public let report: String
        /// The report.
        public var description: String { report }
    }
}
