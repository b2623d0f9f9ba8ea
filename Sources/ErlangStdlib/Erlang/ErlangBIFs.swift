import ErlangRuntime
import ErlangTerms

/// The `erlang` module's pure BIFs (process BIFs are in `ProcessBIFs`).
///
/// Errors are raised without a stacktrace unless erl shows a different
/// frame; `ErlangProcess.apply` adds the call's frame `{erlang, F, Args, []}`.
///
/// Split by concern: `+TypeTests` (`is_atom/1` ...), `+Numbers` (rounding,
/// integer text), `+Floats` (float text), `+Atoms`, `+Tuples`, `+Lists`,
/// `+Binaries` (binaries, iolists, the external term format), `+Operators`
/// (`'+'/2` ... as functions). This file assembles the table and holds the
/// control BIFs (`apply`, `throw`, `error`, `exit`) and `phash2`.
enum ErlangBIFs {
    /// The exported functions.
    static let functions: FunctionTable = ErtsErrors.withErrorInfo(
        control + typeTests + numbers + floats + atoms + tuples + lists + binaries + maps + operators + funs
        + checksums)

    /// A frame that stands for the caller, so that `apply` does not add
    /// the BIF's own frame for `error/1`, `exit/1` and `throw/1` (erl's
    /// stacktrace starts at the function that called them).
    static let callerFrame = CallerStandIn.frame()

    static let control: FunctionTable = [
        bif("apply", 2, { p, a in
            guard let args = a[1].listElements else { throw ErlangException.badarg }
            // A bad fun is reported in apply's own frame, as erl does.
            let own = ErlangProcess.frame(Atom("erlang"), Atom("apply"), .int(2))
            guard case .fun(let f) = a[0] else {
                throw ErlangException(.error, .tuple([.atom(.badfun), a[0]]), stacktrace: [own])
            }
            guard f.arity == args.count else {
                throw ErlangException(.error, .tuple([.atom(.badarity), .tuple([a[0], a[1]])]), stacktrace: [own])
            }
            return try await p.apply(a[0], args)
        }),
        bif("apply", 3, { p, a in
            guard case .atom(let m) = a[0], case .atom(let f) = a[1], let args = a[2].listElements else {
                throw ErlangException.badarg
            }
            return try await p.apply(module: m, function: f, args)
        }),
        bif("throw", 1, { _, a in throw ErlangException(.throw, a[0], stacktrace: [callerFrame]) }),
        bif("error", 1, { _, a in throw ErlangException(.error, a[0], stacktrace: [callerFrame]) }),
        bif("error", 2, { _, a in
            guard a[1].isList || a[1] == .atom("none") else { throw ErlangException.badarg }
            throw ErlangException(.error, a[0],
                                  stacktrace: [CallerStandIn.frame(a[1])])
        }),
        bif("error", 3, { _, a in
            guard a[1].isList || a[1] == .atom("none"), a[2].properListLength != nil else {
                throw ErlangException.badarg
            }
            throw ErlangException(.error, a[0],
                                  stacktrace: [CallerStandIn.frame(a[1], options: a[2])])
        }),
        bif("exit", 1, { _, a in throw ErlangException(.exit, a[0], stacktrace: [callerFrame]) }),
        bif("raise", 3, { _, a in
            // A bad class or stacktrace makes raise/3 return badarg, not raise it.
            guard case .atom(let c) = a[0], let kind = ErlangException.Class(rawValue: c.text),
                  let frames = a[2].listElements, frames.allSatisfy(isStackFrame) else { return .atom(.badarg) }
            var exception = ErlangException(kind, a[1], stacktrace: frames)
            exception.stacktraceIsGiven = true
            throw exception
        }),
        bif("min", 2, { _, a in Comparison.min(a[0], a[1]) }),
        bif("max", 2, { _, a in Comparison.max(a[0], a[1]) }),
        bif("phash2", 1, { _, a in .int(Int(TermHash.hash(a[0]) & ((1 << 27) - 1))) }),
        bif("phash2", 2, { _, a in
            guard case .int(let range) = a[1], range >= 1, range <= 1 << 32 else { throw ErlangException.badarg }
            return .int(Int(TermHash.hash(a[0]) % UInt64(range)))
        }),
    ]

    /// Whether `frame` is a stacktrace entry erlang:raise/3 accepts:
    /// `{M, F, ArityOrArgs}`, `{M, F, ArityOrArgs, Location}` or `{Fun, Args, Location}`.
    static func isStackFrame(_ frame: Term) -> Bool {
        guard case .tuple(let parts) = frame else { return false }
        let arityOrArgs: (Term) -> Bool = { if case .int(let n) = $0 { return n >= 0 }; return $0.properListLength != nil }
        switch parts.count {
        case 3:
            guard case .atom = parts[0], case .atom = parts[1] else { return false }
            return arityOrArgs(parts[2])
        case 4:
            guard case .atom = parts[0], case .atom = parts[1] else { return false }
            return arityOrArgs(parts[2]) && parts[3].properListLength != nil
        default:
            return false
        }
    }

    static let maps: FunctionTable = [
        bif("map_size", 1, { _, a in
            guard case .map(let m) = a[0] else { throw ErlangException.error(StdlibError.badmap(a[0])) }
            return .int(m.count)
        }),
        bif("map_get", 2, { _, a in
            guard case .map(let m) = a[1] else { throw ErlangException.error(StdlibError.badmap(a[1])) }
            guard let v = m[a[0]] else { throw ErlangException.error(StdlibError.badkey(a[0])) }
            return v
        }),
        bif("is_map_key", 2, { _, a in
            guard case .map(let m) = a[1] else { throw ErlangException.error(StdlibError.badmap(a[1])) }
            return .bool(m[a[0]] != nil)
        }),
    ]

    static let lists: FunctionTable = [
        bif("length", 1, { _, a in
            guard let n = a[0].properListLength else { throw ErlangException.badarg }
            return .int(n)
        }),
        bif("hd", 1, { _, a in
            guard case .cons(let c) = a[0] else { throw ErlangException.badarg }
            return c.head
        }),
        bif("tl", 1, { _, a in
            guard case .cons(let c) = a[0] else { throw ErlangException.badarg }
            return c.tail
        }),
    ]
}
