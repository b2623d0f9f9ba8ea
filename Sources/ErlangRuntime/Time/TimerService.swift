#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The timers of a `SystemClock`: one thread sleeping until the earliest
/// deadline of a min-heap. Scheduling a timer is a lock, a heap push and,
/// only when the new deadline is the earliest, a signal. Each timer knows
/// its place in the heap, so cancelling one removes it at once: O(log n)
/// under the lock, and the heap holds only live timers. (It replaced a
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

    init() {
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
    /// is there already).
    func start(_ timer: HeapTimer, after milliseconds: Int64, generation: UInt64) {
        let delay = UInt64(max(0, min(milliseconds, Int64(Int32.max) * 1000))) &* 1_000_000
        let deadline = Self.now() &+ delay
        pthread_mutex_lock(mutex)
        if timer.heapIndex >= 0 { remove(at: timer.heapIndex) }
        sequence &+= 1
        timer.deadline = deadline
        timer.sequence = sequence
        timer.generation = generation
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

    /// Takes a cancelled or stopped timer out of the heap (if it is still there).
    func remove(_ timer: HeapTimer) {
        pthread_mutex_lock(mutex)
        let index = timer.heapIndex
        if index >= 0 { remove(at: index) }
        pthread_mutex_unlock(mutex)
    }

    /// The timers waiting in the heap (for tests).
    var pendingCount: Int {
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
            guard let first = heap.first else {
                wakeAt = .max
                pthread_cond_wait(condition, mutex)
                wakeAt = 0
                continue
            }
            if first.deadline <= Self.now() {
                remove(at: 0)
                let generation = first.generation
                pthread_mutex_unlock(mutex)
                first.fire(generation: generation)
                pthread_mutex_lock(mutex)
                continue
            }
            var until = timespec(tv_sec: Int(first.deadline / 1_000_000_000), tv_nsec: Int(first.deadline % 1_000_000_000))
            wakeAt = first.deadline
            pthread_cond_timedwait(condition, mutex, &until)
            wakeAt = 0
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
    /// Where the timer is in the service's heap; -1 once out of it.
    @exclusivity(unchecked) final var heapIndex = -1
    final unowned(unsafe) let service: TimerService
    // unowned(unsafe): the service's thread holds it for ever (it is never
    // deallocated once a timer exists), so it outlives every timer.

    init(service: TimerService) {
        self.service = service
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
        super.init(service: service)
    }

    /// Runs the action unless the timer was cancelled first.
    override func fire(generation: UInt64) { if state.claim() { action() } }

    @discardableResult func cancel() -> Bool {
        guard state.claim() else { return false }
        service.remove(self)
        return true
    }
}

/// A timer of a `TimerService` that is started many times: starting and
/// stopping it is a heap push or removal, with nothing allocated.
final class RestartableServiceTimer: HeapTimer, RestartableTimer, @unchecked Sendable {
    private let action: @Sendable (UInt64) -> Void

    init(action: @escaping @Sendable (UInt64) -> Void, service: TimerService) {
        self.action = action
        super.init(service: service)
    }

    override func fire(generation: UInt64) { action(generation) }

    func start(after milliseconds: Int64, generation: UInt64) {
        service.start(self, after: milliseconds, generation: generation)
    }

    func stop() { service.remove(self) }
}
