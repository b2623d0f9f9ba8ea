import ErlangRuntime
import ErlangTerms

/// Answering `sys` requests (`{system, From, Request}`). Mirrors
/// `sys:handle_system_msg/6` with gen_server's `system_*` callbacks:
/// `get_state`, `replace_state`, `get_status`, `suspend`, `resume`,
/// `change_code` (only while suspended), `{debug, ...}` and `terminate`.
///
/// A suspended server answers only `sys` requests and its parent's
/// `'EXIT'`; every other message waits in the mailbox, in order.
extension GenServerLoop {
    func handleSystem(from: Term, request: Term) async throws -> LoopNext {
        var suspended = false
        var pending: (from: Term, request: Term)? = (from, request)
        while let (from, request) = pending {
            pending = nil
            let answer = try await systemRequest(request, from: from, suspended: &suspended)
            GenServer.reply(to: from, answer, from: process)
            guard suspended else { break }
            let next = try await process.receive { message -> (Term, Term, Bool)? in
                guard case .tuple(let e) = message, e.count == 3, case .atom(let tag) = e[0] else { return nil }
                if tag == OTPAtom.system { return (e[1], e[2], false) }
                if tag == .EXIT, e[1] == .pid(parent), parent != process.pid { return (message, e[2], true) }
                return nil
            }
            guard let (first, second, isExit) = next else { break }
            if isExit {
                try await terminate(.exit, second, stack: StackFrames.terminateExit, message: first, from: nil)
            }
            pending = (first, second)
        }
        return .wait(.infinity)
    }

    /// Carries out one request and returns the reply.
    private func systemRequest(_ request: Term, from: Term, suspended: inout Bool) async throws -> Term {
        switch request {
        case .atom(let a) where a == OTPAtom.getState:
            return state
        case .atom(let a) where a == OTPAtom.suspend:
            suspended = true
            return .ok
        case .atom(let a) where a == OTPAtom.resume:
            suspended = false
            return .ok
        case .atom(let a) where a == OTPAtom.getStatus:
            return status(suspended: suspended, specific: await statusSpecific())
        case .tuple(let e) where e.count == 2 && e[0] == .atom(OTPAtom.replaceState):
            do {
                state = try await process.apply(e[1], [state])
                return state
            } catch let exception as ErlangException {
                return .tuple([.atom(.error), .tuple([.atom(OTPAtom.callbackFailed),
                                                      .tuple([.atom(OTPAtom.genServer), .atom(Atom("system_replace_state"))]),
                                                      .tuple([.atom(exception.classAtom), exception.reason])])])
            }
        case .tuple(let e) where e.count == 2 && e[0] == .atom(OTPAtom.terminate):
            GenServer.reply(to: from, .ok, from: process)
            try await terminate(.exit, e[1], stack: StackFrames.terminateExit, message: .nil, from: nil)
        case .tuple(let e) where e.count == 4 && e[0] == .atom(OTPAtom.changeCode) && suspended:
            return try await changeCode(module: e[1], oldVsn: e[2], extra: e[3])
        case .tuple(let e) where e.count == 2 && e[0] == .atom(OTPAtom.debug):
            return debugRequest(e[1])
        default:
            return .tuple([.atom(.error), .tuple([.atom(Atom("unknown_system_msg")), request])])
        }
    }

    /// `Module:code_change(OldVsn, State, Extra)`: `{ok, NewState}` replaces
    /// the state and answers `ok`; any other result is the answer.
    private func changeCode(module newModule: Term, oldVsn: Term, extra: Term) async throws -> Term {
        switch try await invoke(OTPAtom.codeChange, [oldVsn, state, extra]) {
        case .value(let result):
            if case .tuple(let e) = result, e.count == 2, e[0] == .ok {
                state = e[1]
                return .ok
            }
            return result
        case .crash(let exception):
            return .tuple([.atom(.error), .tuple([.atom(exception.classAtom), exception.reason])])
        }
    }

