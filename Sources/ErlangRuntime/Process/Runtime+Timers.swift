import ErlangTerms

/// One pending timer of `erlang:send_after/3`, `start_timer/3` and the
/// `timer` module, kept so it can be read and cancelled by reference.
struct RuntimeTimer {
    /// When it fires next, on the runtime's clock (milliseconds).
    var deadline: Int64
    /// The process the timer's message is for: a pid destination's timer
    /// ends with that process, as in erl.
    let target: Pid?
    /// The clock's handle; `nil` until `schedule` has returned.
    var handle: (any TimerHandle)?
}

/// Timers that fire an action at a time on the runtime's clock and can be
/// read (`erlang:read_timer/1`) and cancelled (`erlang:cancel_timer/1`) by
/// reference. Mirrors BEAM's timer service.
///
/// The table entry is the single source of truth: firing, cancelling and
/// reading each take the entry out (or look at it) under the lock, so a
/// timer fires at most once and never after a cancel that succeeded.
extension Runtime {
    /// Runs `action` with the timer's reference after `milliseconds` (at
    /// once, before returning, when `milliseconds <= 0`) and returns that
    /// reference. `target` names the process the timer is for; the timer
    /// counts as gone once that process has exited.
    @discardableResult
    public func startTimer(after milliseconds: Int64, for target: Pid? = nil,
                           _ action: @escaping @Sendable (Ref) -> Void) -> Ref {
        let ref = makeRef()
        guard milliseconds > 0 else {
            action(ref)
            return ref
        }
        let deadline = clock.nowMilliseconds() &+ milliseconds
        timers.withLock { $0[ref] = RuntimeTimer(deadline: deadline, target: target, handle: nil) }
        let handle = clock.schedule(after: milliseconds) { [weak self] in
            guard let self, self.timers.withLock({ $0.removeValue(forKey: ref) }) != nil else { return }
            action(ref)
        }
        let pending = timers.withLock { t -> Bool in
            guard t[ref] != nil else { return false }
            t[ref]?.handle = handle
            return true
        }
        if !pending { handle.cancel() }
        return ref
    }

    /// Runs `action` every `milliseconds` (at least 1) until the timer is
    /// cancelled or the process `owner` has exited, and returns the timer's
    /// reference, which stays the same across its firings (`cancelTimer`
    /// stops it). Mirrors the interval timers of OTP's `timer` server, which
    /// end when the process they watch goes down (checked as each one falls due).
    @discardableResult
    public func startIntervalTimer(every milliseconds: Int64, owner: Pid?,
                                   _ action: @escaping @Sendable () -> Void) -> Ref {
        let ref = makeRef()
        let period = max(1, milliseconds)
        timers.withLock { $0[ref] = RuntimeTimer(deadline: clock.nowMilliseconds() &+ period, target: owner, handle: nil) }
        scheduleInterval(ref, period: period, owner: owner, action)
        return ref
    }

    /// Schedules the next firing of the interval `ref`, unless it was
    /// cancelled meanwhile (the table entry decides, under its lock).
    private func scheduleInterval(_ ref: Ref, period: Int64, owner: Pid?,
                                  _ action: @escaping @Sendable () -> Void) {
        let handle = clock.schedule(after: period) { [weak self] in
            guard let self else { return }
            let now = self.clock.nowMilliseconds()
            let ownerGone = owner.map { self.process($0) == nil } ?? false
            let due = self.timers.withLock { t -> Bool in
                guard t[ref] != nil else { return false }
                if ownerGone {
                    t[ref] = nil
                    return false
                }
                t[ref]?.handle = nil
                t[ref]?.deadline = now &+ period
                return true
            }
            guard due else { return }
            action()
            self.scheduleInterval(ref, period: period, owner: owner, action)
        }
        let pending = timers.withLock { t -> Bool in
            guard t[ref] != nil else { return false }
            t[ref]?.handle = handle
            return true
        }
        if !pending { handle.cancel() }
    }

    /// Cancels the timer `ref`; returns the milliseconds it had left, or
    /// `nil` when it already fired, was cancelled or never existed
    /// (`erlang:cancel_timer/1` gives `false` then).
    public func cancelTimer(_ ref: Ref) -> Int64? {
        guard let timer = timers.withLock({ $0.removeValue(forKey: ref) }) else { return nil }
        timer.handle?.cancel()
        return remaining(timer)
    }

    /// The milliseconds left on the timer `ref`, or `nil` when it is not
    /// pending (`erlang:read_timer/1`).
    public func readTimer(_ ref: Ref) -> Int64? {
        guard let timer = timers.withLock({ $0[ref] }) else { return nil }
        guard let left = remaining(timer) else {
            _ = cancelTimer(ref)
            return nil
        }
        return left
    }

    /// The number of pending timers.
    public var pendingTimerCount: Int { timers.withLock { $0.count } }

    private func remaining(_ timer: RuntimeTimer) -> Int64? {
        if let target = timer.target, process(target) == nil { return nil }
        return max(0, timer.deadline - clock.nowMilliseconds())
    }
}
