import ErlangEval
import ErlangRuntime
import ErlangSyntax
import ErlangTerms

/// What one shell evaluation gave.
enum EvaluationOutcome: Sendable {
    case value(Term)
    /// The value, already printed by the evaluator, which then waited for
    /// the runtime to settle; `quiet`: whether it did within the limit.
    case printed(Term, quiet: Bool)
    case exception(ErlangException)
    /// An exit signal killed the evaluator during the evaluation.
    case killed(Term)
    case diagnostic(EvalDiagnostic)
    case halt(Int32)
}

/// Runs shell expressions inside the shell's evaluator process, keeping the
/// bindings between evaluations. When an evaluation raises, the evaluator
/// process passes the exception on to the processes linked to it and exits
/// (`EvaluatorExit`), and a new one is started for the next expression, as
/// in erl (`self()` changes); the bindings stay as they were before the
/// failed expression. A linked process that crashes kills the evaluator:
/// during an evaluation that evaluation ends with the exit; while idle the
/// shell reports it before its next prompt (`takeUnreportedExit`).
final class Evaluator: Sendable {
    let runtime: Runtime
    let records = RecordTable()
    let history = ShellHistory()
    /// How the shell prints results (`shell:pp/4`: depth 30, 60 characters a line).
    let printer = PrettyPrinter.shell
    private let bindings = Lock(Bindings())

    /// The bindings the running command started with (what `b()` inside a
    /// command prints).
    var startingBindings: Bindings { bindings.withLock { $0 } }

    /// The bound variable names (for completion).
    var boundNames: [String] { bindings.withLock { $0.sortedNames } }
    private let current = Lock<ErlangProcess?>(nil)
    /// The evaluation in progress: the evaluator it was sent to and its
    /// reply, taken by whoever answers first.
    private let inFlight = Lock<(pid: Pid, reply: @Sendable (EvaluationOutcome) -> Void)?>(nil)
    private let catchExceptions = Lock(false)
    private let stopRequested = Lock(false)

    struct Request: Sendable {
        let exprs: [Expr]
        /// The form's tokens (the linter locates keywords with them).
        let tokens: [Token]
        /// Print the value and wait for the other processes to settle
        /// before answering (see `evaluate(_:printing:)`).
        let printsAndSettles: Bool
    }

    /// How long the shell waits for the runtime to settle after a command.
    let settleLimitMilliseconds: Int
    /// How long it waits once a wait has run out (`settleWaitMilliseconds`).
    static let busySettleMilliseconds = 100
    /// Whether the last wait for the runtime to settle ran out.
    private let settleRanOut = Lock(false)

    /// How long to wait for the runtime to settle now: the full limit, or,
    /// once a wait has run out (a process that never stops running, such
    /// as `spawn(fun L() -> L() end)`), a short wait until the runtime has
    /// been quiet again. Otherwise every later prompt waited the full
    /// limit for that process; erl prompts at once.
    var settleWaitMilliseconds: Int {
        settleRanOut.withLock { $0 } ? min(settleLimitMilliseconds, Evaluator.busySettleMilliseconds) : settleLimitMilliseconds
    }

    /// Records how a wait for the runtime to settle ended; returns `quiet`.
    @discardableResult
    func noteSettled(quiet: Bool) -> Bool {
        settleRanOut.withLock { $0 = !quiet }
        return quiet
    }

    /// Thrown by `halt()`/`q()` to end the session.
    struct HaltRequest: Error {
        let status: Int32
    }

    init(runtime: Runtime, settleLimitMilliseconds: Int) {
        self.runtime = runtime
        self.settleLimitMilliseconds = settleLimitMilliseconds
    }

    /// Whether the shell reads from a terminal (`help()` then also lists
    /// swerl's editing keys; piped output stays exactly erl's).
    let atTerminal = Lock(false)

    /// The field names of a record the shell knows, for printing
    /// `{person, "Joe", 0}` as `#person{name = "Joe",age = 0}`.
    var recordFields: (Atom, Int) -> [Atom]? {
        { [records] name, count in
            guard let fields = records.fields(of: name.text), fields.count == count else { return nil }
            return fields.map { Atom($0) }
        }
    }

    /// Asks the node to stop (`q()`, as `init:stop/0`): the shell ends
    /// after the current command, once its next prompt is out.
    func requestStop() { stopRequested.withLock { $0 = true } }

    /// Whether `q()` asked the node to stop.
    var isStopping: Bool { stopRequested.withLock { $0 } }

    /// Sets `catch_exception/1`; answers the previous setting.
    func setCatchException(_ flag: Bool) -> Bool {
        catchExceptions.withLock { old in
            defer { old = flag }
            return old
        }
    }

    /// Whether exceptions leave the evaluator alive (`catch_exception(true)`).
    var catchesExceptions: Bool { catchExceptions.withLock { $0 } }

    /// Evaluates `exprs` and waits for the outcome. With `printing`, a
    /// value is printed by the evaluator process itself, which then waits
    /// until it is the only runnable process before it answers
    /// (`.printed`): what the command set off (a server handling a cast)
    /// then runs on the evaluator's thread, and the shell is woken once,
    /// when all is done, instead of being queued beside that work (which
    /// makes the scheduler wake a second thread on every command).
    func evaluate(_ exprs: [Expr], tokens: [Token] = [], printing: Bool = false) async -> EvaluationOutcome {
        let process = evaluatorProcess()
        return await withTSanAwareCheckedContinuation { continuation in
            inFlight.withLock { $0 = (process.pid, { continuation.resume(returning: $0) }) }
            if !process.isAlive {
                answer(process, .killed(process.exitReason ?? .atom(.noproc)))
                return
            }
            process.sendControl(Request(exprs: exprs, tokens: tokens, printsAndSettles: printing))
        }
    }

