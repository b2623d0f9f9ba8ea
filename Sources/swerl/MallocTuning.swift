/// glibc malloc settings for the swerl process, applied first thing in
/// `main`, before any thread exists.
///
/// By default each thread that allocates gets an arena of its own, and a
/// thread's arena grows one `mprotect` call at a time as its top chunk
/// runs out: starting 100,000 servers from the shell's thread made about
/// 23,000 such calls, each also splitting and merging the heap's memory
/// mapping in the kernel. One arena (the main one, grown with `brk` and a
/// generous top pad) serves every thread instead: each thread still
/// allocates from its own cache first, and the heap grows in 16 MB steps
/// that cost nothing until touched. Measured on the bench inputs: a start
/// 1,460–1,660 → about 1,230 ns, a cast 358 → 336 ns, a ping-pong
/// round trip 677 → 644 ns.
enum MallocTuning {
    /// glibc's `M_TOP_PAD` and `M_ARENA_MAX` (`malloc.h`).
    private static let topPadOption: Int32 = -2
    private static let arenaMaxOption: Int32 = -8
    private static let topPad: Int32 = 16 << 20

    /// Applies the settings; a no-op where the C library is not glibc.
    static func apply() {
        #if canImport(Glibc)
        _ = glibcMallopt(arenaMaxOption, 1)
        _ = glibcMallopt(topPadOption, topPad)
        #endif
    }
}

#if canImport(Glibc)
/// glibc's `int mallopt(int param, int value)`, which the Glibc module
/// does not export (it lives in `malloc.h`).
@_silgen_name("mallopt")
private func glibcMallopt(_ param: Int32, _ value: Int32) -> Int32
#endif
