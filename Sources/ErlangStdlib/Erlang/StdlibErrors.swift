import ErlangRuntime
import ErlangTerms

/// The exceptions stdlib functions raise, with the stack frames erl shows.
///
/// A BIF error (`badarg` from `atom_to_list(1)`) is thrown without a
/// stacktrace: `ErlangProcess.apply` adds the call's frame `{M, F, Args, []}`,
/// from which the shell prints `in function ... called as ...`. An error
/// that erl raises inside a library function written in Erlang carries the
/// source location instead: `function_clause` frames list the arguments and
/// `{file, "lists.erl"}, {line, N}`, and the shell prints
/// `no function clause matching lists:seq(1,a) (lists.erl, line 271)`.
enum StdlibError {
    /// A frame `{Module, Function, ArityOrArgs, [{file, "Module.erl"}, {line, Line}]}`.
    static func sourceFrame(_ module: String, _ function: String, _ arityOrArgs: Term, line: Int) -> Term {
        .tuple([.atom(Atom(module)), .atom(Atom(function)), arityOrArgs,
                .list([.tuple([.atom("file"), .string(module + ".erl")]),
                       .tuple([.atom("line"), .int(line)])])])
    }

    /// `function_clause` for `module:function(args...)`, at `line` of `module.erl`.
    static func functionClause(_ module: String, _ function: String, _ args: [Term], line: Int) -> ErlangException {
        ErlangException(.error, .atom(.functionClause),
                        stacktrace: [sourceFrame(module, function, .list(args), line: line)])
    }

    /// An error `reason` raised in the body of `module:function/arity`, at `line`.
    static func raised(_ reason: Term, in module: String, _ function: String, arity: Int, line: Int) -> ErlangException {
        ErlangException(.error, reason, stacktrace: [sourceFrame(module, function, .int(arity), line: line)])
    }

    /// An error `reason` raised by the BIF `module:function(args...)`, with its frame.
    static func bif(_ reason: Term, _ module: String, _ function: String, _ args: [Term]) -> ErlangException {
        ErlangException(.error, reason, stacktrace: [ErlangProcess.frame(Atom(module), Atom(function), .list(args))])
    }

    /// `{badmap, Term}`.
    static func badmap(_ term: Term) -> Term { .tuple([.atom(.badmap), term]) }

    /// `{badkey, Key}`.
    static func badkey(_ key: Term) -> Term { .tuple([.atom(.badkey), key]) }
}

extension ErlangException {
    /// The exception with `frame` added below the frames it already has:
    /// how a library function written in Erlang appears as the caller
    /// (`in call from lists:map/2 (lists.erl, line 1315)`). An exception
    /// without frames is left alone, so that `apply` still adds the BIF's own.
    func calledFrom(_ frame: Term) -> ErlangException {
        guard !stacktrace.isEmpty else { return self }
        var copy = self
        copy.stacktrace.append(frame)
        return copy
    }
}

/// Runs `body`, adding `frame` as the caller of whatever it raises; used
/// around calls of user funs from library functions (`lists:map/2`).
func called<T>(from frame: @autoclosure () -> Term, _ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let exception as ErlangException {
        throw exception.calledFrom(frame())
    }
}

/// `called(from:_:)` for code that cannot suspend.
func calledSync<T>(from frame: @autoclosure () -> Term, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let exception as ErlangException {
        throw exception.calledFrom(frame())
    }
}
