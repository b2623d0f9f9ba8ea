import ErlangTerms

/// Calling functions and funs from Swift, with Erlang's errors: `undef`,
/// `{badfun, F}` and `{badarity, {F, Args}}`. An exception a native
/// function raises without a stacktrace gets the frame `{M, F, Args, []}`,
/// from which the shell prints `in function  M:F/A` and `called as ...`.
extension ErlangProcess {
    /// Calls `module:function(args...)` (`erlang:apply/3`). A loaded
    /// module's function is found synchronously; only a module that is not
    /// loaded yet goes through the (async) loader, out of line.
    ///
    /// Interpreted and native functions are called from this one frame:
    /// a native call through a separate `applyNative` cost one more async
    /// frame (allocation, executor check) on every `gen_server:call`.
    ///
    /// `asProcessBody`: the call is the whole of the process's code
    /// (`spawn(M, F, Args)`), which lets an interpreted function idle
    /// without a task (`FunBody.callAsProcessBody`).
    @inline(never)
    public func apply(module: Atom, function: Atom, _ args: [Term], asProcessBody: Bool = false) async throws -> Term {
        try await tick()
        let key = FunctionKey(function, args.count)
        let loaded = runtime.modules.entry(module)
        guard let loaded, let exported = loaded.exported(key) else {
            return try await applyLoading(module: module, function: function, args)
        }
        loaded.noteCalled()
        return try await call(exported, module: module, function: function, args, asProcessBody: asProcessBody)
    }

    /// `apply(module:function:_:)` of a function the caller found itself
    /// (`CallSite`): the call, with `apply`'s errors and frames; the
    /// reduction it counts was taken by the caller's `apply`, or here.
    @inline(__always)
    private func call(_ exported: ExportedFunction, module: Atom, function: Atom, _ args: [Term],
                      asProcessBody: Bool = false) async throws -> Term {
        do {
            switch exported {
            case .code(let code):
                if asProcessBody { return try await code.callAsProcessBody(self, args) }
                return try await code.call(self, args)
            case .native(let function):
                if let body = function.syncBody { return try body(self, args) }
                return try await function.body(self, args)
            }
        } catch {
            throw Self.framed(error, module, function, args)
        }
    }

    /// `apply(module:function:_:)` through `site`, which keeps the
    /// function found until a module is loaded again.
    public func apply(module: Atom, function: Atom, _ args: [Term], via site: inout CallSite) async throws -> Term {
        guard let exported = site.resolve(module, FunctionKey(function, args.count), in: runtime.modules) else {
            return try await apply(module: module, function: function, args)
        }
        try await tick()
        return try await call(exported, module: module, function: function, args)
    }

    /// `apply(module:function:_:via:)` without suspending, when the
    /// function is code that can run at once (`FunBody.callAtOnce`) and
    /// the time slice has more than this reduction left: its value, or
    /// `nil` when nothing was done and the call must be made in full.
    /// A gen_server's loop tries its callbacks this way first.
    public func applyAtOnce(module: Atom, function: Atom, _ args: [Term], via site: inout CallSite) throws -> Term? {
        guard hasReductionToSpare,
              case .code(let code)? = site.resolve(module, FunctionKey(function, args.count), in: runtime.modules),
              code.mayRunAtOnce else {
            return nil
        }
        do {
            guard let value = try code.callAtOnce(self, args) else { return nil }
            countReduction()
            return value
        } catch {
            countReduction()
            throw Self.framed(error, module, function, args)
        }
    }

    /// Calls `body` as the call `module:function(args...)` that compiled
    /// code bound to it: an exception raised without a stacktrace gets
    /// that call's frame, as `apply` gives it.
    ///
    /// The call counts a reduction, as `apply` does. Code that cannot
    /// suspend cannot yield either, so a spent slice only checks for an
    /// exit signal here (`exit(P, kill)` stops a loop of BIF calls at
    /// once) and leaves the slice spent: the process yields at its next
    /// call that can suspend.
    @inline(__always)
    public func callBound(_ body: SyncErlangFunction, module: Atom, function: Atom, _ args: [Term]) throws -> Term {
        try callBoundSynchronously(module, function, args) { try body($0, $1) }
    }

    /// The first try of a function that usually answers at once, made
    /// with no suspension point: counted as a reduction as the synchronous
    /// `callBound` counts one (a spent slice only checks for an exit
    /// signal). `nil` when it has no answer at once; the caller then makes
    /// the call with the function's async body (`callBound(_:module:function:_:)`).
    /// Compiled code tries this first, so the usual `gen_server:cast` adds
    /// no async frame.
    @inline(__always)
    public func callBoundAtOnce(_ first: AtOnceErlangFunction, module: Atom, function: Atom,
                                _ args: [Term]) throws -> Term? {
        try callBoundSynchronously(module, function, args) { try first($0, $1) }
    }

    /// What both synchronous `callBound`s do: count the reduction, call
    /// `body`, and give what it raises the call's frame.
    @inline(__always)
    private func callBoundSynchronously<Result>(_ module: Atom, _ function: Atom, _ args: [Term],
                                                _ body: (ErlangProcess, [Term]) throws -> Result) throws -> Result {
        reductionsLeft -= 1
        if _slowPath(reductionsLeft <= 0) { try checkExitSignal() }
        do {
            return try body(self, args)
        } catch {
            throw Self.framed(error, module, function, args)
        }
    }

