import ErlangRuntime
import ErlangTerms
import Testing

/// A process may build and drop terms nested far deeper than a default
/// thread stack could free recursively: tuples free their elements through
/// Swift's array, one native frame per level, so the scheduler's threads
/// have a large stack (`ProcessScheduler.Worker.stackBytes`).
///
/// Not under ThreadSanitizer (`scripts/test-tsan` defines
/// `SWERL_TSAN_LOCKS`): its own per-frame bookkeeping cannot follow a
/// native recursion this deep, and the test run hung in it.
#if !SWERL_TSAN_LOCKS
@Suite struct DeepTermReleaseTests {
    @Test(arguments: [300_000])
    func aDeeplyNestedTupleIsFreedInAProcess(depth: Int) async throws {
        let runtime = makeRuntime()
        let dropped = try await runtime.run { _ -> Bool in
            var term = Term.nil
            for level in 0..<depth { term = .tuple([.int(level), term]) }
            return term.tupleElements?.count == 2   // the whole chain is freed at once here
        }
        #expect(dropped)
    }
}
#endif
