import ErlangTerms

/// Sending a message to any destination Erlang allows: what `Dest ! Msg`
/// and `erlang:send/2` do. It lives here, not in the stdlib, so that the
/// evaluator (which cannot import the stdlib) compiles `!` to the same code.
extension ErlangProcess {
    /// Sends `message` to `dest` and returns `message` (`Dest ! Msg`).
    /// `dest` is a pid, a registered name, or `{Name, Node}`. Throws
    /// `badarg`, without a stacktrace (the caller adds its frame:
    /// `{erlang, send, ...}` or `{erlang, '!', ...}`), for a name that is not
    /// registered or a destination of another type. A message to a dead
    /// pid, or to `{Name, Node}` where nothing is registered, is dropped.
    @discardableResult
    public func send(_ message: Term, to dest: Term) throws -> Term {
        switch dest {
        case .pid(let target):
            runtime.send(message, to: target)
        case .atom(let name):
            guard let target = runtime.whereis(name) else { throw ErlangException.badarg }
            runtime.send(message, to: target)
        case .tuple(let e) where e.count == 2:
            guard case .atom(let name) = e[0], case .atom(let node) = e[1] else { throw ErlangException.badarg }
            if node == .nonode, let target = runtime.whereis(name) { runtime.send(message, to: target) }
        case .int, .bigInt, .float, .tuple, .nil, .cons, .map, .binary, .ref, .fun:
            throw ErlangException.badarg
        }
        return message
    }
}
