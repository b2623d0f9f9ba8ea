import ErlangRuntime
import ErlangTerms

/// Carrying out `{debug, Request}` system messages. Mirrors
/// `sys:debug_cmd/2`: `{trace, Bool}`, `{log, true | {true, N} | false |
/// get | print}`, `{statistics, true | false | get}` and `no_debug`.
/// Turning on an option that is on already changes nothing.
extension SysDebug {
    /// Carries out `request` for the server called `name` and returns the
    /// answer for the caller.
    public mutating func command(_ request: Term, name: Term, output: any OutputSink) -> Term {
        if request == .atom(OTPAtom.noDebug) {
            self = SysDebug()
            return .ok
        }
        guard case .tuple(let e) = request, e.count == 2, case .atom(let what) = e[0] else {
            return SysDebug.unknown(request)
        }
        switch what {
        case OTPAtom.trace:
            guard case .atom(let flag) = e[1], flag == .true || flag == .false else { return SysDebug.unknown(request) }
            setTrace(flag == .true)
            return .ok
        case OTPAtom.log:
            return logCommand(e[1], name: name, output: output) ?? SysDebug.unknown(request)
        case OTPAtom.statistics:
            return statisticsCommand(e[1]) ?? SysDebug.unknown(request)
        default:
            return SysDebug.unknown(request)
        }
    }

    /// `sys:log/2`; `nil` for an argument it does not take.
    private mutating func logCommand(_ argument: Term, name: Term, output: any OutputSink) -> Term? {
        switch argument {
        case .atom(let flag) where flag == .true:
            startLog(limit: SysDebug.defaultLogLimit)
        case .tuple(let t) where t.count == 2 && t[0] == .true:
            guard case .int(let limit) = t[1] else { return nil }
            startLog(limit: limit)
        case .atom(let flag) where flag == .false:
            stopLog()
        case .atom(let flag) where flag == OTPAtom.get:
            return .tuple([.ok, .list(logged)])
        case .atom(let flag) where flag == OTPAtom.print:
            for event in logged { output.write(SysDebug.text(of: event, name: name)) }
        case .int, .bigInt, .float, .atom, .tuple, .nil, .cons, .map, .binary, .pid, .ref, .fun:
            return nil
        }
        return .ok
    }

    /// `sys:statistics/2`; `nil` for an argument it does not take. Swerl
    /// counts no BEAM reductions: `reductions` is the number of events
    /// counted.
    private mutating func statisticsCommand(_ argument: Term) -> Term? {
        switch argument {
        case .atom(let flag) where flag == .true:
            startStatistics()
        case .atom(let flag) where flag == .false:
            stopStatistics()
        case .atom(let flag) where flag == OTPAtom.get:
            guard let stats = statistics else { return .tuple([.ok, .atom(Atom("no_statistics"))]) }
            return .tuple([.ok, .list([
                .tuple([.atom(Atom("start_time")), stats.startTime]),
                .tuple([.atom(Atom("current_time")), SysDebug.localDateTime()]),
                .tuple([.atom(Atom("reductions")), .int(stats.messagesIn + stats.messagesOut)]),
                .tuple([.atom(Atom("messages_in")), .int(stats.messagesIn)]),
                .tuple([.atom(Atom("messages_out")), .int(stats.messagesOut)]),
            ])])
        case .int, .bigInt, .float, .atom, .tuple, .nil, .cons, .map, .binary, .pid, .ref, .fun:
            return nil
        }
        return .ok
    }

    /// `{error, {unknown_debug, Request}}`.
    private static func unknown(_ request: Term) -> Term {
        .tuple([.atom(.error), .tuple([.atom(Atom("unknown_debug")), request])])
    }
}