    /// Stops the evaluation in progress (Ctrl-C): the evaluator is killed,
    /// the evaluation ends with `** exception exit: killed`, and the
    /// bindings stay. Does nothing between evaluations.
    func interrupt() {
        guard let pid = inFlight.withLock({ $0?.pid }) else { return }
        runtime.sendExitSignal(from: pid, to: pid, reason: .atom("kill"))
    }

    /// The reason the evaluator died of, if it died since the last
    /// evaluation without that being reported; a new evaluator is started
    /// for the next expression.
    func takeUnreportedExit() -> Term? {
        current.withLock { slot -> Term? in
            guard let p = slot, !p.isAlive else { return nil }
            slot = nil
            return p.exitReason ?? .atom(.normal)
        }
    }

    /// Whether `process` is the shell's evaluator (not a process it spawned).
    func isEvaluator(_ process: ErlangProcess) -> Bool {
        current.withLock { $0?.pid == process.pid }
    }

    /// The current evaluator's pid, starting one if needed.
    func evaluatorProcess() -> ErlangProcess {
        current.withLock { slot in
            if let p = slot, p.isAlive { return p }
            let p = runtime.spawn { process in   // no capture list: see `scripts/thunks`
                do {
                    try await self.serve(process)
                } catch {
                    let reason: Term
                    if let exit = error as? ProcessExit { reason = exit.reason }
                    else if let exception = error as? ErlangException { reason = Runtime.exitReason(of: exception) }
                    else { reason = .atom(.normal) }
                    self.answer(process, .killed(reason))
                    throw error
                }
            }
            slot = p
            return p
        }
    }

    /// Answers the evaluation in progress if `process` runs it.
    private func answer(_ process: ErlangProcess, _ outcome: EvaluationOutcome) {
        let reply = inFlight.withLock { r -> (@Sendable (EvaluationOutcome) -> Void)? in
            guard let pending = r, pending.pid == process.pid else { return nil }
            r = nil
            return pending.reply
        }
        reply?(outcome)
    }

    /// Forgets `process` as the evaluator: it is ending, its end reported.
    private func retire(_ process: ErlangProcess) {
        current.withLock { slot in if slot?.pid == process.pid { slot = nil } }
    }

    private func serve(_ process: ErlangProcess) async throws {
        let interpreter = Interpreter(module: Atom("erl_eval"), records: records, linking: runtime.modules,
                                      shadowsBIF: ShellCommands.shadowedBIFs.contains, localHandler: { name, _, args, process in
            try await ShellCommands.run(name, args, process, self)
        })
        while true {
            guard let request = try await process.nextControlRequest() as? Request else { continue }
            var env = bindings.withLock { $0 }
            do {
                var value = Term.ok
                for command in request.exprs {
                    if let v = try ShellCommands.runSpecial(command, &env, self) {
                        value = v
                        continue
                    }
                    let e = ShellCommands.mayCall(["f"], in: request.tokens)
                        ? ShellCommands.nestedCommandsPrepared(command) : command
                    // erl lints each top-level expression with the
                    // bindings the ones before it left.
                    let bound = env
                    try ShellLinter.check(e, tokens: request.tokens, records: records) { bound[$0] != nil }
                    do {
                        value = try await interpreter.eval(e, &env, process)
                    } catch let diagnostic as EvalDiagnostic {
                        throw Interpreter.shellDiagnostic(diagnostic, for: e, bound: env)
                    }
                }
                let bound = env
                bindings.withLock { $0 = bound }
                // The processes the command woke have their turn before the
                // value is printed, as they are ahead of the shell in erl's
                // run queue: `Pid ! hi.` shows what Pid prints, then `hi`.
                await process.letRunnableProcessesGoFirst()
                if request.printsAndSettles {
                    runtime.output.write(printer.print(value, column: 1, records: recordFields) + "\n")
                    let quiet = noteSettled(quiet: await runtime.activity.waitUntilQuiet(
                        limitMilliseconds: settleWaitMilliseconds, byProcess: true))
                    answer(process, .printed(value, quiet: quiet))
                } else {
                    answer(process, .value(value))
                }
            } catch let halt as HaltRequest {
                answer(process, .halt(halt.status))
                return
            } catch let diagnostic as EvalDiagnostic {
                answer(process, .diagnostic(diagnostic))
            } catch let exception as ErlangException {
                if catchesExceptions {
                    answer(process, .exception(exception))
                    continue
                }
                retire(process)
                // Ends as erl's evaluator does: its links get the exception
                // as an exit signal, then it exits `normal` (an exception
                // the shell reports is not "uncaught": no emulator
                // `Error in process` report).
                let reason = EvaluatorExit.signalLinks(of: process, exception)
                answer(process, .exception(exception))
                throw ProcessExit(reason: reason)
            } catch let exit as ProcessExit {
                retire(process)
                answer(process, .killed(exit.reason))
                throw exit
            }
        }
    }
}
