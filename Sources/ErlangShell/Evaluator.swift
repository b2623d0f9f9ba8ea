import ErlangEval
import ErlangRuntime
import ErlangSyntax
import ErlangTerms
import Synchronization

/// What one shell evaluation gave.
enum EvaluationOutcome: Sendable {
    case value(Term)
    case exception(ErlangException)
    case diagnostic(EvalDiagnostic)
    case halt(Int32)
}

/// Runs shell expressions inside the shell's evaluator process, keeping the
/// bindings between evaluations. When an evaluation raises, the evaluator
/// process exits and a new one is started for the next expression, as in
/// erl (`self()` changes); the bindings stay.
final class Evaluator: Sendable {
    let runtime: Runtime
    let records = RecordTable()
    private let bindings = Mutex(Bindings())
    private let current = Mutex<ErlangProcess?>(nil)

    struct Request: Sendable {
        let exprs: [Expr]
        let reply: @Sendable (EvaluationOutcome) -> Void
    }

    /// Thrown by `halt()`/`q()` to end the session.
    struct HaltRequest: Error {
        let status: Int32
        /// `q()` returns `ok` before the node stops (`init:stop/0` is asynchronous); `halt()` prints nothing.
        var printsOk = false
    }

    init(runtime: Runtime) { self.runtime = runtime }

    /// Evaluates `exprs` and waits for the outcome.
    func evaluate(_ exprs: [Expr]) async -> EvaluationOutcome {
        let process = evaluatorProcess()
        return await withCheckedContinuation { continuation in
            process.sendControl(Request(exprs: exprs, reply: { continuation.resume(returning: $0) }))
        }
    }

    private func evaluatorProcess() -> ErlangProcess {
        current.withLock { slot in
            if let p = slot, p.isAlive { return p }
            let p = runtime.spawn { [self] process in try await self.serve(process) }
            slot = p
            return p
        }
    }

    private func serve(_ process: ErlangProcess) async throws {
        let interpreter = Interpreter(module: Atom("erl_eval"), records: records, localHandler: { name, args, process in
            try ShellCommands.run(name, args, process)
        })
        while true {
            guard let request = try await process.nextControlRequest() as? Request else { continue }
            var env = bindings.withLock { $0 }
            do {
                let value = try await interpreter.evalBody(request.exprs, &env, process)
                let bound = env
                bindings.withLock { $0 = bound }
                request.reply(.value(value))
            } catch let halt as HaltRequest {
                if halt.printsOk { process.runtime.output.write("ok\n") }
                request.reply(.halt(halt.status))
                return
            } catch let diagnostic as EvalDiagnostic {
                request.reply(.diagnostic(diagnostic))
            } catch let exception as ErlangException {
                request.reply(.exception(exception))
                throw exception
            } catch let exit as ProcessExit {
                request.reply(.exception(ErlangException(.exit, exit.reason)))
                throw exit
            }
        }
    }
}

/// The shell's own commands (`q()`, `halt()`, ...), tried before BIFs.
enum ShellCommands {
    static func run(_ name: String, _ args: [Term], _ process: ErlangProcess) throws -> Term? {
        switch (name, args.count) {
        case ("q", 0): throw Evaluator.HaltRequest(status: 0, printsOk: true)
        case ("halt", 0): throw Evaluator.HaltRequest(status: 0)
        case ("halt", 1):
            if case .int(let n) = args[0] { throw Evaluator.HaltRequest(status: Int32(truncatingIfNeeded: n)) }
            throw Evaluator.HaltRequest(status: 1)
        default: return nil
        }
    }
}
