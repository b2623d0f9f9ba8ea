import ErlangRuntime
import ErlangTerms

/// What `process_info(Server, current_function)` says while the server
/// waits: `{gen_server, loop, 7}`, or `{erlang, hibernate, 3}` after a
/// callback asked to hibernate. The process is told only when this
/// changes, so the message loop pays one `Bool` comparison per wait.
extension GenServerLoop {
    /// Tells the process where it waits, if that changed.
    @inline(__always)
    func show(hibernating: Bool) {
        guard shownHibernating != hibernating else { return }
        shownHibernating = hibernating
        process.currentFunction = hibernating ? CurrentFunction.hibernate : CurrentFunction.loop
    }

    /// `stack` as erl shows it: after a hibernation the bottom frame is
    /// `proc_lib:wake_up/3`, not `proc_lib:init_p_do_apply/3`.
    func afterWaking(_ stack: [Term]) -> [Term] {
        guard hasHibernated else { return stack }
        return stack.map { $0 == StackFrames.procLibBottom ? StackFrames.wakeUpBottom : $0 }
    }
}

/// The functions a waiting server is in.
enum CurrentFunction {
    /// `{gen_server, loop, 7}`.
    static let loop: Term = .tuple([.atom(OTPAtom.genServer), .atom(Atom("loop")), .int(7)])
    /// `{erlang, hibernate, 3}`.
    static let hibernate: Term = .tuple([.atom(Atom("erlang")), .atom(OTPAtom.hibernate), .int(3)])
}