    /// `{debug, {trace, Bool}}`, `{debug, {log, Flag}}`, (Swerl counts no BEAM
    /// reductions: the statistics' `reductions` are the events counted),
    /// `{debug, {statistics, Flag}}`, `{debug, no_debug}`.
    private func debugRequest(_ request: Term) -> Term {
        var options = debug ?? SysDebug()
        var answer: Term = .ok
        if request == .atom(OTPAtom.noDebug) {
            options = SysDebug()
        } else if case .tuple(let e) = request, e.count == 2, case .atom(let what) = e[0] {
            switch (what, e[1]) {
            case (OTPAtom.trace, .atom(let flag)):
                options.trace = flag == .true
            case (OTPAtom.log, .atom(let flag)) where flag == .true:
                options.logLimit = 10
                options.logged = []
            case (OTPAtom.log, .tuple(let n)) where n.count == 2:
                if case .int(let limit) = n[1] { options.logLimit = limit }
            case (OTPAtom.log, .atom(let flag)) where flag == .false:
                options.logLimit = nil
                options.logged = []
            case (OTPAtom.log, .atom(let flag)) where flag == OTPAtom.get:
                answer = options.logLimit == nil ? .tuple([.atom(.ok), .nil])
                    : .tuple([.atom(.ok), .list(options.logged)])
            case (OTPAtom.log, .atom(let flag)) where flag == OTPAtom.print:
                for event in options.logged { process.runtime.output.write(SysDebug.text(of: event, name: name)) }
            case (OTPAtom.statistics, .atom(let flag)) where flag == .true:
                options.statistics = SysDebug.Statistics(startTime: SysDebug.localDateTime())
            case (OTPAtom.statistics, .atom(let flag)) where flag == .false:
                options.statistics = nil
            case (OTPAtom.statistics, .atom(let flag)) where flag == OTPAtom.get:
                if let stats = options.statistics {
                    answer = .tuple([.atom(.ok), .list([
                        .tuple([.atom(Atom("start_time")), stats.startTime]),
                        .tuple([.atom(Atom("current_time")), SysDebug.localDateTime()]),
                        .tuple([.atom(Atom("reductions")), .int(stats.messagesIn + stats.messagesOut)]),
                        .tuple([.atom(Atom("messages_in")), .int(stats.messagesIn)]),
                        .tuple([.atom(Atom("messages_out")), .int(stats.messagesOut)]),
                    ])])
                } else {
                    answer = .atom(Atom("no_statistics"))
                }
            default:
                answer = .tuple([.atom(.error), .tuple([.atom(Atom("unknown_debug")), request])])
            }
        }
        debug = options.isEmpty ? nil : options
        return answer
    }

    /// `sys:get_status/1`'s answer: `{status, Pid, {module, gen_server},
    /// [PDict, running | suspended, Parent, Debug, Misc]}`.
    /// The module-specific part of the status: `[{data, [{"State", S}]}]`,
    /// or what `format_status(normal, [PDict, State])` returns.
    private func statusSpecific() async -> Term {
        guard await exports(FunctionKey(OTPAtom.formatStatus, 2)) else {
            return .list([.tuple([.atom(Atom("data")), .list([.tuple([.string("State"), state])])])])
        }
        let formatted = await formattedState(.atom(.normal))
        if formatted.isList { return formatted }
        return .list([.tuple([.atom(Atom("data")), .list([.tuple([.string("State"), formatted])])])])
    }

    private func status(suspended: Bool, specific: Term) -> Term {
        let dictionary: Term = .list(process.dictionaryEntries.map { .tuple([$0.key, $0.value]) })
        let header = (try? ErlangFormat.format("Status for generic server ~tp", [name])) ?? ""
        let misc: Term = .list([
            .tuple([.atom(Atom("header")), .string(header)]),
            .tuple([.atom(Atom("data")), .list([
                .tuple([.string("Status"), .atom(suspended ? OTPAtom.suspended : OTPAtom.running)]),
                .tuple([.string("Parent"), .pid(parent)]),
                .tuple([.string("Logged events"), .list(debug?.logged ?? [])]),
            ])]),
        ], tail: specific)
        return .tuple([.atom(OTPAtom.status), .pid(process.pid),
                       .tuple([.atom(Atom("module")), .atom(OTPAtom.genServer)]),
                       .list([dictionary, .atom(suspended ? OTPAtom.suspended : OTPAtom.running),
                              .pid(parent), .nil, misc])])
    }
}
