#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The timers of a `SystemClock`: one thread sleeping until the earliest
/// deadline of a min-heap. Scheduling a timer is a lock, a heap push and,
/// only when the new deadline is the earliest, a signal. Each timer knows
/// its place in the heap, so cancelling a one-shot timer removes it at
/// once: O(log n) under the lock. A process's restartable receive timer
/// is moved lazily instead (see `start`): its entry may wait in the heap,
/// due early or stopped, one per process at most. (It replaced a
/// sleeping Swift task per timer, which made every `gen_server:call`,
/// whose 5 s timeout is almost always cancelled, create and cancel a task
/// on the global executor; and later a heap that kept cancelled timers
/// until it was rebuilt, which cost a filter and a re-push per cancel.)
final class TimerService: @unchecked Sendable {
    // @unchecked: `heap`, every timer's `heapIndex` and `threadStarted` are
    // only touched with `mutex` held; the pthread mutex and condition
    // variable are initialised once in `init` and never moved (they live
    // in this heap-allocated object's fixed storage, reached through
    // pointers).
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    @exclusivity(unchecked) private var heap: [HeapTimer] = []
    @exclusivity(unchecked) private var sequence: UInt64 = 0
    private var threadStarted = false
    /// When the timer thread will wake by itself: the deadline it sleeps
    /// until, `.max` when it sleeps with no timers, 0 while it runs (it
    /// looks at the heap again before it sleeps). A new timer signals the
    /// thread only when it is due before that: the timeout of every
    /// `gen_server:call` is cancelled long before it is due, and waking
    /// the thread for each would cost a context switch per call.
    @exclusivity(unchecked) private var wakeAt: UInt64 = 0

    /// A service whose thread starts with its first timer. With
    /// `runsThread: false` (tests) no thread starts and nothing fires until
    /// `fireDue(now:)` is called.
    init(runsThread: Bool = true) {
        threadStarted = !runsThread
        pthread_mutex_init(mutex, nil)
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        #if canImport(Glibc)
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        #endif
        pthread_cond_init(condition, &attributes)
        pthread_condattr_destroy(&attributes)
    }

