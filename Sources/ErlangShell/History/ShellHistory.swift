import DequeModule
import ErlangSyntax
import ErlangTerms

/// The shell's numbered history: each evaluated command's expressions and,
/// for the most recent ones, its result. `h()` lists it, `v(N)` answers a
/// result, `e(N)` evaluates a command again. erl keeps the last 20 commands
/// and 20 results by default (`history/1` and `results/1` change that).
/// Mirrors the history part of OTP's `shell`.
///
/// The entries are a deque: recording a command drops the oldest in O(1)
/// (an array shifted every kept entry down on every command a script ran).
final class ShellHistory: Sendable {
    /// One evaluated command.
    struct Entry: Sendable {
        /// The prompt number it was read at.
        let number: Int
        /// Its expressions, with `v(-N)`/`e(-N)` made absolute.
        let exprs: [Expr]
        /// What it gave (`{'EXIT', Reason}` when it failed).
        let result: Term
    }

    private struct State {
        var entries: Deque<Entry> = []
        var keptCommands = 20
        var keptResults = 20
    }

    private let state = Lock(State())

    /// Records command `number`.
    func add(_ entry: Entry) {
        state.withLock { s in
            s.entries.append(entry)
            trim(&s)
        }
    }

    /// The command read at prompt `number`, if still kept.
    func entry(_ number: Int) -> Entry? {
        state.withLock { s in s.entries.last(where: { $0.number == number }) }
    }

    /// The result of command `number`, if still kept.
    func result(_ number: Int) -> Term? {
        state.withLock { s in
            let recent = s.entries.suffix(s.keptResults)
            return recent.last(where: { $0.number == number })?.result
        }
    }

    /// The kept commands, oldest first, each with its result if that is kept too.
    func listing() -> [(Entry, Bool)] {
        state.withLock { s in
            let firstWithResult = s.entries.count - min(s.keptResults, s.entries.count)
            return s.entries.enumerated().map { ($1, $0 >= firstWithResult) }
        }
    }

    /// Sets how many commands are kept; answers the previous setting (`history/1`).
    func setKeptCommands(_ n: Int) -> Int {
        state.withLock { s in
            let old = s.keptCommands
            s.keptCommands = max(0, n)
            trim(&s)
            return old
        }
    }

    /// Sets how many results are kept; answers the previous setting (`results/1`).
    func setKeptResults(_ n: Int) -> Int {
        state.withLock { s in
            let old = s.keptResults
            s.keptResults = max(0, n)
            return old
        }
    }

    private func trim(_ s: inout State) {
        while s.entries.count > s.keptCommands { s.entries.removeFirst() }
    }
}
