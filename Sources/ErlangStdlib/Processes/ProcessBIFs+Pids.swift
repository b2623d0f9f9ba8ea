import ErlangRuntime
import ErlangTerms

/// `self/0`, `make_ref/0`, `node/0,1`, `nodes/0`, `processes/0`, `list_to_pid/1` and
/// `pid_to_list/1`. Swerl is one non-distributed node, `nonode@nohost`,
/// whose pids print as `<0.N.0>`.
extension ProcessBIFs {
    static let pids: FunctionTable = [
        bif("self", 0, { p, _ in .pid(p.pid) }),
        bif("make_ref", 0, { p, _ in .ref(p.runtime.makeRef()) }),
        bif("node", 0, { _, _ in .atom(.nonode) }),
        bif("node", 1, { _, a in
            switch a[0] {
            case .pid, .ref: return .atom(.nonode)
            case .int, .bigInt, .float, .atom, .tuple, .nil, .cons, .map, .binary, .fun:
                throw ErlangException.badarg
            }
        }),
        bif("nodes", 0, { _, _ in .nil }),
        // A node without distribution: not alive.
        bif("is_alive", 0, { _, _ in .bool(false) }),
        bif("processes", 0, { p, _ in .list(p.runtime.processPids.map { .pid($0) }) }),
        bif("pid_to_list", 1, { _, a in .string("<0.\(try pidArgument(a[0]).serial).0>") }),
        bif("list_to_pid", 1, { _, a in
            guard let codes = a[0].listElements else { throw ErlangException.badarg }
            guard let pid = parsePid(codes) else { throw ErlangException.badarg }
            return .pid(pid)
        }),
    ]

    /// The largest process number erl accepts in `<0.N.0>` (28 bits).
    static let maxPidSerial: UInt64 = (1 << 28) - 1

    /// Parses `"<0.N.0>"`. Other node or serial numbers are not pids of
    /// this node (erl accepts `<0.N.S>` for S > 0, which Swerl cannot
    /// represent: `badarg`).
    static func parsePid(_ codes: [Term]) -> Pid? {
        var text = ""
        for code in codes {
            guard case .int(let c) = code, c >= 0, c < 128, let scalar = Unicode.Scalar(c) else { return nil }
            text.unicodeScalars.append(scalar)
        }
        guard text.hasPrefix("<"), text.hasSuffix(">") else { return nil }
        let parts = text.dropFirst().dropLast().split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let node = UInt64(parts[0]), let serial = UInt64(parts[1]), let extra = UInt64(parts[2]),
              node == 0, extra == 0, serial <= maxPidSerial else { return nil }
        return Pid(serial: serial)
    }
}
