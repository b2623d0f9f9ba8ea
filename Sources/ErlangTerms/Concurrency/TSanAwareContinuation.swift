#if SWERL_TSAN_LOCKS
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
#endif

/// `withUnsafeContinuation`, plus (in TSan builds only) the happens-before
/// edge the Swift runtime leaves out for ThreadSanitizer.
///
/// A continuation handed to another thread inside `body` may be resumed
/// before the task has finished suspending; the task then goes on on its
/// own thread, ordered after the resume by the runtime's atomics
/// (`swift_continuation_await` sees `Resumed` with an acquire), but the
/// runtime (not instrumented) tells TSan only about the resumer's release
/// (`_swift_tsan_release(task)`), not about that acquire. TSan then reports
/// the resumer's read of the continuation, and everything the task was
/// handed, as racing with the task's next writes. Built with
/// `-DSWERL_TSAN_LOCKS`, this acquires the task after the await, as the
/// runtime does when it runs an enqueued task; otherwise it is exactly
/// `withUnsafeContinuation`. Swift host plumbing, no OTP counterpart.
@inlinable @inline(__always)
public func withTSanAwareContinuation<T>(
    isolation: isolated (any Actor)? = #isolation,
    _ body: (UnsafeContinuation<T, Never>) -> Void
) async -> sending T {
    let value = await withUnsafeContinuation(isolation: isolation, body)
    #if SWERL_TSAN_LOCKS
    TSanTaskEdge.acquireCurrentTask()
    #endif
    return value
}

/// `withCheckedContinuation` with the same TSan edge as
/// `withTSanAwareContinuation(_:)`.
@inlinable @inline(__always)
public func withTSanAwareCheckedContinuation<T>(
    isolation: isolated (any Actor)? = #isolation,
    function: String = #function,
    _ body: (CheckedContinuation<T, Never>) -> Void
) async -> sending T {
    let value = await withCheckedContinuation(isolation: isolation, function: function, body)
    #if SWERL_TSAN_LOCKS
    TSanTaskEdge.acquireCurrentTask()
    #endif
    return value
}

#if SWERL_TSAN_LOCKS
/// ThreadSanitizer's `__tsan_acquire`, looked up at run time as the Swift
/// runtime looks up `__tsan_release` (absent without TSan: then a no-op).
public enum TSanTaskEdge {
    private typealias Acquire = @convention(c) (UnsafeMutableRawPointer?) -> Void

    private static let acquire: Acquire? = {
        #if canImport(Darwin)
        let everywhere = UnsafeMutableRawPointer(bitPattern: -2)  // RTLD_DEFAULT
        #else
        let everywhere: UnsafeMutableRawPointer? = nil  // RTLD_DEFAULT
        #endif
        guard let symbol = dlsym(everywhere, "__tsan_acquire") else { return nil }
        return unsafeBitCast(symbol, to: Acquire.self)
    }()

    /// Acquires the current task's address, which the runtime releases
    /// when it resumes the task's continuation.
    public static func acquireCurrentTask() {
        guard let acquire else { return }
        withUnsafeCurrentTask { task in
            guard let task else { return }
            acquire(unsafeBitCast(task, to: UnsafeMutableRawPointer.self))
        }
    }
}
#endif
