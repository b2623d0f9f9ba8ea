import ErlangTerms

/// Names one function of a module: `Name/Arity`.
public struct FunctionKey: Hashable, Sendable, CustomStringConvertible {
    /// The function's name.
    public let name: Atom
    /// The number of arguments.
    public let arity: Int
    /// `name/arity`.
    public init(_ name: Atom, _ arity: Int) {
        self.name = name
        self.arity = arity
    }
    /// `name/arity`, as erl writes it.
    public var description: String { "\(name.text)/\(arity)" }
    /// The key in one word: the name's atom index and the arity.
    public var word: UInt64 { UInt64(name.index) << 16 | UInt64(truncatingIfNeeded: arity) & 0xFFFF }
    /// One word to hash.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(word)
    }
}

/// The calling convention of every Erlang function Swerl can run, native or
/// interpreted: it runs inside `process` and returns a term or throws an
/// `ErlangException`.
public typealias ErlangFunction = @Sendable (_ process: ErlangProcess, _ args: [Term]) async throws -> Term

/// An Erlang function that never suspends (most BIFs): callable from
/// code that cannot suspend either, with no async frame.
public typealias SyncErlangFunction = @Sendable (_ process: ErlangProcess, _ args: [Term]) throws -> Term

/// The first try of a function that usually returns at once but may need
/// to suspend (`gen_server:cast/2` to a `{via, M, N}` name): its value, or
/// `nil` when the function's async body must run instead. It must not
/// have done anything when it answers `nil`.
public typealias AtOnceErlangFunction = @Sendable (_ process: ErlangProcess, _ args: [Term]) throws -> Term?

/// Thrown by a first try (`AtOnceErlangFunction`) that has started work
/// it cannot end without suspending: a `gen_server:call` whose server
/// answered at once with anything but a plain reply, so that the server
/// must go on (stop, crash, hibernate) before the caller has its answer.
/// The try has done part of the call, so the call must not start over:
/// whoever catches this awaits `finish` instead, which does the rest and
/// answers as the whole call would have.
public struct UnfinishedAtOnce: Error, Sendable {
    /// Does the rest of the call: its value, or what it raises.
    public let finish: @Sendable () async throws -> Term

    /// The rest of a call, to be awaited by whoever catches this.
    public init(finish: @escaping @Sendable () async throws -> Term) {
        self.finish = finish
    }

    /// `first(process, args)`, with what it left unfinished awaited here.
    @inline(__always)
    public static func attempt(_ first: AtOnceErlangFunction, _ process: ErlangProcess,
                               _ args: [Term]) async throws -> Term? {
        do {
            return try first(process, args)
        } catch let unfinished as UnfinishedAtOnce {
            return try await unfinished.finish()
        }
    }
}

/// An exported function as a lookup finds it: a native function (which
/// knows whether it can be called without suspending) or an interpreted
/// function's own object. Both are references, so passing one on costs
/// one retain.
public enum ExportedFunction: Sendable {
    /// A function written in Swift.
    case native(NativeFunction)
    /// An interpreted function, called as the object it is.
    case code(FunBody)
}

/// A loaded module, native (written in Swift) or interpreted (loaded from a
/// `.erl` file). Mirrors a module in BEAM's code server: OTP and the stdlib
/// call every module through this protocol, so they never need to know
/// which kind it is.
public protocol ErlangModule: Sendable {
    /// The module's name.
    var name: Atom { get }
    /// The exported function `key`, or `nil` when it is not exported.
    func exportedFunction(_ key: FunctionKey) -> ErlangFunction?
    /// The exported functions, in the module's order.
    var exports: [FunctionKey] { get }
    /// The exported function `key` as an object to call, when the module
    /// has one (interpreted modules do): calling it directly saves the
    /// closure frames `exportedFunction`'s wrapper adds to every call.
    /// `nil` by default; `exportedFunction` must give the same function.
    func exportedCode(_ key: FunctionKey) -> FunBody?
    /// Whether the function `key` may wait (receive, sleep, call another
    /// process) or run code the module cannot vouch for; `false` only when
    /// it is known to return at once. A process may run another's
    /// callbacks on its own task only when they cannot wait
    /// (`ErlangProcess.runBorrowed`). `true` by default.
    func mayWait(_ key: FunctionKey) -> Bool
    /// The exported function `key` in the cheapest form the module has
    /// (one lookup for every kind). By default `exportedCode`, then
    /// `exportedFunction`.
    func exported(_ key: FunctionKey) -> ExportedFunction?
}

extension ErlangModule {
    /// No callable objects: calls go through `exportedFunction`.
    public func exportedCode(_ key: FunctionKey) -> FunBody? { nil }

    /// Unknown, so it may.
    public func mayWait(_ key: FunctionKey) -> Bool { true }

    /// `exportedCode`, then `exportedFunction`.
    public func exported(_ key: FunctionKey) -> ExportedFunction? {
        if let code = exportedCode(key) { return .code(code) }
        return exportedFunction(key).map { .native(NativeFunction(definition: key, $0)) }
    }
}

