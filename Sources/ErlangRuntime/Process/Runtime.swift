import ErlangTerms
import Synchronization

/// One Erlang node's worth of runtime: the process table, the registry,
/// the loaded modules, the clock and the output. Mirrors a non-distributed
/// BEAM node. Nothing in Swerl is global but the atom table: several
/// runtimes can live side by side (each test makes its own).
///
/// Split: this file creates and finds processes; `Runtime+Registry` holds
/// registered names; `Runtime+Exit` is what happens when a process ends.
public final class Runtime: Sendable {
    /// The loaded modules.
    public let modules: ModuleTable
    /// The source of time for timers and receive timeouts.
    public let clock: any RuntimeClock
    /// Where `io` output, prompts and reports go.
    public let output: any OutputSink
    /// Counts runnable processes, so the shell can wait for quiet.
    public let activity = ActivityMonitor()

    /// Called after a process exits abnormally (for crash reports). Set once,
    /// before processes start.
    public let crashHandlers = Mutex<[@Sendable (_ pid: Pid, _ reason: Term, _ process: ErlangProcess) -> Void]>([])

    struct Table {
        var processes: [Pid: ErlangProcess] = [:]
        var names: [Atom: Pid] = [:]
        var nextSerial: UInt64
    }

    let table: Mutex<Table>
    private let nextRef = Atomic<UInt64>(1)
    private let nextFun = Atomic<UInt64>(1)

    /// A runtime whose first pid is `<0.firstSerial.0>`.
    public init(clock: any RuntimeClock = SystemClock(), output: any OutputSink = StandardOutput(),
                modules: ModuleTable = ModuleTable(), firstSerial: UInt64 = 80) {
        self.clock = clock
        self.output = output
        self.modules = modules
        self.table = Mutex(Table(nextSerial: firstSerial))
    }

    /// The live process with `pid`, if any.
    public func process(_ pid: Pid) -> ErlangProcess? {
        table.withLock { $0.processes[pid] }
    }

    /// The pids of all live processes, in creation order.
    public var processPids: [Pid] {
        table.withLock { Array($0.processes.keys) }.sorted()
    }

    /// The number of live processes.
    public var processCount: Int { table.withLock { $0.processes.count } }

    /// A new unique reference (`make_ref/0`).
    public func makeRef() -> Ref {
        Ref(id: nextRef.add(1, ordering: .relaxed).newValue)
    }

    /// A new number for `Fun.identity`, unique in this runtime.
    public func makeFunIdentity() -> UInt64 {
        nextFun.add(1, ordering: .relaxed).newValue
    }

    /// Starts a process running `body`; links it to `linkTo` first when
    /// given (`spawn_link`), so no exit can be missed. The body's return
    /// value is ignored; the exit reason is `normal` when it returns, the
    /// reason of an `exit` exception, or `{Reason, Stack}` for an error.
    @discardableResult
    public func spawn(linkTo parent: ErlangProcess? = nil,
                      _ body: @escaping @Sendable (ErlangProcess) async throws -> Void) -> ErlangProcess {
        let process = table.withLock { t -> ErlangProcess in
            let pid = Pid(serial: t.nextSerial)
            t.nextSerial += 1
            let process = ErlangProcess(pid: pid, runtime: self)
            t.processes[pid] = process
            return process
        }
        if let parent {
            parent.shared.withLock { _ = $0.links.insert(process.pid) }
            process.shared.withLock { _ = $0.links.insert(parent.pid) }
        }
        activity.wake()
        Task {
            let reason: Term
            do {
                try await body(process)
                reason = .atom(.normal)
            } catch let exit as ProcessExit {
                reason = exit.reason
            } catch let exception as ErlangException {
                reason = Runtime.exitReason(of: exception)
            } catch {
                reason = .tuple([.atom("swift_error"), .string(String(describing: error))])
            }
            self.finish(process, reason: reason)
        }
        return process
    }

    /// The exit reason a process gets from an uncaught exception:
    /// `exit(R)` gives `R`; `error(R)` gives `{R, Stack}`;
    /// `throw(V)` gives `{{nocatch, V}, Stack}`.
    public static func exitReason(of exception: ErlangException) -> Term {
        switch exception.kind {
        case .exit: return exception.reason
        case .error: return .tuple([exception.reason, .list(exception.stacktrace)])
        case .throw: return .tuple([.tuple([.atom("nocatch"), exception.reason]), .list(exception.stacktrace)])
        }
    }

    /// Sends `message` to `pid` (`Pid ! Msg`). Sending to a dead pid is not an error.
    public func send(_ message: Term, to pid: Pid) {
        process(pid)?.deliver(message)
    }

    /// Sends an exit signal from `sender` to `target` (`exit(Pid, Reason)`).
    public func sendExitSignal(from sender: Pid, to target: Pid, reason: Term) {
        process(target)?.receiveExitSignal(from: sender, reason: reason, fromLink: false)
    }

    /// Ends `process` with `reason`: notifies links and monitors, frees its name.
    func finish(_ process: ErlangProcess, reason: Term) {
        defer { activity.sleep() }
        guard let notify = process.markExited(reason) else { return }
        table.withLock { t in
            t.processes[process.pid] = nil
            if let name = notify.name, t.names[name] == process.pid { t.names[name] = nil }
        }
        for (ref, target) in notify.monitors {
            self.process(target)?.shared.withLock { _ = $0.monitoredBy.removeValue(forKey: ref) }
        }
        for linked in notify.links {
            self.process(linked)?.receiveExitSignal(from: process.pid, reason: reason, fromLink: true)
        }
        for (ref, watcher) in notify.monitoredBy {
            send(.tuple([.atom(.DOWN), .ref(ref), .atom(.process), .pid(process.pid), reason]), to: watcher)
        }
        if !Runtime.isQuietExit(reason) {
            for handler in crashHandlers.withLock({ $0 }) { handler(process.pid, reason, process) }
        }
    }

    /// Whether an exit reason is one that produces no crash report.
    public static func isQuietExit(_ reason: Term) -> Bool {
        if case .atom(let a) = reason { return a == .normal || a == .killed || a == Atom("shutdown") }
        if case .tuple(let e) = reason, e.count == 2, case .atom(let a) = e[0], a == Atom("shutdown") { return true }
        return false
    }
}
