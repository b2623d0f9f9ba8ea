import ErlangRuntime
import ErlangSyntax
import ErlangTerms

/// Evaluates Erlang expressions inside a process, as `erl_eval` does for
/// the shell: bindings in, value out, exceptions as `ErlangException`.
///
/// Split: this file is the entry points; `Interpreter+Compile*` compile
/// expressions; `Interpreter+Build` compiles binaries, maps and records;
/// `Interpreter+Match` matches patterns; `Interpreter+Guards` evaluates
/// guards (which never suspend); `CompiledFun` is a closure made by
/// `fun ... end`.
///
/// Expressions are compiled to closures (`Compiled`) before they run;
/// patterns and guards, which never suspend, are matched directly.
public struct Interpreter: Sendable {
    /// Handles a call to a local function that is not an auto-imported BIF
    /// (the shell's commands, or a module's own functions).
    public typealias LocalHandler = @Sendable (_ name: String, _ key: FunctionKey, _ args: [Term],
                                               _ process: ErlangProcess) async throws -> Term?

    /// The module funs are attributed to (`erl_eval` in the shell).
    public let module: Atom
    /// Record definitions in scope.
    public let records: RecordTable
    /// Local calls the interpreter cannot resolve itself.
    public let localHandler: LocalHandler?
    /// The module table whose sticky modules calls may be bound to when
    /// they compile (`ModuleTable.stickyFunction`); `nil`: every call
    /// looks its function up when it runs.
    public let linking: ModuleTable?
    /// The local names `localHandler` answers before the auto-imported
    /// BIFs (the shell's `halt/0,1`; a module's own functions and imports).
    public let shadowsBIF: @Sendable (FunctionKey) -> Bool
    /// The module's function `key` when a local call of it may be made
    /// synchronously (`LocalScope.syncCallee`); `nil` for shell code.
    var syncCallee: (@Sendable (FunctionKey) -> ModuleFunction?)?
    /// The module's own function `key`, if it defines one
    /// (`LocalScope.function`), for a local call to go to directly;
    /// `nil` for shell code.
    var localFunction: (@Sendable (FunctionKey) -> ModuleFunction?)?

    /// An interpreter for code of `module`.
    public init(module: Atom = Atom("erl_eval"), records: RecordTable = RecordTable(), linking: ModuleTable? = nil,
                shadowsBIF: @escaping @Sendable (FunctionKey) -> Bool = { _ in false },
                localHandler: LocalHandler? = nil) {
        self.module = module
        self.records = records
        self.linking = linking
        self.shadowsBIF = shadowsBIF
        self.localHandler = localHandler
    }

    /// Evaluates a body (a sequence of expressions); returns the last value.
    /// The body is compiled to closures first (`Interpreter+Compile`); code
    /// that runs many times (a fun's clauses) is compiled once, when the
    /// expression that makes it is compiled.
    public func evalBody(_ body: [Expr], _ env: inout Bindings, _ process: ErlangProcess) async throws -> Term {
        try await compileBody(body).run(&env, process)
    }

    /// Evaluates one expression, updating `env` with the variables it binds.
    public func eval(_ e: Expr, _ env: inout Bindings, _ process: ErlangProcess) async throws -> Term {
        try await compile(e).run(&env, process)
    }

    /// The frame that stands for the evaluator itself (erl's stacktraces
    /// always show `erl_eval:expr/6` below the code it evaluates).
    static let evaluatorFrame: Term = .tuple([.atom("erl_eval"), .atom("expr"), .int(6),
                                              .list([.tuple([.atom("file"), .string("erl_eval.erl")]),
                                                     .tuple([.atom("line"), .int(496)])])])

    /// The stacktrace an exception shows to `catch` and `try`: its own
    /// frames, or the evaluator's when it has none, so it is never empty.
    static func stacktrace(of exception: ErlangException) -> Term {
        .list(exception.stacktrace.isEmpty && !exception.stacktraceIsGiven ? [evaluatorFrame] : exception.stacktrace)
    }

    /// `Dest ! Msg`: sends as `erlang:send/2` does (a pid, a registered
    /// name, or `{Name, Node}`, which on this node sends to the registered
    /// name and drops the message when nothing is registered); a bad
    /// destination is `badarg` in the `!` operator's frame in the shell,
    /// and in `erlang:send/2`'s in a module, whose compiled code calls it.
    func send(_ dest: Term, _ message: Term, _ process: ErlangProcess) throws -> Term {
        do {
            return try process.send(message, to: dest)
        } catch let exception as ErlangException {
            guard isShell else {
                throw Arithmetic.operatorError(exception.reason, "send", [dest, message])
            }
            var framed = exception
            framed.stacktrace = [Interpreter.sendFrame(dest, message)]
            throw framed
        }
    }

    /// The frame of a failed `Dest ! Msg`.
    static func sendFrame(_ dest: Term, _ message: Term) -> Term {
        ErlangProcess.frame(Atom("erlang"), Atom("!"), .list([dest, message]))
    }
}
