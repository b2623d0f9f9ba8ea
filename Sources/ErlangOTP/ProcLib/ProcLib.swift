import ErlangRuntime
import ErlangTerms

/// Processes started the OTP way. Mirrors `proc_lib`: the new process
/// knows its ancestors and its initial call (`'$ancestors'`,
/// `'$initial_call'` in its dictionary), a synchronous start waits for the
/// child's acknowledgement (`init_ack/2`), and a process that ends with an
/// exception other than `normal`/`shutdown` writes a `=CRASH REPORT====`
/// before it exits.
///
/// Split: `ProcLib+CrashReport` writes the report; `ExceptionText` words
/// the exception.
public enum ProcLib {
    /// How a started process is tied to its parent.
    public enum Tie: Sendable {
        /// Not at all (`proc_lib:start/3`, `gen_server:start/3`).
        case none
        /// Linked (`start_link`).
        case link
        /// Monitored by the parent (`start_monitor`).
        case monitor
    }

    /// Spawns `body` as a proc_lib process of `parent`, whose crash report
    /// names `initialCall` (`{M, F, Arity}`). Mirrors `proc_lib:spawn_opt/4`.
    @discardableResult
    public static func spawn(from parent: ErlangProcess, tie: Tie, initialCall: Term,
                             _ body: @escaping @Sendable (ErlangProcess) async throws -> Void)
        -> (process: ErlangProcess, monitor: Ref?) {
        spawn(from: parent, tie: tie, ClosureBody(initialCall: initialCall, ancestors: ancestors(of: parent), body))
    }

    /// Spawns the proc_lib process `body` (made with `ancestors(of: parent)`).
    @discardableResult
    public static func spawn(from parent: ErlangProcess, tie: Tie, _ body: Body) -> (process: ErlangProcess, monitor: Ref?) {
        let runtime = parent.runtime
        // The dictionary keys are put before the process first runs: in erl
        // the child has always set them by the time the spawner can look.
        switch tie {
        case .none:
            return (runtime.spawn(initialCall: ProcLib.initialCall, prepare: body.enter, code: .fun(body)), nil)
        case .link:
            return (runtime.spawn(linkTo: parent, initialCall: ProcLib.initialCall, prepare: body.enter, code: .fun(body)), nil)
        case .monitor:
            let (process, ref) = runtime.spawnMonitor(by: parent, initialCall: ProcLib.initialCall, prepare: body.enter,
                                                      code: .fun(body))
            return (process, ref)
        }
    }

    /// `spawn(from:tie:_:)`, running the new process on the caller's task
    /// until it first waits (`Runtime.spawnOnCallerTask`).
    public static func spawnOnCallerTask(from parent: ErlangProcess, tie: Tie, _ body: Body) async
        -> (process: ErlangProcess, monitor: Ref?) {
        let (child, monitor) = makeUnstarted(from: parent, tie: tie, body)
        // Before the child runs: the parent's slot for its acknowledgement
        // (`syncStart` takes it from there).
        parent.expectStartAck(from: child.pid)
        await parent.runtime.runUnstartedOnCallerTask(child, .fun(body))
        return (child, monitor)
    }

    /// `spawn(from:tie:_:)` made but not started (`Runtime.makeUnstarted`):
    /// its maker runs its first steps itself.
    public static func makeUnstarted(from parent: ErlangProcess, tie: Tie, _ body: Body)
        -> (process: ErlangProcess, monitor: Ref?) {
        let runtime = parent.runtime
        switch tie {
        case .none:
            return runtime.makeUnstarted(initialCall: ProcLib.initialCall, prepare: body.enter)
        case .link:
            return runtime.makeUnstarted(linkTo: parent, initialCall: ProcLib.initialCall, prepare: body.enter)
        case .monitor:
            return runtime.makeUnstarted(monitoredBy: parent, initialCall: ProcLib.initialCall, prepare: body.enter)
        }
    }

    /// `{proc_lib, init_p, 5}`: every proc_lib process's initial call.
    static let initialCall: Term = .tuple([.atom(OTPAtom.procLib), .atom(Atom("init_p")), .int(5)])

    /// Whether `process` was started by proc_lib (its initial call is
    /// `proc_lib:init_p/5`). Such a process reports its own crash (a
    /// `CRASH REPORT`, see `Body.exited`) and, as in erl, gets no emulator
    /// `Error in process` report on top.
    public static func isProcLibProcess(_ process: ErlangProcess) -> Bool {
        process.initialCall == initialCall
    }

    /// The `'$ancestors'` of a process `parent` starts: `parent` (its
    /// registered name, if any) followed by `parent`'s own ancestors.
    public static func ancestors(of parent: ErlangProcess) -> Term {
        let nearest = parent.registeredName.map(Term.atom) ?? .pid(parent.pid)
        // The parent's own list is the tail, shared (no list is rebuilt per
        // spawn); as in proc_lib, anything but a list counts as none.
        guard let inherited = parent.get(.atom(OTPAtom.ancestorsKey)), inherited.isList else {
            return .cons(nearest, .nil)
        }
        return .cons(nearest, inherited)
    }

