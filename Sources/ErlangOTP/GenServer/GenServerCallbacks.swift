import ErlangRuntime
import ErlangTerms

/// A gen_server callback module written in Swift. Mirrors the
/// `gen_server` behaviour: conform a type, then `install(in:)` it, and
/// Erlang code (or Swift code through `GenServer`) starts it with
/// `gen_server:start_link({local, Name}, ModuleName, Args, [])` like any
/// `.erl` callback module: the generic loop calls it through the
/// runtime's module table.
///
/// ```swift
/// struct Counter: GenServerCallbacks {
///     static let moduleName = "counter"
///     func initialize(_ args: Term, process: ErlangProcess) async throws -> GenServerInit {
///         .ok(args)
///     }
///     func handleCall(_ request: Term, from: Term, state: Term,
///                     process: ErlangProcess) async throws -> GenServerCallResult {
///         .reply(state, state)
///     }
///     func handleCast(_ message: Term, state: Term, process: ErlangProcess) async throws -> GenServerResult {
///         guard case .int(let n) = state else { return .stop(.atom("bad_state"), state) }
///         return .noreply(.int(n + 1))
///     }
/// }
/// Counter().install(in: runtime)
/// ```
///
/// A callback that throws an `ErlangException` crashes the server exactly
/// as an Erlang callback would (terminate, error report, crash report);
/// a thrown `throw`-class exception's value counts as the result.
public protocol GenServerCallbacks: Sendable {
    /// The module name Erlang code uses for this callback module.
    static var moduleName: String { get }
    /// `init/1`.
    func initialize(_ args: Term, process: ErlangProcess) async throws -> GenServerInit
    /// `handle_call/3`; `from` is the client, for `GenServer.reply(to:_:from:)`.
    func handleCall(_ request: Term, from: Term, state: Term, process: ErlangProcess) async throws -> GenServerCallResult
    /// `handle_cast/2`.
    func handleCast(_ message: Term, state: Term, process: ErlangProcess) async throws -> GenServerResult
    /// `handle_info/2` (default: keep the state).
    func handleInfo(_ message: Term, state: Term, process: ErlangProcess) async throws -> GenServerResult
    /// `handle_continue/2` (default: keep the state).
    func handleContinue(_ argument: Term, state: Term, process: ErlangProcess) async throws -> GenServerResult
    /// `terminate/2` (default: nothing).
    func terminate(reason: Term, state: Term, process: ErlangProcess) async throws
    /// `code_change/3`: the new state (default: the state unchanged).
    func codeChange(oldVersion: Term, state: Term, extra: Term, process: ErlangProcess) async throws -> Term
}

extension GenServerCallbacks {
    /// Keeps the state.
    public func handleInfo(_ message: Term, state: Term, process: ErlangProcess) async throws -> GenServerResult {
        .noreply(state)
    }
    /// Keeps the state.
    public func handleContinue(_ argument: Term, state: Term, process: ErlangProcess) async throws -> GenServerResult {
        .noreply(state)
    }
    /// Does nothing.
    public func terminate(reason: Term, state: Term, process: ErlangProcess) async throws {}
    /// Keeps the state.
    public func codeChange(oldVersion: Term, state: Term, extra: Term, process: ErlangProcess) async throws -> Term {
        state
    }

    /// The callback module as the runtime sees it: `init/1`,
    /// `handle_call/3`, `handle_cast/2`, `handle_info/2`,
    /// `handle_continue/2`, `terminate/2`, `code_change/3`.
    public var module: NativeModule {
        let callbacks = self
        return NativeModule(Self.moduleName, functions: [
            NativeFunction("init", 1, { p, a in try await callbacks.initialize(a[0], process: p).term }),
            NativeFunction("handle_call", 3, { p, a in try await callbacks.handleCall(a[0], from: a[1], state: a[2], process: p).term }),
            NativeFunction("handle_cast", 2, { p, a in try await callbacks.handleCast(a[0], state: a[1], process: p).term }),
            NativeFunction("handle_info", 2, { p, a in try await callbacks.handleInfo(a[0], state: a[1], process: p).term }),
            NativeFunction("handle_continue", 2, { p, a in try await callbacks.handleContinue(a[0], state: a[1], process: p).term }),
            NativeFunction("terminate", 2, { p, a in
                try await callbacks.terminate(reason: a[0], state: a[1], process: p)
                return .ok
            }),
            NativeFunction("code_change", 3, { p, a in
                .tuple([.ok, try await callbacks.codeChange(oldVersion: a[0], state: a[1], extra: a[2], process: p)])
            }),
        ])
    }

