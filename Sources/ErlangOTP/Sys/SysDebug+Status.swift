import ErlangRuntime
import ErlangTerms

/// The `Debug` element of `sys:get_status/1`'s answer: sys's own list of
/// the options that are on, the most recently turned on first.
/// - `{trace, true}`
/// - `{log, [Free | Entries]}`: how many more events fit, then the logged
///   events newest first, each `{Event, Name, PrintFun}` (the function
///   `sys:log(_, print)` prints it with)
/// - `{statistics, {StartTime, {reductions, 0}, MessagesIn, MessagesOut}}`
///
/// sys.erl's log is a ring buffer whose shape changes as it fills; Swerl
/// always shows it as the buffer of a log that has not wrapped yet.
extension SysDebug {
    /// The list, for the server called `name`.
    func statusTerm(name: Term, in process: ErlangProcess) -> Term {
        .list(enabled.map { option in
            switch option {
            case OTPAtom.trace:
                return .tuple([.atom(option), .true])
            case OTPAtom.log:
                let print = SysDebug.printFun(in: process)
                let entries: [Term] = logged.reversed().map { .tuple([$0, name, print]) }
                return .tuple([.atom(option), .list([.int(max(0, (logLimit ?? 0) - logged.count))] + entries)])
            default:
                let stats = statistics ?? Statistics(startTime: .nil)
                return .tuple([.atom(option), .tuple([stats.startTime, .tuple([.atom(Atom("reductions")), .int(0)]),
                                                      .int(stats.messagesIn), .int(stats.messagesOut)])])
            }
        })
    }

    /// gen_server's event printer as a fun of `(Device, Event, Name)`:
    /// writes the event's `*DBG*` line.
    private static func printFun(in process: ErlangProcess) -> Term {
        let body = NativeFunBody { p, args in
            p.runtime.output.write(text(of: args[1], name: args[2]))
            return .ok
        }
        return .fun(Fun(kind: .local(module: OTPAtom.genServer, index: 0, uniq: 31435321, body: body), arity: 3,
                        identity: process.runtime.makeFunIdentity()))
    }
}
