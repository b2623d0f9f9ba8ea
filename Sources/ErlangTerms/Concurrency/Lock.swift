#if SWERL_TSAN_LOCKS
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
#else
import Synchronization
#endif

/// A value guarded by a mutual-exclusion lock: the one lock type Swerl's
/// code uses, with the API of `Synchronization.Mutex` (`withLock`).
///
/// Normally it is exactly a `Mutex` (no allocation, inlined). Built with
/// `-Xswiftc -DSWERL_TSAN_LOCKS` it is a heap-allocated `pthread_mutex_t`
/// instead, because ThreadSanitizer does not see `Mutex`'s futex-based
/// locking on Linux as synchronization and reports every critical section
/// as a data race; it does see pthread mutexes. `.ci/run` builds the
/// TSan test run with that flag. BEAM has no counterpart: it is host
/// plumbing.
public struct Lock<Value: ~Copyable>: ~Copyable {
    #if SWERL_TSAN_LOCKS
    /// The pthread mutex, on the heap so it never moves.
    @usableFromInline let mutex: UnsafeMutablePointer<pthread_mutex_t>
    /// The guarded value, on the heap so a borrowed lock can mutate it.
    @usableFromInline let value: UnsafeMutablePointer<Value>

    /// Creates a lock guarding `initialValue`. Mirrors `Mutex.init(_:)`.
    @inlinable
    public init(_ initialValue: consuming sending Value) {
        mutex = .allocate(capacity: 1)
        precondition(pthread_mutex_init(mutex, nil) == 0, "pthread_mutex_init failed")
        value = .allocate(capacity: 1)
        value.initialize(to: initialValue)
    }

    @inlinable
    deinit {
        value.deinitialize(count: 1)
        value.deallocate()
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` with exclusive access to the value. Mirrors `Mutex.withLock(_:)`.
    @inlinable @discardableResult
    public borrowing func withLock<Result: ~Copyable, E: Error>(
        _ body: (inout sending Value) throws(E) -> sending Result
    ) throws(E) -> sending Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value.pointee)
    }
    #else
    /// The standard library mutex that does the work.
    @usableFromInline let mutex: Mutex<Value>

    /// Creates a lock guarding `initialValue`. Mirrors `Mutex.init(_:)`.
    @inlinable @inline(__always)
    public init(_ initialValue: consuming sending Value) {
        mutex = Mutex(initialValue)
    }

    /// Runs `body` with exclusive access to the value. Mirrors `Mutex.withLock(_:)`.
    @inlinable @inline(__always) @discardableResult
    public borrowing func withLock<Result: ~Copyable, E: Error>(
        _ body: (inout sending Value) throws(E) -> sending Result
    ) throws(E) -> sending Result {
        try mutex.withLock(body)
    }
    #endif
}

// @unchecked: the value is only reached inside `withLock`, under the lock,
// exactly as `Mutex` (which is `Sendable` on the same condition).
extension Lock: @unchecked Sendable where Value: ~Copyable {}