    /// Loads the module into `runtime`'s module table (replacing any
    /// module of the same name, as loading new code does); `false` when
    /// that name is a sticky stdlib module's, which is kept.
    @discardableResult
    public func install(in runtime: Runtime) -> Bool { runtime.modules.load(module) }
}

/// What a server does after a callback: the optional last element of a
/// callback result (`Timeout | hibernate | {continue, C}`).
public enum GenServerNext: Sendable, Equatable {
    /// Wait for the next message for ever.
    case none
    /// Wait at most this many milliseconds, then `handle_info(timeout, S)`.
    case timeout(Int)
    /// Hibernate while waiting.
    case hibernate
    /// Call `handle_continue(C, S)` first.
    case continueWith(Term)

    /// Appends the element to a result tuple's elements.
    func appended(to elements: [Term]) -> Term {
        switch self {
        case .none: return .tuple(elements)
        case .timeout(let ms): return .tuple(elements + [.int(ms)])
        case .hibernate: return .tuple(elements + [.atom(OTPAtom.hibernate)])
        case .continueWith(let c): return .tuple(elements + [.tuple([.atom(OTPAtom.continue), c])])
        }
    }
}

/// What `init/1` returns.
public enum GenServerInit: Sendable {
    /// `{ok, State}` or `{ok, State, Next}`.
    case ok(Term, GenServerNext = .none)
    /// `ignore`: the start returns `ignore`, the process ends normally.
    case ignore
    /// `{stop, Reason}`: the start returns `{error, Reason}`.
    case stop(Term)
    /// `{error, Reason}`. OTP 25's gen_server has no clause for it: a bad
    /// return value, so the start returns `{error, {bad_return_value,
    /// {error, Reason}}}` and the server's crash report is written (OTP 26
    /// returns `{error, Reason}` quietly).
    case error(Term)

    /// The Erlang result term.
    public var term: Term {
        switch self {
        case .ok(let state, let next): return next.appended(to: [.ok, state])
        case .ignore: return .atom(OTPAtom.ignore)
        case .stop(let reason): return .tuple([.atom(OTPAtom.stop), reason])
        case .error(let reason): return .tuple([.atom(.error), reason])
        }
    }
}

/// What `handle_cast/2`, `handle_info/2` and `handle_continue/2` return.
public enum GenServerResult: Sendable {
    /// `{noreply, State}` or `{noreply, State, Next}`.
    case noreply(Term, GenServerNext = .none)
    /// `{stop, Reason, State}`.
    case stop(Term, Term)

    /// The Erlang result term.
    public var term: Term {
        switch self {
        case .noreply(let state, let next): return next.appended(to: [.atom(OTPAtom.noreply), state])
        case .stop(let reason, let state): return .tuple([.atom(OTPAtom.stop), reason, state])
        }
    }
}

/// What `handle_call/3` returns.
public enum GenServerCallResult: Sendable {
    /// `{reply, Reply, State}` or `{reply, Reply, State, Next}`.
    case reply(Term, Term, GenServerNext = .none)
    /// `{noreply, State}` or `{noreply, State, Next}`: reply later with `GenServer.reply`.
    case noreply(Term, GenServerNext = .none)
    /// `{stop, Reason, Reply, State}`: terminate, then reply.
    case stopWithReply(Term, Term, Term)
    /// `{stop, Reason, State}`: terminate without replying.
    case stop(Term, Term)

    /// The Erlang result term.
    public var term: Term {
        switch self {
        case .reply(let reply, let state, let next): return next.appended(to: [.atom(OTPAtom.reply), reply, state])
        case .noreply(let state, let next): return next.appended(to: [.atom(OTPAtom.noreply), state])
        case .stopWithReply(let reason, let reply, let state): return .tuple([.atom(OTPAtom.stop), reason, reply, state])
        case .stop(let reason, let state): return .tuple([.atom(OTPAtom.stop), reason, state])
        }
    }
}
