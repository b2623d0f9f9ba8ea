import ErlangTerms

/// The live processes by pid: an open-addressing hash table keyed by the
/// pid's serial (Fibonacci hashing, linear probing, deletion by backward
/// shift, so no tombstones pile up). Every send, link and monitor looks a
/// pid up here; a `Dictionary<Pid, _>` spent most of that time in SipHash.
/// Serials are unique and sequential, which a multiplicative hash spreads
/// evenly. At most half full; shrinks again when mostly empty, so memory
/// follows the live processes.
struct ProcessTable {
    private var slots: [ErlangProcess?]
    private var shift: Int
    /// The number of live processes.
    private(set) var count = 0

    private static let minimumCapacity = 64

    /// An empty table.
    init() {
        slots = Array(repeating: nil, count: ProcessTable.minimumCapacity)
        shift = 64 - ProcessTable.minimumCapacity.trailingZeroBitCount
    }

    /// The process with `pid`; setting `nil` removes it.
    subscript(pid: Pid) -> ErlangProcess? {
        get {
            var index = home(pid)
            while let process = slots[index] {
                if process.pid == pid { return process }
                index = (index + 1) & (slots.count - 1)
            }
            return nil
        }
        set {
            if let newValue { insert(newValue) } else { remove(pid) }
        }
    }

    /// The pids of the live processes, in no particular order.
    var pids: [Pid] { slots.compactMap { $0?.pid } }

    private func home(_ pid: Pid) -> Int {
        Int(truncatingIfNeeded: (pid.serial &* 0x9E37_79B9_7F4A_7C15) >> UInt64(shift))
    }

    private mutating func insert(_ process: ErlangProcess) {
        var index = home(process.pid)
        while let existing = slots[index] {
            if existing.pid == process.pid {
                slots[index] = process
                return
            }
            index = (index + 1) & (slots.count - 1)
        }
        slots[index] = process
        count += 1
        if count * 2 > slots.count { resize(to: slots.count * 2) }
    }

    private mutating func remove(_ pid: Pid) {
        let mask = slots.count - 1
        var index = home(pid)
        while let process = slots[index] {
            if process.pid == pid { break }
            index = (index + 1) & mask
        }
        guard slots[index] != nil else { return }
        slots[index] = nil
        count -= 1
        // Backward shift: move later entries of the probe run into the hole
        // when the hole lies between their home and where they are.
        var hole = index
        var next = (hole + 1) & mask
        while let process = slots[next] {
            let wanted = home(process.pid)
            if (next - wanted) & mask >= (next - hole) & mask {
                slots[hole] = process
                slots[next] = nil
                hole = next
            }
            next = (next + 1) & mask
        }
        if slots.count > ProcessTable.minimumCapacity && count * 8 < slots.count { resize(to: slots.count / 2) }
    }

    private mutating func resize(to capacity: Int) {
        let old = slots
        slots = Array(repeating: nil, count: capacity)
        shift = 64 - capacity.trailingZeroBitCount
        count = 0
        for case let process? in old { insert(process) }
    }
}
