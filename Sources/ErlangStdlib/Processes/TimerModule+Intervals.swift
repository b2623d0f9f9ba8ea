import ErlangRuntime
import ErlangTerms

/// The `timer` functions that repeat or act on a process later:
/// `send_interval/2,3`, `apply_interval/4`, `exit_after/2,3`,
/// `kill_after/1,2`, and `hms/3`. Mirrors timer.erl (OTP 25).
///
/// An interval gives `{ok, {interval, Ref}}` and runs on the runtime's
/// interval timers; like the timer server, it watches a process and ends
/// when that process does: the destination pid for `send_interval/3`, the
/// caller for `apply_interval/4`. `timer:cancel/1` stops it.
extension TimerModule {
    static let intervals: FunctionTable = [
        bif("send_interval", 2, { p, a in sendInterval(p, a[0], .pid(p.pid), a[1]) }),
        bif("send_interval", 3, { p, a in sendInterval(p, a[0], a[1], a[2]) }),
        bif("apply_interval", 4, { p, a in
            guard let time = validTime(a[0]), case .atom(let module) = a[1], case .atom(let function) = a[2],
                  let args = a[3].listElements else { return badargResult }
            let runtime = p.runtime
            let ref = runtime.startIntervalTimer(every: time, owner: p.pid) {
                runtime.spawn(initialCall: .tuple([a[1], a[2], .int(args.count)])) { child in
                    _ = try await child.apply(module: module, function: function, args)
                }
            }
            return intervalReference(ref)
        }),
        bif("exit_after", 2, { p, a in exitAfter(p, a[0], .pid(p.pid), a[1]) }),
        bif("exit_after", 3, { p, a in exitAfter(p, a[0], a[1], a[2]) }),
        bif("kill_after", 1, { p, a in exitAfter(p, a[0], .pid(p.pid), .atom("kill")) }),
        bif("kill_after", 2, { p, a in exitAfter(p, a[0], a[1], .atom("kill")) }),
        bif("hms", 3, { _, a in
            // hours(H) + minutes(M) + seconds(S), each failing in its own frame below hms's.
            let hms = StdlibError.sourceFrame("timer", "hms", .int(3), line: 309)
            do {
                let hours = try scaled(a[0], by: 3_600_000, "hours", line: 301)
                let minutes = try scaled(a[1], by: 60_000, "minutes", line: 295)
                let seconds = try scaled(a[2], by: 1000, "seconds", line: 289)
                return try Arithmetic.add(try Arithmetic.add(hours, minutes), seconds)
            } catch let exception as ErlangException {
                throw exception.calledFrom(hms)
            }
        }),
    ]

    /// `{ok, {interval, Ref}}`.
    static func intervalReference(_ ref: Ref) -> Term {
        .tuple([.ok, .tuple([.atom("interval"), .ref(ref)])])
    }

    /// `timer:send_interval(Time, Dest, Msg)`: `Msg` to `Dest` every `Time`
    /// milliseconds while the destination lives. A name is watched as the
    /// process it names now; an unregistered name ends the interval at once,
    /// as the timer server's monitor of it does.
    static func sendInterval(_ p: ErlangProcess, _ time: Term, _ dest: Term, _ message: Term) -> Term {
        guard let ms = validTime(time) else { return badargResult }
        let runtime = p.runtime
        switch dest {
        case .pid(let pid):
            return intervalReference(runtime.startIntervalTimer(every: ms, owner: pid) {
                runtime.send(message, to: pid)
            })
        case .atom(let name):
            guard let pid = runtime.whereis(name) else { return intervalReference(runtime.makeRef()) }
            return intervalReference(runtime.startIntervalTimer(every: ms, owner: pid) {
                _ = try? ProcessBIFs.send(process: p, dest: dest, message: message)
            })
        case .tuple(let e) where e.count == 2 && e[0].atomValue != nil && e[1].atomValue != nil:
            return intervalReference(runtime.startIntervalTimer(every: ms, owner: nil) {
                _ = try? ProcessBIFs.send(process: p, dest: dest, message: message)
            })
        case .int, .bigInt, .float, .tuple, .nil, .cons, .map, .binary, .ref, .fun:
            return badargResult
        }
    }

    /// `timer:exit_after(Time, Target, Reason)`: `apply_after(Time, erlang,
    /// exit, [Target, Reason])`, so the exit signal comes from a new process.
    static func exitAfter(_ p: ErlangProcess, _ time: Term, _ target: Term, _ reason: Term) -> Term {
        guard let ms = validTime(time) else { return badargResult }
        return onceTimer(p, after: ms) { runtime in
            runtime.spawn(initialCall: .tuple([.atom("erlang"), .atom("exit"), .int(2)])) { child in
                _ = try await child.apply(module: Atom("erlang"), function: Atom("exit"), [target, reason])
            }
        }
    }
}
