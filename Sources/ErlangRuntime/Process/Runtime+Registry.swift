import ErlangTerms

/// Registered names (`register/2`, `whereis/1`), with erl's rules: a name
/// names one live process, a process has at most one name, and `undefined`
/// is not a name.
extension Runtime {
    /// Registers `pid` as `name`; `false` (erl: `badarg`) when the name is
    /// taken, the process is dead or already named, or the name is `undefined`.
    public func register(_ pid: Pid, as name: Atom) -> Bool {
        guard name != .undefined, let process = process(pid) else { return false }
        return table.withLock { t -> Bool in
            guard t.names[name] == nil else { return false }
            let ok = process.shared.withLock { s -> Bool in
                guard s.exitReason == nil, s.registeredName == nil else { return false }
                s.registeredName = name
                return true
            }
            if ok { t.names[name] = pid }
            return ok
        }
    }

    /// Removes `name`; `false` (erl: `badarg`) when it is not registered.
    public func unregister(_ name: Atom) -> Bool {
        table.withLock { t -> Bool in
            guard let pid = t.names.removeValue(forKey: name) else { return false }
            t.processes[pid]?.shared.withLock { $0.registeredName = nil }
            return true
        }
    }

    /// The pid registered as `name` (`whereis/1`).
    public func whereis(_ name: Atom) -> Pid? {
        table.withLock { $0.names[name] }
    }

    /// All registered names (`registered/0`).
    public var registeredNames: [Atom] {
        table.withLock { Array($0.names.keys) }
    }
}