    /// Now on the monotonic clock, in nanoseconds.
    static func now() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
    }

    /// Runs `action` on the timer thread after `milliseconds`.
    func schedule(after milliseconds: Int64, _ action: @escaping @Sendable () -> Void) -> any TimerHandle {
        let timer = ServiceTimer(action: action, service: self)
        start(timer, after: milliseconds, generation: 0)
        return timer
    }

    /// A timer that is started many times without allocating.
    func makeRestartableTimer(_ action: @escaping @Sendable (UInt64) -> Void) -> RestartableServiceTimer {
        RestartableServiceTimer(action: action, service: self)
    }

    /// Puts `timer` in the heap, due in `milliseconds` (moving it when it
    /// is there already and due later).
    ///
    /// A restartable timer already in the heap and due no later than the
    /// new deadline stays where it is: only the deadline it is wanted at
    /// changes, and when its entry comes up early the timer thread puts it
    /// back at that deadline (`run`). A process restarts its timer for
    /// every `gen_server:call` with the same 5 s timeout, so most restarts
    /// are one store under the lock instead of a heap removal and push.
    func start(_ timer: HeapTimer, after milliseconds: Int64, generation: UInt64) {
        let delay = UInt64(max(0, min(milliseconds, Int64(Int32.max) * 1000))) &* 1_000_000
        let deadline = Self.now() &+ delay
        pthread_mutex_lock(mutex)
        timer.generation = generation
        timer.wanted = deadline
        if timer.heapIndex >= 0 {
            if timer.isRestartable && timer.deadline <= deadline {
                pthread_mutex_unlock(mutex)
                return
            }
            remove(at: timer.heapIndex)
        }
        sequence &+= 1
        timer.deadline = deadline
        timer.sequence = sequence
        push(timer)
        let signal = deadline < wakeAt
        if signal { wakeAt = 0 }
        if !threadStarted {
            threadStarted = true
            startThread()
        }
        pthread_mutex_unlock(mutex)
        if signal { pthread_cond_signal(condition) }
    }

    /// Stops a restartable timer: it no longer fires. Its heap entry, if
    /// any, is left for the timer thread to drop when it comes up (or for
    /// the next start to reuse), so stopping costs no heap work.
    func stop(_ timer: HeapTimer) {
        pthread_mutex_lock(mutex)
        timer.wanted = 0
        pthread_mutex_unlock(mutex)
    }

    /// Takes a cancelled or stopped timer out of the heap (if it is still there).
    func remove(_ timer: HeapTimer) {
        pthread_mutex_lock(mutex)
        let index = timer.heapIndex
        if index >= 0 { remove(at: index) }
        pthread_mutex_unlock(mutex)
    }

    /// The timers that will fire if nothing stops them (for tests): the
    /// heap's entries less those of stopped restartable timers.
    var pendingCount: Int {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return heap.count { $0.wanted != 0 }
    }

    /// The entries in the heap, stopped restartable timers included (for tests).
    var heapCount: Int {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return heap.count
    }

    private func startThread() {
        let context = Unmanaged.passRetained(self).toOpaque()
        var thread = pthread_t()
        let started = pthread_create(&thread, nil, { context in
            guard let context else { return nil }
            Unmanaged<TimerService>.fromOpaque(context).takeUnretainedValue().run()
            return nil
        }, context)
        if started == 0 { pthread_detach(thread) }
    }

    /// The timer thread: fire what is due, then sleep until the next deadline.
    private func run() {
        pthread_mutex_lock(mutex)
        while true {
            if let (due, generation) = takeDue(now: Self.now()) {
                pthread_mutex_unlock(mutex)
                due.fire(generation: generation)
                pthread_mutex_lock(mutex)
                continue
            }
            guard let first = heap.first else {
                wakeAt = .max
                pthread_cond_wait(condition, mutex)
                wakeAt = 0
                continue
            }
            var until = timespec(tv_sec: Int(first.deadline / 1_000_000_000), tv_nsec: Int(first.deadline % 1_000_000_000))
            wakeAt = first.deadline
            pthread_cond_timedwait(condition, mutex, &until)
            wakeAt = 0
        }
    }

    /// Takes the first timer due at `now` out of the heap, with the
    /// generation to fire it with; `nil` when nothing is due. Entries of
    /// stopped restartable timers are dropped on the way, and those of
    /// timers restarted for later go back in at their new deadline.
    /// Call with `mutex` held.
    private func takeDue(now: UInt64) -> (HeapTimer, UInt64)? {
        while let first = heap.first, first.deadline <= now {
            remove(at: 0)
            if first.wanted == 0 { continue }
            if first.wanted > now {
                sequence &+= 1
                first.deadline = first.wanted
                first.sequence = sequence
                push(first)
                continue
            }
            first.wanted = 0
            return (first, first.generation)
        }
        return nil
    }

    /// Fires, on the calling thread, every timer due at `now` (nanoseconds
    /// on the monotonic clock). For tests of a service made with
    /// `runsThread: false`, which have no timer thread to do it.
    func fireDue(now: UInt64) {
        while true {
            pthread_mutex_lock(mutex)
            let due = takeDue(now: now)
            pthread_mutex_unlock(mutex)
            guard let (timer, generation) = due else { return }
            timer.fire(generation: generation)
        }
    }

    private func push(_ timer: HeapTimer) {
        timer.heapIndex = heap.count
        heap.append(timer)
        siftUp(heap.count - 1)
    }

    /// Removes the timer at `index`, moving the last one into its place.
    private func remove(at index: Int) {
        heap[index].heapIndex = -1
        let last = heap.count - 1
        if index != last {
            heap.swapAt(index, last)
            heap[index].heapIndex = index
        }
        heap.removeLast()
        if index < heap.count {
            let moved = heap[index]
            siftUp(index)
            siftDown(moved.heapIndex)
        }
    }

    private func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].precedes(heap[parent]) else { break }
            swap(child, parent)
            child = parent
        }
    }

    private func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1, right = left + 1
            var best = parent
            if left < heap.count, heap[left].precedes(heap[best]) { best = left }
            if right < heap.count, heap[right].precedes(heap[best]) { best = right }
            if best == parent { return }
            swap(parent, best)
            parent = best
        }
    }

    private func swap(_ i: Int, _ j: Int) {
        heap.swapAt(i, j)
        heap[i].heapIndex = i
        heap[j].heapIndex = j
    }
}

