import ErlangRuntime
import ErlangSyntax
import ErlangTerms

/// `Dest ! Msg` directly followed by a `receive`: Erlang's request and
/// answer, written out. The sender is about to wait, so an idle receiver
/// may handle the message on the sender's task at once
/// (`ErlangProcess.sendAwaitingAnswer`) instead of being woken in a task
/// of its own while the sender suspends: a `!`/`receive` round trip with
/// an interpreted receive loop then makes no task switch at all, as
/// `gen_server:call` to an idle server already did.
extension Interpreter {
    /// Compiles `body[index]` as an expression of a body: a send that the
    /// next expression waits for an answer to sends awaiting it.
    func compile(_ body: [Expr], at index: Int) throws -> Compiled {
        guard let (destination, content) = try sendAwaitingAnswerParts(body, at: index) else { return try compile(body[index]) }
        return Interpreter.sendAwaitingAnswer(destination, content)
    }

    /// Compiles `body[index]` as a step of a clause's body, which its
    /// runner makes from its own frame. A send awaiting an answer whose
    /// sides cannot suspend, and a `receive` without `after`, are steps of
    /// their own: run through a closure, each cost two async frames more.
    func compileStep(_ body: [Expr], at index: Int) throws -> BodyStep {
        if case .receive(let clauses, nil) = body[index] { return .receive(try receiveClauses(clauses, nil)) }
        guard let (destination, content) = try sendAwaitingAnswerParts(body, at: index) else {
            return .code(try compile(body[index]).step)
        }
        if let destinationCode = destination.syncCode, let contentCode = content.syncCode {
            guard case .binaryOp(_, let l, let r, _) = body[index] else { return .code(try compile(body[index]).step) }
            return .sendAwaitingAnswer(destinationCode, contentCode,
                                       effectFree: Interpreter.hasNoEffect(l) && Interpreter.hasNoEffect(r))
        }
        return .code(Interpreter.sendAwaitingAnswer(destination, content).step)
    }

    /// The two sides of `body[index]` when it is `Dest ! Msg` directly
    /// followed by a `receive`; `nil` otherwise.
    private func sendAwaitingAnswerParts(_ body: [Expr], at index: Int) throws -> (Compiled, Compiled)? {
        guard case .binaryOp("!", let l, let r, _) = body[index], index + 1 < body.count,
              case .receive = body[index + 1] else { return nil }
        return (try compile(l), try compile(r))
    }

    /// `Dest ! Msg` sending awaiting the answer, compiled from its sides.
    private static func sendAwaitingAnswer(_ destination: Compiled, _ content: Compiled) -> Compiled {
        guard let destinationCode = destination.syncCode, let contentCode = content.syncCode else {
            return .pairThen(destination, content) { dest, message, process in
                try await Interpreter.sendAwaitingAnswer(dest, message, process)
            }
        }
        // The usual case: both sides cannot suspend, and the send runs in
        // this closure's own frame.
        return .async { env, process in
            try await Interpreter.sendAwaitingAnswer(destinationCode, contentCode, &env, process)
        }
    }

    /// Evaluates both sides (which cannot suspend), then sends awaiting the answer.
    @inline(__always)
    static func sendAwaitingAnswer(_ destination: SyncCode, _ content: SyncCode, _ env: inout Bindings,
                                   _ process: ErlangProcess) async throws -> Term {
        let dest = try destination(&env, process)
        return try await sendAwaitingAnswer(dest, try content(&env, process), process)
    }

    /// `Dest ! Msg` as `send` does it, letting an idle receiver run here.
    @inline(__always)
    static func sendAwaitingAnswer(_ dest: Term, _ message: Term, _ process: ErlangProcess) async throws -> Term {
        do {
            return try await process.sendAwaitingAnswer(message, to: dest)
        } catch {
            throw sendFailure(error, dest, message)
        }
    }

    /// `Dest ! Msg` tried at once (`ErlangProcess.sendAtOnce`): whether it
    /// was sent; `false`, having done nothing, when it must be made in full.
    static func sendAtOnce(_ dest: Term, _ message: Term, _ process: ErlangProcess) throws -> Bool {
        do {
            return try process.sendAtOnce(message, to: dest)
        } catch {
            throw sendFailure(error, dest, message)
        }
    }

    /// A failed send's error, in the `!` operator's frame.
    @inline(never)
    private static func sendFailure(_ error: any Error, _ dest: Term, _ message: Term) -> any Error {
        guard var exception = error as? ErlangException else { return error }
        exception.stacktrace = [sendFrame(dest, message)]
        return exception
    }
}
