import ErlangTerms

/// The live processes by pid: an open-addressing hash table keyed by the
/// pid's serial (Fibonacci hashing, linear probing, deletion by backward
/// shift, so no tombstones pile up). Every send, link and monitor looks a
/// pid up here; a `Dictionary<Pid, _>` spent most of that time in SipHash.
/// Serials are unique and sequential, which a multiplicative hash spreads
/// evenly. At most half full; shrinks again when mostly empty, so memory
/// follows the live processes.
///
/// The serials live in a buffer of their own, beside the processes: a
/// probe compares plain integers and touches no process. The table holds
/// one reference to each process it lists, taken on insert and given back
/// on removal, so its slots are plain words: a resize moves them as they
/// are, and empty slots cost nothing to make or to free (an array of
/// optional references is made and destroyed element by element). Being
/// `~Copyable`, the table has exactly one owner, which releases what is
/// left in it when it goes.
struct ProcessTable: ~Copyable, @unchecked Sendable {
    // @unchecked: the runtime keeps its table under a lock.

    /// Each slot's serial, or `empty`.
    private var serials: UnsafeMutablePointer<UInt64>
    /// Each slot's process, retained; meaningful only where `serials` is
    /// not `empty`.
    private var processes: UnsafeMutablePointer<Unmanaged<ErlangProcess>>
    private var capacity: Int
    private var shift: Int
    /// The number of live processes.
    private(set) var count = 0

    private static let minimumCapacity = 64
    /// The serial of an empty slot: one no pid has.
    private static let empty = UInt64.max

    /// An empty table.
    init() {
        capacity = ProcessTable.minimumCapacity
        shift = 64 - capacity.trailingZeroBitCount
        (serials, processes) = ProcessTable.allocate(capacity)
    }

    deinit {
        for index in 0..<capacity where serials[index] != ProcessTable.empty { processes[index].release() }
        serials.deallocate()
        processes.deallocate()
    }

    /// The process with `pid`; setting `nil` removes it.
    subscript(pid: Pid) -> ErlangProcess? {
        get { slot(of: pid.serial).map { processes[$0].takeUnretainedValue() } }
        set {
            if let newValue { insert(newValue) } else { remove(pid) }
        }
    }

    /// `body` applied to the process with `pid`, or `nil` when there is
    /// none. The process is lent, not retained: for work done while the
    /// table's owner holds its lock (a send, where a retain and release
    /// of the receiver, which runs on another core, cost a cache line's
    /// round trip each).
    func withProcess<R>(_ pid: Pid, _ body: (ErlangProcess) -> R) -> R? {
        guard let index = slot(of: pid.serial) else { return nil }
        return processes[index]._withUnsafeGuaranteedRef(body)
    }

    /// The pids of the live processes, in no particular order.
    var pids: [Pid] {
        var pids: [Pid] = []
        pids.reserveCapacity(count)
        for index in 0..<capacity where serials[index] != ProcessTable.empty { pids.append(Pid(serial: serials[index])) }
        return pids
    }

    private var mask: Int { capacity - 1 }

    private static func allocate(_ capacity: Int) -> (UnsafeMutablePointer<UInt64>, UnsafeMutablePointer<Unmanaged<ErlangProcess>>) {
        let serials = UnsafeMutablePointer<UInt64>.allocate(capacity: capacity)
        serials.initialize(repeating: ProcessTable.empty, count: capacity)
        return (serials, .allocate(capacity: capacity))
    }

    private func home(_ serial: UInt64) -> Int {
        Int(truncatingIfNeeded: (serial &* 0x9E37_79B9_7F4A_7C15) >> UInt64(shift))
    }

    /// Where `serial` is, or `nil`.
    private func slot(of serial: UInt64) -> Int? {
        var index = home(serial)
        while true {
            let here = serials[index]
            if here == serial { return index }
            if here == ProcessTable.empty { return nil }
            index = (index + 1) & mask
        }
    }

    /// The first empty slot of `serial`'s probe run, for a serial not in the table.
    private func freeSlot(for serial: UInt64) -> Int {
        var index = home(serial)
        while serials[index] != ProcessTable.empty { index = (index + 1) & mask }
        return index
    }

    private mutating func insert(_ process: ErlangProcess) {
        let serial = process.pid.serial
        if let index = slot(of: serial) {
            processes[index].release()
            processes[index] = .passRetained(process)
            return
        }
        let index = freeSlot(for: serial)
        serials[index] = serial
        processes[index] = .passRetained(process)
        count += 1
        if count * 2 > capacity { resize(to: capacity * 2) }
    }

    private mutating func remove(_ pid: Pid) {
        guard let index = slot(of: pid.serial) else { return }
        processes[index].release()
        serials[index] = ProcessTable.empty
        count -= 1
        // Backward shift: move later entries of the probe run into the hole
        // when the hole lies between their home and where they are.
        let mask = self.mask
        var hole = index
        var next = (hole + 1) & mask
        while serials[next] != ProcessTable.empty {
            let wanted = home(serials[next])
            if (next - wanted) & mask >= (next - hole) & mask {
                serials[hole] = serials[next]
                processes[hole] = processes[next]
                serials[next] = ProcessTable.empty
                hole = next
            }
            next = (next + 1) & mask
        }
        if capacity > ProcessTable.minimumCapacity && count * 8 < capacity { resize(to: capacity / 2) }
    }

    private mutating func resize(to newCapacity: Int) {
        let (oldSerials, oldProcesses, oldCapacity) = (serials, processes, capacity)
        capacity = newCapacity
        shift = 64 - newCapacity.trailingZeroBitCount
        (serials, processes) = ProcessTable.allocate(newCapacity)
        for old in 0..<oldCapacity where oldSerials[old] != ProcessTable.empty {
            let index = freeSlot(for: oldSerials[old])
            serials[index] = oldSerials[old]
            processes[index] = oldProcesses[old]
        }
        oldSerials.deallocate()
        oldProcesses.deallocate()
    }
}
