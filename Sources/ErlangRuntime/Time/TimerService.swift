#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The timers of a `SystemClock`: one thread sleeping until the earliest
/// deadline of a min-heap. Scheduling a timer is a lock, a heap push and,
/// only when the new deadline is the earliest, a signal; cancelling is an
/// atomic flag. (It replaced a sleeping Swift task per timer, which made
/// every `gen_server:call`, whose 5 s timeout is almost always cancelled,
/// create and cancel a task on the global executor: about 5 µs of thread
/// wake-ups per call.)
///
/// Cancelled timers stay in the heap until they come up, or until they are
/// more than half of it, when the heap is rebuilt without them: memory
/// stays proportional to the live timers and each operation O(log n).
final class TimerService: @unchecked Sendable {
    // @unchecked: `heap`, `cancelled` and `threadStarted` are only touched
    // with `mutex` held; the pthread mutex and condition variable are
    // initialised once in `init` and never moved (they live in this
    // heap-allocated object's fixed storage, reached through pointers).
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var heap: [Entry] = []
    private var cancelled = 0
    private var sequence: UInt64 = 0
    private var threadStarted = false

    struct Entry {
        let deadline: UInt64        // CLOCK_MONOTONIC nanoseconds
        let sequence: UInt64        // FIFO among equal deadlines
        let timer: ServiceTimer
        func precedes(_ other: Entry) -> Bool {
            deadline != other.deadline ? deadline < other.deadline : sequence < other.sequence
        }
    }

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
        let delay = UInt64(max(0, min(milliseconds, Int64(Int32.max) * 1000))) &* 1_000_000
        pthread_mutex_lock(mutex)
        sequence &+= 1
        let entry = Entry(deadline: Self.now() &+ delay, sequence: sequence, timer: timer)
        push(entry)
        let isEarliest = heap[0].sequence == entry.sequence
        if !threadStarted {
            threadStarted = true
            startThread()
        }
        pthread_mutex_unlock(mutex)
        if isEarliest { pthread_cond_signal(condition) }
        return timer
    }

    /// Counts a cancellation; rebuilds the heap when most of it is cancelled.
    func noteCancelled() {
        pthread_mutex_lock(mutex)
        cancelled += 1
        if cancelled > 64 && cancelled * 2 > heap.count {
            let live = heap.filter { !$0.timer.state.isDone }
            heap = []
            for entry in live { push(entry) }
            cancelled = 0
        }
        pthread_mutex_unlock(mutex)
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
                pthread_cond_wait(condition, mutex)
                continue
            }
            if first.timer.state.isDone {
                _ = pop()
                cancelled = max(0, cancelled - 1)
                continue
            }
            let now = Self.now()
            if first.deadline <= now {
                _ = pop()
                pthread_mutex_unlock(mutex)
                first.timer.fire()
                pthread_mutex_lock(mutex)
                continue
            }
            var until = timespec(tv_sec: Int(first.deadline / 1_000_000_000), tv_nsec: Int(first.deadline % 1_000_000_000))
            pthread_cond_timedwait(condition, mutex, &until)
        }
    }

    private func push(_ entry: Entry) {
        heap.append(entry)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].precedes(heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private func pop() -> Entry {
        let top = heap[0]
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var best = parent
                if left < heap.count, heap[left].precedes(heap[best]) { best = left }
                if right < heap.count, heap[right].precedes(heap[best]) { best = right }
                if best == parent { break }
                heap.swapAt(parent, best)
                parent = best
            }
        }
        return top
    }
}

/// One timer of a `TimerService`.
final class ServiceTimer: TimerHandle {
    let state = TimerState()
    private let action: @Sendable () -> Void
    private unowned(unsafe) let service: TimerService
    // unowned(unsafe): the service's thread holds it for ever (it is never
    // deallocated once a timer exists), so it outlives every timer.

    init(action: @escaping @Sendable () -> Void, service: TimerService) {
        self.action = action
        self.service = service
    }

    /// Runs the action unless the timer was cancelled first.
    func fire() { if state.claim() { action() } }

    @discardableResult func cancel() -> Bool {
        guard state.claim() else { return false }
        service.noteCancelled()
        return true
    }
}
