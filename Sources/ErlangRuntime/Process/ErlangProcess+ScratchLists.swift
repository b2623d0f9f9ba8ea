import ErlangTerms

/// One argument list per process, reused by the calls its task makes, so
/// that a call from compiled code (`gen_server:cast(S, ping)` in a shell
/// fun run a million times) allocates no array for its arguments; and, the
/// same way, one storage for a function clause's bindings (a callback such
/// as `handle_cast(ping, N)` then allocates nothing for its `N`).
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
        Self.takeList(from: &spareArguments)
    }

    /// Empties `list` (releasing its values) and keeps it for the next call.
    /// One `removeLast` per value: an argument list holds a few, and
    /// `removeAll(keepingCapacity:)` took Array's general range
    /// replacement, about 175 instructions a call.
    @inline(__always)
    public func recycleArguments(_ list: inout [Term]) {
        Self.recycle(&list, into: &spareArguments)
    }

    /// Drops the reused lists, for a process about to wait in a receive
    /// or without a task: an idle process keeps no scratch storage
    /// (memory per idle process). Called by the task running the process
    /// before it waits, while the lists are still its own. (A process
    /// that others run at once while it idles, a server answering calls
    /// on its callers' tasks, keeps them between those runs: each run
    /// reuses them.)
    func dropScratchStorage() {
        spareArguments = []
        spareBindings = []
    }

    /// Empty storage for a function clause's bindings, with room if the
    /// running task gave some back.
    @inline(__always)
    public func takeBindingStorage() -> [BoundName] {
        Self.takeList(from: &spareBindings)
    }

    /// Empties `storage` (releasing its values) and keeps it for the next
    /// call. Storage that something else still shares (a fun made in the
    /// clause captured its bindings) is copied on the first removal and
    /// the copy kept: the sharer's values are untouched.
    @inline(__always)
    public func recycleBindingStorage(_ storage: inout [BoundName]) {
        Self.recycle(&storage, into: &spareBindings)
    }

    /// The list in `slot`, taken out (an empty one left there).
    @inline(__always)
    private static func takeList<Element>(from slot: inout [Element]) -> [Element] {
        var list: [Element] = []
        swap(&list, &slot)
        return list
    }

    /// Empties `list` and keeps it in `slot`.
    @inline(__always)
    private static func recycle<Element>(_ list: inout [Element], into slot: inout [Element]) {
        while !list.isEmpty { list.removeLast() }
        swap(&list, &slot)
    }
}

/// A bound variable's name (its atom) and value: an entry of the
/// evaluator's small bindings, kept here so that a process can hold the
/// storage its calls reuse.
public struct BoundName: Sendable {
    /// The variable's name, as an atom.
    public let name: Atom
    /// Its value.
    public var value: Term

    /// The entry binding `name` to `value`.
    @inlinable
    public init(name: Atom, value: Term) {
        self.name = name
        self.value = value
    }
}
