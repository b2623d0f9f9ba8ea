import ErlangTerms

/// The monitors one end of a process holds, by reference: what
/// `ErlangProcess.Shared.monitors` and `monitoredBy` are.
///
/// Most processes hold none or a few, briefly: a `gen_server:call`
/// monitors its server for the length of one request, so every call
/// inserts and removes one entry at each end. Up to `smallLimit` entries
/// live in an array searched newest first (no hashing, and the array's
/// storage is reused from call to call); beyond that, a dictionary takes
/// over so that a server monitored by thousands of callers stays O(1).
struct MonitorTable {
    typealias Monitor = ErlangProcess.Monitor

    /// Entries before the table switches to hashing.
    static let smallLimit = 16

    private var small: [(ref: Ref, monitor: Monitor)] = []
    private var large: [Ref: Monitor]?

    /// No monitors.
    init() {}

    /// Whether no monitor is held.
    var isEmpty: Bool { large?.isEmpty ?? small.isEmpty }

    /// The monitor `ref`, if held.
    subscript(ref: Ref) -> Monitor? {
        if let large { return large[ref] }
        for index in small.indices.reversed() where small[index].ref == ref { return small[index].monitor }
        return nil
    }

    /// Whether the monitor `ref` is held (nothing is copied to tell).
    func contains(_ ref: Ref) -> Bool {
        if let large { return large[ref] != nil }
        return small.contains { $0.ref == ref }
    }

    /// Records the monitor `ref` (references are unique, so it is new).
    mutating func insert(_ monitor: Monitor, for ref: Ref) {
        if large != nil {
            large?[ref] = monitor
            return
        }
        if small.count < MonitorTable.smallLimit {
            small.append((ref, monitor))
            return
        }
        var table = [Ref: Monitor](minimumCapacity: small.count * 2)
        for entry in small { table[entry.ref] = entry.monitor }
        table[ref] = monitor
        large = table
        small = []
    }

    /// Removes and returns the monitor `ref`, if held.
    @discardableResult
    mutating func remove(_ ref: Ref) -> Monitor? {
        if large != nil { return large?.removeValue(forKey: ref) }
        guard let index = small.lastIndex(where: { $0.ref == ref }) else { return nil }
        // The newest is the usual one (a call's monitor ends first), and
        // `removeLast` moves nothing.
        if index == small.count - 1 { return small.removeLast().monitor }
        return small.remove(at: index).monitor
    }

    /// Every entry, oldest reference first.
    var sortedByRef: [(ref: Ref, monitor: Monitor)] {
        if let large { return large.map { ($0.key, $0.value) }.sorted { $0.ref < $1.ref } }
        return small.sorted { $0.ref < $1.ref }
    }

    /// The monitors, in no particular order.
    var monitors: [Monitor] {
        if let large { return Array(large.values) }
        return small.map(\.monitor)
    }
}
