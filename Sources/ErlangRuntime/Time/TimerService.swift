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
    @exclusivity(unchecked) private var heap: [ServiceTimer] = []
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
        let delay = UInt64(max(0, min(milliseconds, Int64(Int32.max) * 1000))) &* 1_000_000
        let deadline = Self.now() &+ delay
        pthread_mutex_lock(mutex)
        sequence &+= 1
        let timer = ServiceTimer(deadline: deadline, sequence: sequence, action: action, service: self)
        push(timer)
        let signal = deadline < wakeAt
        if signal { wakeAt = 0 }
        if !threadStarted {
            threadStarted = true
            startThread()
        }
        pthread_mutex_unlock(mutex)
        if signal { pthread_cond_signal(condition) }
        return timer
    }

    /// Takes a cancelled timer out of the heap (if it is still there).
    func remove(_ timer: ServiceTimer) {
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
                pthread_mutex_unlock(mutex)
                first.fire()
                pthread_mutex_lock(mutex)
                continue
            }
            var until = timespec(tv_sec: Int(first.deadline / 1_000_000_000), tv_nsec: Int(first.deadline % 1_000_000_000))
            wakeAt = first.deadline
            pthread_cond_timedwait(condition, mutex, &until)
            wakeAt = 0
        }
    }

    private func push(_ timer: ServiceTimer) {
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

/// One timer of a `TimerService`.
final class ServiceTimer: TimerHandle, @unchecked Sendable {
    // @unchecked: `heapIndex` is only touched with the service's mutex held.
    let state = TimerState()
    /// When it fires, on the monotonic clock, in nanoseconds.
    let deadline: UInt64
    /// FIFO order among equal deadlines.
    let sequence: UInt64
    /// Where the timer is in the service's heap; -1 once out of it.
    @exclusivity(unchecked) var heapIndex = -1
    private let action: @Sendable () -> Void
    private unowned(unsafe) let service: TimerService
    // unowned(unsafe): the service's thread holds it for ever (it is never
    // deallocated once a timer exists), so it outlives every timer.

    init(deadline: UInt64, sequence: UInt64, action: @escaping @Sendable () -> Void, service: TimerService) {
        self.deadline = deadline
        self.sequence = sequence
        self.action = action
        self.service = service
    }

    /// Whether this timer comes before `other`.
    func precedes(_ other: ServiceTimer) -> Bool {
        deadline != other.deadline ? deadline < other.deadline : sequence < other.sequence
    }

    /// Runs the action unless the timer was cancelled first.
    func fire() { if state.claim() { action() } }

    @discardableResult func cancel() -> Bool {
        guard state.claim() else { return false }
        service.remove(self)
        return true
    }
}
