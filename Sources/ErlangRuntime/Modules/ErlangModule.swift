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
}

extension ErlangModule {
    /// No callable objects: calls go through `exportedFunction`.
    public func exportedCode(_ key: FunctionKey) -> FunBody? { nil }

    /// Unknown, so it may.
    public func mayWait(_ key: FunctionKey) -> Bool { true }
}

/// One exported function of a native module: `name/arity` and its body.
///
/// A struct on purpose: a closure stored as a struct's field keeps its own
/// calling convention, while one stored directly in a generic container (a
/// tuple in an array, a dictionary value) is wrapped in a reabstraction
/// thunk, an extra async frame on every call.
public struct NativeFunction: Sendable {
    /// The function's name.
    public let name: String
    /// The number of arguments.
    public let arity: Int
    /// The body.
    public let body: ErlangFunction

    /// The function `name/arity` running `body`.
    public init(_ name: String, _ arity: Int, _ body: @escaping ErlangFunction) {
        self.name = name
        self.arity = arity
        self.body = body
    }

    /// The function `key` running `body`.
    public init(definition key: FunctionKey, _ body: @escaping ErlangFunction) {
        self.init(key.name.text, key.arity, body)
    }
}

/// A module written in Swift: a table of exported functions.
public struct NativeModule: ErlangModule {
    /// The module's name.
    public let name: Atom
    /// The exported functions in definition order.
    public let exports: [FunctionKey]
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
    }

    /// The exported function `key`, if any.
    public func exportedFunction(_ key: FunctionKey) -> ErlangFunction? { functions[key]?.body }
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
}
