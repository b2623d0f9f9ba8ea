import ErlangRuntime
import ErlangTerms

/// Answering `sys` requests (`{system, From, Request}`). Mirrors
/// `sys:handle_system_msg/6` with gen_server's `system_*` callbacks:
/// `get_state`, `replace_state`, `get_status`, `suspend`, `resume`,
/// `change_code` (only while suspended), `{debug, ...}` and `terminate`.
///
/// A suspended server answers only `sys` requests and its parent's
/// `'EXIT'`; every other message waits in the mailbox, in order.
///
/// Afterwards the server waits as it did before the request: a timeout
/// it was under (`{noreply, S, T}`, ...) starts again in full, so
/// `handle_info(timeout, S)` still comes once no other message has come
/// for T ms.
extension GenServerLoop {
    func handleSystem(from: Term, request: Term, waiting: ErlangProcess.ReceiveTimeout) async throws -> LoopNext {
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
        return .wait(waiting)
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
            return status(suspended: suspended, shown: try await formatStatus(.normal))
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
            var options = debug ?? SysDebug()
            let answer = options.command(e[1], name: name, output: process.runtime.output)
            debug = options.isEmpty ? nil : options
            return answer
        default:
            return .tuple([.atom(.error), .tuple([.atom(Atom("unknown_system_msg")), request])])
        }
    }

    /// `Module:code_change(OldVsn, State, Extra)`, as sys's
    /// `do_change_code` catches it: `{ok, NewState}` replaces the state and
    /// answers `ok`; any other value `V` (a thrown one too) answers
    /// `{error, V}`; a crash answers `{error, {'EXIT', R}}`, with `R` as
    /// `catch` gives it (`{Reason, Stack}` for an error, so a module without
    /// `code_change/3` gives `{error, {'EXIT', {undef, Stack}}}`).
    private func changeCode(module newModule: Term, oldVsn: Term, extra: Term) async throws -> Term {
        switch try await invoke(OTPAtom.codeChange, [oldVsn, state, extra]) {
        case .value(let result):
            if case .tuple(let e) = result, e.count == 2, e[0] == .ok {
                state = e[1]
                return .ok
            }
            return .tuple([.atom(.error), result])
        case .crash(let exception):
            let caught: Term
            switch exception.kind {
            case .error: caught = .tuple([exception.reason, .list(exception.stacktrace + StackFrames.codeChange)])
            case .exit, .throw: caught = exception.reason
            }
            return .tuple([.atom(.error), .tuple([.atom(.EXIT), caught])])
        }
    }

    /// `sys:get_status/1`'s answer: `{status, Pid, {module, gen_server},
    /// [PDict, running | suspended, Parent, Debug, Misc]}`, where Misc
    /// ends with what `format_status` lets be shown of the state.
    private func status(suspended: Bool, shown: ServerStatus) -> Term {
        let dictionary: Term = .list(process.dictionaryEntries.map { .tuple([$0.key, $0.value]) })
        let header = (try? ErlangFormat.format("Status for generic server ~tp", [name])) ?? ""
        let misc: Term = .list([
            .tuple([.atom(Atom("header")), .string(header)]),
            .tuple([.atom(Atom("data")), .list([
                .tuple([.string("Status"), .atom(suspended ? OTPAtom.suspended : OTPAtom.running)]),
                .tuple([.string("Parent"), .pid(parent)]),
                .tuple([.string("Logged events"), shown.log]),
            ])]),
        ], tail: shown.specific)
        let debugList = debug?.statusTerm(name: name, in: process) ?? .nil
        return .tuple([.atom(OTPAtom.status), .pid(process.pid),
                       .tuple([.atom(Atom("module")), .atom(OTPAtom.genServer)]),
                       .list([dictionary, .atom(suspended ? OTPAtom.suspended : OTPAtom.running),
                              .pid(parent), debugList, misc])])
    }
}
