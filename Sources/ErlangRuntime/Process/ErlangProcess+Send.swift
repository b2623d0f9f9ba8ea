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
        if let target = try sendTarget(dest) { runtime.send(message, to: target) }
        return message
    }

    /// `send(_:to:)` from code that will wait for an answer next (`Dest !
    /// Msg` followed by a `receive`): when the receiver idles without a
    /// task, it runs here, on the sender's task, until it has handled the
    /// message (`runBorrowed(delivering:)`), so neither side suspends or
    /// wakes a task for the round trip. Otherwise exactly `send`.
    @discardableResult
    public func sendAwaitingAnswer(_ message: Term, to dest: Term) async throws -> Term {
        guard let target = try sendTarget(dest) else { return message }
        if target == pid {
            deliver(message)
        } else if let receiver = runtime.process(target), await !receiver.runBorrowed(delivering: message) {
            receiver.deliver(message)
        }
        // (No process: a message to a dead pid is dropped, as `send` does.)
        return message
    }

    /// `sendAwaitingAnswer` at once: when the receiver idles with nothing
    /// to do and its code can take the message at once
    /// (`FunBody.takeAtOnce`: an interpreted receive loop whose turn cannot
    /// suspend), the receiver's turn runs here, synchronously, as that
    /// process. `false`, having done nothing, when the send must be made
    /// in full (the receiver is busy, or its turn could suspend). A turn
    /// that raises ends the receiver with that exception, in full
    /// (`UnfinishedAtOnce`, whose value is the message).
    public func sendAtOnce(_ message: Term, to dest: Term) throws -> Bool {
        guard let target = try sendTarget(dest) else { return true }
        if target == pid {
            deliver(message)
            return true
        }
        // (No process: a message to a dead pid is dropped, as `send` does.)
        guard let receiver = runtime.process(target) else { return true }
        guard let claim = receiver.claimWhileIdle() else { return false }
        do {
            guard try claim.code.takeAtOnce(message, as: receiver) else {
                claim.giveBack()
                return false
            }
        } catch {
            let failing = FailingCode(error)
            throw UnfinishedAtOnce {
                await claim.runOn(from: failing)
                return message
            }
        }
        claim.giveBack()
        return true
    }

    /// The pid `dest` sends to; `nil` when the message is dropped
    /// (`{Name, Node}` with nothing registered). Throws `badarg` as `send`.
    private func sendTarget(_ dest: Term) throws -> Pid? {
        switch dest {
        case .pid(let target):
            return target
        case .atom(let name):
            guard let target = runtime.whereis(name) else { throw ErlangException.badarg }
            return target
        case .tuple(let e) where e.count == 2:
            guard case .atom(let name) = e[0], case .atom(let node) = e[1] else { throw ErlangException.badarg }
            return node == .nonode ? runtime.whereis(name) : nil
        case .int, .bigInt, .float, .tuple, .nil, .cons, .map, .binary, .ref, .fun:
            throw ErlangException.badarg
        }
    }
}

/// Code that raises what a process's turn raised, so that the process
/// ends with it as if the turn had run in full (`sendAtOnce`).
private final class FailingCode: FunBody, @unchecked Sendable {
    // @unchecked: immutable; the error is passed on, never mutated.
    let error: any Error

    init(_ error: any Error) {
        self.error = error
    }

    override func call(_ process: ErlangProcess, _ args: [Term]) async throws -> Term {
        throw error
    }
}