    /// `callBound` for a function that usually answers at once: its first
    /// try, then (when that answers `nil`) its async body.
    public func callBound(_ first: AtOnceErlangFunction, otherwise: ErlangFunction, module: Atom, function: Atom,
                          _ args: [Term]) async throws -> Term {
        try await tick()
        do {
            if let value = try await UnfinishedAtOnce.attempt(first, self, args) { return value }
            return try await otherwise(self, args)
        } catch {
            throw Self.framed(error, module, function, args)
        }
    }

    /// `callBound` for a function that may suspend.
    @inline(__always)
    public func callBound(_ body: ErlangFunction, module: Atom, function: Atom, _ args: [Term]) async throws -> Term {
        try await tick()
        do {
            return try await body(self, args)
        } catch {
            throw Self.framed(error, module, function, args)
        }
    }

    /// `apply` of a function whose module may need loading first; `undef`
    /// when there is no such function.
    @inline(never)
    private func applyLoading(module: Atom, function: Atom, _ args: [Term]) async throws -> Term {
        guard let body = await runtime.modules.function(module, FunctionKey(function, args.count)) else {
            throw ErlangException(.error, .atom(.undef), stacktrace: [Self.frame(module, function, .list(args))])
        }
        do {
            return try await body(self, args)
        } catch {
            throw Self.framed(error, module, function, args)
        }
    }

    /// `error`, given the frame of the call `module:function(args)` when it
    /// is an Erlang exception raised with no stacktrace. (The cast happens
    /// here, not in the caller's frame, which every call keeps.)
    @inline(never)
    private static func framed(_ error: any Error, _ module: Atom, _ function: Atom, _ args: [Term]) -> any Error {
        if let unfinished = error as? UnfinishedAtOnce {
            // What the rest raises is the call's, framed as the call's.
            return UnfinishedAtOnce {
                do {
                    return try await unfinished.finish()
                } catch {
                    throw framed(error, module, function, args)
                }
            }
        }
        guard var exception = error as? ErlangException, exception.stacktrace.isEmpty,
              !exception.stacktraceIsGiven else { return error }
        exception.stacktrace = [frame(module, function, .list(args))]
        return exception
    }

    /// Calls the fun `fun` with `args` (`erlang:apply/2`, `F(Args...)`).
    public func apply(_ fun: Term, _ args: [Term]) async throws -> Term {
        if let prepared = prepare(fun, arity: args.count) { return try await prepared.call(self, args) }
        if case .fun(let f) = fun, f.arity != args.count {
            throw ErlangException.error(.tuple([.atom(.badarity), .tuple([fun, .list(args)])]))
        }
        // Not a fun, or a fun with no code to run.
        throw ErlangException.error(.tuple([.atom(.badfun), fun]))
    }

    /// `fun` checked once, to be called with `arity` arguments many times
    /// (`lists:foreach/2` and friends): the same calls, results and errors
    /// as `apply(fun, args)` each time, without finding the fun's code on
    /// every call. `nil` when `fun` is not a callable fun of that arity
    /// (`apply` then raises the error).
    public func prepare(_ fun: Term, arity: Int) -> PreparedFun? {
        guard case .fun(let f) = fun, f.arity == arity else { return nil }
        switch f.kind {
        case .external(let module, let function): return PreparedFun(target: .external(module, function))
        case .local(_, _, _, let body):
            guard let callable = body as? FunBody else { return nil }
            return PreparedFun(target: .code(callable))
        }
    }

    /// A stack frame `{Module, Function, ArityOrArgs, []}`.
    public static func frame(_ module: Atom, _ function: Atom, _ arityOrArgs: Term) -> Term {
        .tuple([.atom(module), .atom(function), arityOrArgs, .nil])
    }
}

/// A fun whose body is Swift code: how native modules hand out closures.
public final class NativeFunBody: FunBody, @unchecked Sendable {
    // @unchecked: `body` is immutable and Sendable.
    private let body: ErlangFunction
    /// Wraps `body`.
    public init(_ body: @escaping ErlangFunction) { self.body = body }
    /// Runs the Swift body.
    public override func call(_ process: ErlangProcess, _ args: [Term]) async throws -> Term {
        try await body(process, args)
    }
}

/// A fun ready to be called (`ErlangProcess.prepare(_:arity:)`).
public struct PreparedFun: Sendable {
    @usableFromInline enum Target: Sendable {
        case code(FunBody)
        case external(Atom, Atom)
    }

    @usableFromInline let target: Target

    init(target: Target) { self.target = target }

    /// Calls the fun with `args` (as many as it takes), as `apply` would.
    /// Inlinable: a loop over a list (`lists:foreach/2`) calls it from its
    /// own frame, one async frame fewer per element.
    @inlinable
    public func call(_ process: ErlangProcess, _ args: [Term]) async throws -> Term {
        switch target {
        case .code(let body):
            try await process.tick()
            return try await body.call(process, args)
        case .external(let module, let function):
            return try await process.apply(module: module, function: function, args)
        }
    }

    /// The fun's code when it may run without suspending
    /// (`FunBody.mayRunAtOnce`): a loop calling the fun again and again
    /// tries `callAtOnce` on it first. Found once per loop.
    public var atOnceBody: FunBody? {
        guard case .code(let body) = target, body.mayRunAtOnce else { return nil }
        return body
    }
}