    /// What a proc_lib process runs. A subclass's `call` brackets its work
    /// with `enter` and `exited`. The process runs it as its fun directly,
    /// so an idle server waits with no closure frames below its own
    /// (memory per idle process is mostly its suspended frames).
    open class Body: FunBody, @unchecked Sendable {
        // @unchecked: immutable; subclasses hold immutable values.
        let initialCall: Term
        let ancestors: Term

        /// A body whose process has `initialCall` and `ancestors`.
        public init(initialCall: Term, ancestors: Term) {
            self.initialCall = initialCall
            self.ancestors = ancestors
        }

        /// proc_lib's start of the process: `'$initial_call'` and
        /// `'$ancestors'` in its dictionary. `ProcLib.spawn` and
        /// `spawnOnCallerTask` do it before the process first runs.
        public func enter(_ child: ErlangProcess) {
            child.startDictionary(with: [(.atom(OTPAtom.initialCallKey), initialCall), (.atom(OTPAtom.ancestorsKey), ancestors)])
        }

        /// The process is ending with `error`: writes the crash report,
        /// unless it is a quiet exit (`normal`, `shutdown`, ...).
        public func exited(_ child: ErlangProcess, _ error: any Error) {
            // An idle server giving up its task (`ProcessWaitsWithoutTask`)
            // ends here all the time: told by identity, then the exact type,
            // since `as?` is a `swift_dynamicCast`. (`ErlangException` is a
            // struct: no other type could pass the cast.)
            guard !ProcessWaitsWithoutTask.isThrown(error), type(of: error) == ErlangException.self,
                  let exception = error as? ErlangException,
                  !(exception.kind == .exit && OrderlyExit.isOrderly(exception.reason)) else { return }
            ProcLib.writeCrashReport(child, exception)
        }
    }

    /// A proc_lib process running a Swift closure.
    final class ClosureBody: Body, @unchecked Sendable {
        private let body: @Sendable (ErlangProcess) async throws -> Void

        init(initialCall: Term, ancestors: Term, _ body: @escaping @Sendable (ErlangProcess) async throws -> Void) {
            self.body = body
            super.init(initialCall: initialCall, ancestors: ancestors)
        }

        override func call(_ child: ErlangProcess, _ args: [Term]) async throws -> Term {
            do {
                try await body(child)
            } catch {
                exited(child, error)
                throw error
            }
            return .ok
        }
    }

    /// Tells the parent that the child has started (`proc_lib:init_ack/2`):
    /// sends `{ack, Self, Value}`, or hands `Value` to a parent running the
    /// child's start on its own task (`ErlangProcess.deliverStartAck`).
    public static func initAck(_ child: ErlangProcess, to parent: Pid, _ value: Term) {
        child.runtime.process(parent)?.deliverStartAck(value, from: child.pid) {
            .tuple([.atom(OTPAtom.ack), .pid(child.pid), value])
        }
    }

    /// Waits for `child`'s acknowledgement and returns its value. Mirrors
    /// `proc_lib:sync_start/2`: a linked child's `'EXIT'` (when the parent
    /// traps exits) gives `{error, Reason}`; no answer within `timeout`
    /// kills the child and gives `{error, timeout}`.
    /// The first `skipping` messages (queued before the spawn) are not scanned.
    /// A child started on the parent's task has usually acknowledged into
    /// the parent's answer slot already (`spawnOnCallerTask`).
    public static func syncStart(_ parent: ErlangProcess, child: Pid, linked: Bool,
                                 timeout: ErlangProcess.ReceiveTimeout, skipping: Int = 0) async throws -> Term {
        if let acknowledged = parent.takeStartAck(from: child) { return acknowledged }
        let answer = try await parent.receive(timeout: timeout, skipping: skipping) { message -> Term? in
            guard case .tuple(let e) = message, e.count == 3, case .atom(let tag) = e[0],
                  e[1] == .pid(child) else { return nil }
            if tag == OTPAtom.ack { return e[2] }
            if tag == .EXIT, linked { return .tuple([.atom(.error), e[2]]) }
            return nil
        }
        if let answer { return answer }
        parent.unlink(from: child)
        parent.runtime.sendExitSignal(from: parent.pid, to: child, reason: .atom(.kill))
        _ = try await parent.receive(timeout: .milliseconds(0)) { message -> Bool? in
            guard case .tuple(let e) = message, e.count == 3, e[0] == .atom(.EXIT), e[1] == .pid(child) else {
                return nil
            }
            return true
        }
        return .tuple([.atom(.error), .atom(.timeout)])
    }
}
