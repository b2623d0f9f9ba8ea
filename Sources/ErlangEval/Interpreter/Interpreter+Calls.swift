import ErlangRuntime
import ErlangSyntax
import ErlangTerms
import Synchronization

/// Function calls and funs.
extension Interpreter {
    /// `fun f/A` inside a module: a local fun calling the module's own `f/A`.
    func localFunctionReference(_ name: Atom, arity: Int, _ process: ErlangProcess) -> Term {
        let body = LocalFunctionReference(interpreter: self, name: name.text, key: FunctionKey(name, arity))
        return .fun(Fun(kind: .local(module: module, index: FunNumbering.index(arity: arity), uniq: FunNumbering.uniq,
                                     body: body),
                        arity: arity, identity: process.runtime.makeFunIdentity()))
    }

    static let erlang = Atom("erlang")
    static let shellModule = Atom("erl_eval")
    static let shellDefault = Atom("shell_default")
    static let shellCommands = Atom("c")

    /// Whether this interpreter runs shell expressions (not a module's code).
    var isShell: Bool { module == Self.shellModule }

    /// A local call `name(Args...)`. In a module: its own functions and
    /// imports (the local handler), then auto-imported BIFs. In the shell,
    /// as `shell:local_func`: the shell's commands (the local handler),
    /// then BIFs, then `shell_default` (the `c` module's commands), else
    /// `undefined shell command`.
    /// `key` is `name/arity`, made once by the caller (never per call).
    func callLocal(_ name: String, _ key: FunctionKey, _ args: [Term], _ process: ErlangProcess) async throws -> Term {
        if let handler = localHandler, let result = try await handler(name, key, args, process) { return result }
        let modules = process.runtime.modules
        // Only the auto-imported BIFs: `send(P, M)` is not erlang:send/2.
        if AutoImports.keys.contains(key), modules.loaded(Self.erlang)?.exportedFunction(key) != nil {
            return try await process.apply(module: Self.erlang, function: key.name, args)
        }
        if isShell {
            if modules.loaded(Self.shellCommands)?.exportedFunction(key) != nil {
                return try await process.apply(module: Self.shellCommands, function: key.name, args)
            }
            throw Self.shellUndef(key.name, arity: args.count)
        }
        throw ErlangException(.error, .atom(.undef), stacktrace: [ErlangProcess.frame(module, key.name, .list(args))])
    }
}

extension Interpreter {
    /// erl's error for a local call in the shell that names no command or
    /// function: `{shell_undef, Name, Arity, []}` (not `undef`, so
    /// `catch error:undef` does not catch it), raised in `shell:shell_undef/2`
    /// under `erl_eval:local_func/8`, with OTP 25's line numbers.
    static func shellUndef(_ name: Atom, arity: Int) -> ErlangException {
        func frame(_ m: String, _ f: String, _ a: Int, _ file: String, _ line: Int) -> Term {
            .tuple([.atom(Atom(m)), .atom(Atom(f)), .int(a),
                    .list([.tuple([.atom(Atom("file")), .string(file)]), .tuple([.atom(Atom("line")), .int(line)])])])
        }
        return ErlangException(.error, .tuple([.atom(Atom("shell_undef")), .atom(name), .int(arity), .nil]),
                               stacktrace: [frame("shell", "shell_undef", 2, "shell.erl", 1079),
                                            frame("erl_eval", "local_func", 8, "erl_eval.erl", 649)])
    }
}

/// The numbers `fun f/A` inside a module prints with (`#Fun<M.N.U>`).
enum FunNumbering {
    static let uniq: UInt32 = 3316493
    static func index(arity: Int) -> Int {
        let table = [45, 43, 42, 41, 40, 39, 38, 37]
        return arity < table.count ? table[arity] : 36
    }
}

/// `fun f/1` inside a module: calls the module's `f/1` (or the BIF of that
/// name) as a local call from the module's code would.
final class LocalFunctionReference: FunBody, @unchecked Sendable {
    // @unchecked: immutable, and every stored value is Sendable.
    let interpreter: Interpreter
    let name: String
    /// `name/arity`, made once (a call never interns the name again).
    let key: FunctionKey

    init(interpreter: Interpreter, name: String, key: FunctionKey) {
        self.interpreter = interpreter
        self.name = name
        self.key = key
    }

    override func call(_ process: ErlangProcess, _ args: [Term]) async throws -> Term {
        try await interpreter.callLocal(name, key, args, process)
    }
}