/// A timer in a `TimerService`'s heap: a one-shot `ServiceTimer` or a
/// `RestartableServiceTimer`.
class HeapTimer: @unchecked Sendable {
    // @unchecked: every `var` is only touched with the service's mutex held.
    /// When it fires, on the monotonic clock, in nanoseconds.
    @exclusivity(unchecked) final var deadline: UInt64 = 0
    /// FIFO order among equal deadlines.
    @exclusivity(unchecked) final var sequence: UInt64 = 0
    /// Which start of the timer is pending (restartable timers).
    @exclusivity(unchecked) final var generation: UInt64 = 0
    /// When the timer should fire: `deadline` for a one-shot timer; for a
    /// restartable one, its latest start's deadline (its heap entry may be
    /// due earlier), or 0 once stopped or fired.
    @exclusivity(unchecked) final var wanted: UInt64 = 0
    /// Where the timer is in the service's heap; -1 once out of it.
    @exclusivity(unchecked) final var heapIndex = -1
    final unowned(unsafe) let service: TimerService
    // unowned(unsafe): the service's thread holds it for ever (it is never
    // deallocated once a timer exists), so it outlives every timer.

    /// Whether the timer is restarted in place (its entry may stay in the
    /// heap, due early, while it is stopped or wanted later).
    final let isRestartable: Bool

    init(service: TimerService, isRestartable: Bool) {
        self.service = service
        self.isRestartable = isRestartable
    }

    /// Whether this timer comes before `other`.
    final func precedes(_ other: HeapTimer) -> Bool {
        deadline != other.deadline ? deadline < other.deadline : sequence < other.sequence
    }

    /// Runs the timer's action for the start numbered `generation`
    /// (called on the timer thread, without the mutex).
    func fire(generation: UInt64) {}
}

/// One one-shot timer of a `TimerService`.
final class ServiceTimer: HeapTimer, TimerHandle, @unchecked Sendable {
    let state = TimerState()
    private let action: @Sendable () -> Void

    init(action: @escaping @Sendable () -> Void, service: TimerService) {
        self.action = action
        super.init(service: service, isRestartable: false)
    }

    /// Runs the action unless the timer was cancelled first.
    override func fire(generation: UInt64) { if state.claim() { action() } }

    @discardableResult func cancel() -> Bool {
        guard state.claim() else { return false }
        service.remove(self)
        return true
    }
}

/// A timer of a `TimerService` that is started many times, with nothing
/// allocated: a start moves its heap entry only when the new deadline is
/// earlier than the entry's, and a stop leaves the entry for the timer
/// thread to drop.
final class RestartableServiceTimer: HeapTimer, RestartableTimer, @unchecked Sendable {
    private let action: @Sendable (UInt64) -> Void

    init(action: @escaping @Sendable (UInt64) -> Void, service: TimerService) {
        self.action = action
        super.init(service: service, isRestartable: true)
    }

    override func fire(generation: UInt64) { action(generation) }

    func start(after milliseconds: Int64, generation: UInt64) {
        service.start(self, after: milliseconds, generation: generation)
    }

    func stop() { service.stop(self) }
}