/// One exported function of a native module: `name/arity` and its body.
///
/// A class, so that a lookup hands out one reference (its closures are
/// fields: a closure stored as a field keeps its own calling convention,
/// while one stored directly in a generic container is wrapped in a
/// reabstraction thunk, an extra async frame on every call).
public final class NativeFunction: Sendable {
    /// The function's name.
    public let name: String
    /// The number of arguments.
    public let arity: Int
    /// The body, as an async function whatever its kind.
    public let body: ErlangFunction
    /// The body when it never suspends: compiled code calls it directly.
    public let syncBody: SyncErlangFunction?
    /// For a function that usually answers at once: its first try, and
    /// the async body to run when that answers `nil`.
    public let atOnce: (first: AtOnceErlangFunction, otherwise: ErlangFunction)?

    /// The function `name/arity` running `body`, which may suspend.
    @_disfavoredOverload
    public init(_ name: String, _ arity: Int, _ body: @escaping ErlangFunction) {
        self.name = name
        self.arity = arity
        self.body = body
        syncBody = nil
        atOnce = nil
    }

    /// The function `name/arity` running `body`, which never suspends.
    public init(_ name: String, _ arity: Int, _ body: @escaping SyncErlangFunction) {
        self.name = name
        self.arity = arity
        self.body = { process, args in try body(process, args) }
        syncBody = body
        atOnce = nil
    }

    /// The function `name/arity` that tries `first` and runs `otherwise`
    /// when that answers `nil`.
    public init(_ name: String, _ arity: Int, atOnce first: @escaping AtOnceErlangFunction,
                otherwise: @escaping ErlangFunction) {
        self.name = name
        self.arity = arity
        body = { process, args in
            if let value = try await UnfinishedAtOnce.attempt(first, process, args) { return value }
            return try await otherwise(process, args)
        }
        syncBody = nil
        atOnce = (first, otherwise)
    }

    /// The function `key` running `body`, which may suspend.
    public convenience init(definition key: FunctionKey, _ body: @escaping ErlangFunction) {
        self.init(key.name.text, key.arity, body)
    }
}

/// A module written in Swift: a table of exported functions.
public struct NativeModule: ErlangModule {
    /// The module's name.
    public let name: Atom
    /// The exported functions in definition order.
    public let exports: [FunctionKey]
    /// The functions as given, in order.
    public let nativeFunctions: [NativeFunction]
    private let functions: ExportTable

    /// A native module named `name` exporting `functions`.
    public init(_ name: String, functions: [NativeFunction]) {
        self.name = Atom(name)
        var seen = Set<FunctionKey>()
        var order: [FunctionKey] = []
        var entries: [(key: FunctionKey, function: NativeFunction)] = []
        for function in functions {
            let key = FunctionKey(Atom(function.name), function.arity)
            if seen.insert(key).inserted { order.append(key) }
            entries.append((key, function))
        }
        self.functions = ExportTable(entries)
        self.exports = order
        nativeFunctions = functions
    }

    /// The exported function `key`, if any.
    public func exportedFunction(_ key: FunctionKey) -> ErlangFunction? { functions[key]?.body }

    /// The exported function `key`.
    public func exported(_ key: FunctionKey) -> ExportedFunction? { functions[key].map(ExportedFunction.native) }
}

/// The code of a closure (`fun`), as stored in `Fun.Kind.local`'s body.
/// The evaluator and native code both make funs whose body is a subclass
/// that overrides `call`.
open class FunBody: FunCode, @unchecked Sendable {
    // @unchecked: no state here; subclasses hold immutable values.

    /// A body for a subclass to give code to.
    public override init() {}

    /// Calls the closure with `args` (already checked against its arity).
    /// A body that gives no code is not a fun: `{badfun, F}`, as for any
    /// term that cannot be called.
    open func call(_ process: ErlangProcess, _ args: [Term]) async throws -> Term {
        throw ErlangException.error(.tuple([.atom(.badfun), .atom(.undefined)]))
    }

    /// Whether `callAtOnce` may answer (some of the code cannot
    /// suspend); `false` unless a subclass knows how.
    open var mayRunAtOnce: Bool { false }

    /// Calls the closure without suspending, when its code can: its
    /// value, or `nil` when `call` must run instead (having done nothing:
    /// a caller that gets `nil` calls `call` with the same arguments).
    /// A shell fun whose one call or whose steps began at once but must
    /// end in full throws `UnfinishedAtOnce`, which the caller awaits.
    /// Loops over a list (`lists:foreach/2`) and a gen_server's loop try
    /// this first, which saves the async frames of a call. The caller
    /// counts the reduction (`ErlangProcess.hasReductionToSpare`).
    open func callAtOnce(_ process: ErlangProcess, _ args: [Term]) throws -> Term? {
        nil
    }

    /// For the code an idle process resumes with (`IdleClaim.code`): takes
    /// `message` as the process would when woken for it, and runs at once
    /// to where the process waits for the next message again, leaving
    /// itself, updated, as the code it resumes with. `false`, having done
    /// nothing, when it cannot (the default): the message is then sent as
    /// usual. What it throws once it has begun ends the process
    /// (`ErlangProcess.sendAtOnce`).
    open func takeAtOnce(_ message: Term, as process: ErlangProcess) throws -> Bool {
        false
    }

    /// Calls the closure as the whole of a process's code: nothing of the
    /// process runs after it returns, so code that can keep its state in
    /// objects may give the process's task up while it idles
    /// (`ErlangProcess.waitWithoutTask(resumingWith:)`). `call` unless a
    /// subclass knows how.
    open func callAsProcessBody(_ process: ErlangProcess, _ args: [Term]) async throws -> Term {
        try await call(process, args)
    }
}
