import ErlangRuntime
import ErlangTerms

/// What a server does after a callback: wait for the next message (for
/// ever or at most T ms, after which `handle_info(timeout, S)` runs),
/// hibernate, or run `handle_continue/2` first. Mirrors the optional last
/// element of `{ok, S, _}`, `{reply, R, S, _}` and `{noreply, S, _}`.
enum LoopNext: Sendable {
    /// Wait for a message.
    case wait(ErlangProcess.ReceiveTimeout)
    /// Run `handle_continue(Continue, State)` before waiting.
    case continueWith(Term)
    /// Wait for ever, without holding a task meanwhile (`hibernate`: BEAM
    /// discards the process's stack; here the process gives up its task).
    case hibernate
    /// Wait for ever without holding a task, as Swerl's own economy (a
    /// server idling after `init/1`): to Erlang it is a plain wait in the
    /// loop, not a hibernation.
    case idle

    /// The optional last element of a callback result `elements`, at
    /// `index`: wait for ever when the result stops before it; `nil` when
    /// it is not a valid next step.
    init?(ending elements: [Term], at index: Int) {
        guard index < elements.count else {
            self = .wait(.infinity)
            return
        }
        self.init(elements[index])
    }

    /// Parses `Timeout | hibernate | {continue, C}`; `nil` when it is none
    /// of those (the callback result is then a bad return value).
    init?(_ term: Term) {
        switch term {
        case .int(let ms) where ms >= 0: self = .wait(.milliseconds(Int64(ms)))
        case .atom(let a) where a == .infinity: self = .wait(.infinity)
        case .atom(let a) where a == OTPAtom.hibernate: self = .hibernate
        case .tuple(let e) where e.count == 2 && e[0] == .atom(OTPAtom.continue): self = .continueWith(e[1])
        case .int, .bigInt, .float, .atom, .tuple, .nil, .cons, .map, .binary, .pid, .ref, .fun:
            return nil
        }
    }
}
