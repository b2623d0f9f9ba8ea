import ErlangRuntime
import ErlangTerms

/// `exit/2`, `link/1`, `unlink/1`, `monitor/2`, `demonitor/1,2` and
/// `process_flag/2`, with erl's edge cases:
///
/// - `exit(self(), R)` takes effect before the call returns;
///   `exit(self(), normal)` kills the caller when it does not trap exits.
/// - `link/1` to a dead process raises `noproc`, or, when the caller traps
///   exits, returns `true` and delivers `{'EXIT', Pid, noproc}`.
/// - `monitor/2` of a dead pid or an unregistered name returns a reference
///   and delivers the `'DOWN'` message with `noproc` at once.
/// - `demonitor/1` always returns `true`; `demonitor/2` with `info` says
///   whether the monitor was still active.
extension ProcessBIFs {
    static let signals: FunctionTable = [
        bif("exit", 2, { p, a in
            let target = try pidArgument(a[0])
            try p.sendExitSignal(to: target, reason: a[1])
            return .true
        }),
        bif("link", 1, { p, a in
            let other = try pidArgument(a[0])
            if p.link(to: other) { return .true }
            guard p.trapExit else { throw ErlangException.error(.atom(.noproc)) }
            p.runtime.send(.tuple([.atom(.EXIT), .pid(other), .atom(.noproc)]), to: p.pid)
            return .true
        }),
        bif("unlink", 1, { p, a in
            p.unlink(from: try pidArgument(a[0]))
            return .true
        }),
        bif("monitor", 2, { p, a in .ref(try monitor(p, type: a[0], item: a[1])) }),
        bif("monitor", 3, { p, a in
            // OTP 25's options: {tag, Tag} names the 'DOWN' message; {alias, _} is accepted
            // (the reference works as the monitor's reference either way).
            guard let options = a[2].listElements else { throw ErlangException.badarg }
            var tag: Term?
            for option in options {
                guard case .tuple(let e) = option, e.count == 2, case .atom(let key) = e[0] else {
                    throw ErlangException.badarg
                }
                switch key.text {
                case "tag": tag = e[1]
                case "alias":
                    guard let mode = e[1].atomValue?.text,
                          ["explicit_unalias", "demonitor", "reply_demonitor"].contains(mode) else {
                        throw ErlangException.badarg
                    }
                default: throw ErlangException.badarg
                }
            }
            return .ref(try monitor(p, type: a[0], item: a[1], tag: tag))
        }),
        bif("demonitor", 1, { p, a in
            p.demonitor(try refArgument(a[0]))
            return .true
        }),
        bif("demonitor", 2, { p, a in
            let ref = try refArgument(a[0])
            var flush = false
            var info = false
            for option in try listArgument(a[1]) {
                switch option.atomValue?.text {
                case "flush": flush = true
                case "info": info = true
                default: throw ErlangException.badarg
                }
            }
            let wasActive = p.demonitor(ref)
            if flush { p.flushDownMessages(for: ref) }
            return info ? .bool(wasActive) : .true
        }),
        bif("process_flag", 2, { p, a in try processFlag(p, a[0], a[1]) }),
    ]

    /// `erlang:monitor(process, Item)`: `Item` is a pid, a registered name
    /// or `{Name, nonode@nohost}`.
    static func monitor(_ p: ErlangProcess, type: Term, item: Term, tag: Term? = nil) throws -> Ref {
        guard case .atom(let kind) = type, kind == .process else { throw ErlangException.badarg }
        switch item {
        case .pid(let pid):
            return p.monitor(pid, tag: tag)
        case .atom(let name):
            return p.monitor(name: name, tag: tag)
        case .tuple(let e) where e.count == 2:
            guard case .atom(let name) = e[0], case .atom(let node) = e[1], node == .nonode else {
                throw ErlangException.badarg
            }
            return p.monitor(name: name, tag: tag)
        case .int, .bigInt, .float, .tuple, .nil, .cons, .map, .binary, .ref, .fun:
            throw ErlangException.badarg
        }
    }

    /// `process_flag(Flag, Value)`: `trap_exit` (returns the old value) and
    /// `priority` (accepted; every process runs at `normal`).
    static func processFlag(_ p: ErlangProcess, _ flag: Term, _ value: Term) throws -> Term {
        switch flag.atomValue?.text {
        case "trap_exit":
            guard let on = value.boolValue else { throw ErlangException.badarg }
            return .bool(p.setTrapExit(on))
        case "priority":
            guard let level = value.atomValue?.text, ["low", "normal", "high", "max"].contains(level) else {
                throw ErlangException.badarg
            }
            return .atom("normal")
        default:
            throw ErlangException.badarg
        }
    }
}
