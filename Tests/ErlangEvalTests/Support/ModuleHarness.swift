import ErlangEval
import ErlangRuntime
import ErlangStdlib
import ErlangTerms

/// Compiles modules from source strings into a fresh runtime and calls
/// their functions inside processes.
struct ModuleHarness {
    let runtime: Runtime

    /// A runtime with the stdlib and an empty code path.
    init() {
        runtime = Runtime(clock: ManualClock(), output: CapturedOutput())
        Stdlib.install(in: runtime, codePath: [])
    }

    /// A harness over `runtime`, whose stdlib is installed.
    init(runtime: Runtime) { self.runtime = runtime }

    /// Compiles `text` as `file`; loads the module when it compiled.
    /// Calls to sticky modules are bound when they compile, as `c/1`
    /// does, unless `binding` is false.
    @discardableResult
    func compile(_ text: String, file: String, binding: Bool = true) -> CompileOutcome {
        let outcome = ModuleCompiler.compile(text, file: file, absolutePath: "/src/" + file, directory: "/src",
                                             linking: binding ? runtime.modules : nil, readFile: { _ in nil })
        if let module = outcome.module { runtime.modules.load(module) }
        return outcome
    }

    /// Waits until no process of the runtime can run (10 s at most).
    func settle() async {
        let quiet = await runtime.activity.waitUntilQuiet(limitMilliseconds: 10_000)
        precondition(quiet, "the runtime did not become quiet")
    }

    /// Calls `module:function(args...)` in a new process.
    func call(_ module: String, _ function: String, _ args: [Term] = []) async -> Result<Term, ErlangException> {
        await inProcess { try await $0.apply(module: Atom(module), function: Atom(function), args) }
    }

    /// Runs `body` in a new process.
    func inProcess(_ body: @escaping @Sendable (ErlangProcess) async throws -> Term) async -> Result<Term, ErlangException> {
        await withTSanAwareCheckedContinuation { continuation in
            runtime.spawn { process in
                do {
                    continuation.resume(returning: .success(try await body(process)))
                } catch let exception as ErlangException {
                    continuation.resume(returning: .failure(exception))
                } catch {
                    continuation.resume(returning: .failure(ErlangException(.error, .tuple([.atom("swift_error"), .string("\(error)")]))))
                }
            }
        }
    }
}

extension Result where Success == Term, Failure == ErlangException {
    /// The returned term written as `~w` would, or `raised Class:Reason`.
    var text: String {
        switch self {
        case .success(let value): return TermWriter.write(value)
        case .failure(let e): return "raised \(e.kind.rawValue):\(TermWriter.write(e.reason))"
        }
    }

    /// The raised exception's stacktrace written as `~w` would.
    var stacktraceText: String {
        guard case .failure(let e) = self else { return "no exception" }
        return TermWriter.write(.list(e.stacktrace))
    }
}
