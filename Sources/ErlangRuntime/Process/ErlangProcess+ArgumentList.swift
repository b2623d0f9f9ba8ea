import ErlangTerms

/// One argument list per process, reused by the calls its task makes, so
/// that a call from compiled code (`gen_server:cast(S, ping)` in a shell
/// fun run a million times) allocates no array for its arguments.
///
/// A call takes the list (`takeArgumentList`), fills it, makes the call
/// and gives it back (`recycleArguments`), emptied. A call made meanwhile,
/// by the callee, finds no list to reuse and makes its own. A callee that
/// keeps the list (an unfinished call it must end later) keeps its
/// values: arrays are values, so emptying the list given back then makes
/// a new buffer rather than empty the one the callee holds.
extension ErlangProcess {
    /// An empty argument list with room, if the running task gave one back.
    @inline(__always)
    public func takeArgumentList() -> [Term] {
        var list: [Term] = []
        swap(&list, &spareArguments)
        return list
    }

    /// Empties `list` (releasing its values) and keeps it for the next call.
    /// One `removeLast` per value: an argument list holds a few, and
    /// `removeAll(keepingCapacity:)` took Array's general range
    /// replacement, about 175 instructions a call.
    @inline(__always)
    public func recycleArguments(_ list: inout [Term]) {
        while !list.isEmpty { list.removeLast() }
        swap(&list, &spareArguments)
    }
}
