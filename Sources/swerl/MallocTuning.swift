#if canImport(Glibc)
import Glibc
#endif

/// glibc malloc settings for the swerl process, applied first thing in
/// `main`, before any thread exists.
///
/// One arena. By default each thread that allocates gets an arena of its
/// own, and a thread's arena grows one `mprotect` call at a time as its
/// top chunk runs out: starting 100,000 servers from the shell's thread
/// made about 23,000 such calls, each also splitting and merging the
/// heap's memory mapping in the kernel. One arena (the main one, grown
/// with `brk` and a generous top pad) serves every thread instead: each
/// thread still allocates from its own cache first, and the heap grows in
/// 16 MB steps that cost nothing until touched. Measured on the bench
/// inputs: a start 1,460–1,660 → about 1,230 ns, a cast 358 → 336 ns, a
/// ping-pong round trip 677 → 644 ns.
///
/// Large thread caches. Messages flow one way: a sender allocates them, the
/// receiver frees them. With glibc's default of 7 chunks per size in a
/// thread's cache, the receiver's frees overflow into the arena at once and
/// the sender takes them back from there, so every message's memory, and
/// the arena's free lists, cross between cores twice. When the two cores
/// are far apart (this 2-core VM is, about half the time) that cost a cast
/// half its time: `scripts/bench cast` 490 → 320 ns. The cache size can
/// only be set before glibc starts (`GLIBC_TUNABLES`), so swerl starts
/// itself again, once, with it set; the user's own `GLIBC_TUNABLES` is kept
/// (and wins when it sets the same tunable) and is what child processes
/// see. The second start costs about 2 ms.
enum MallocTuning {
    /// glibc's `M_TOP_PAD` and `M_ARENA_MAX` (`malloc.h`).
    private static let topPadOption: Int32 = -2
    private static let arenaMaxOption: Int32 = -8
    private static let topPad: Int32 = 16 << 20
    /// The thread cache's size, in chunks per size (glibc's maximum).
    private static let cacheTunable = "glibc.malloc.tcache_count=65535"
    /// `AT_BASE` (`elf.h`): where the program's interpreter (the dynamic
    /// loader) was loaded; 0 when the loader is itself the program.
    private static let auxBase: UInt = 7
    /// Set for the second start: the user's `GLIBC_TUNABLES` after `=`,
    /// or `-` when there was none.
    private static let restartMarker = "SWERL_MALLOC_RESTARTED"

    /// Applies the settings, starting the program again first when the
    /// thread cache is not set yet; a no-op where the C library is not
    /// glibc. Returns only in the process that carries on.
    static func apply() {
        #if canImport(Glibc)
        restartWithLargeThreadCaches()
        _ = glibcMallopt(arenaMaxOption, 1)
        _ = glibcMallopt(topPadOption, topPad)
        #endif
    }

    #if canImport(Glibc)
    /// Starts this program again with `cacheTunable` in `GLIBC_TUNABLES`,
    /// unless this is that second start, in which the user's value is put
    /// back. Carries on as it is when the program cannot be started again.
    private static func restartWithLargeThreadCaches() {
        if let marker = getenv(restartMarker).flatMap({ String(validatingCString: $0) }) {
            if marker.hasPrefix("=") {
                setenv("GLIBC_TUNABLES", String(marker.dropFirst()), 1)
            } else {
                unsetenv("GLIBC_TUNABLES")
            }
            unsetenv(restartMarker)
            return
        }
        // Run through the dynamic loader by name (`ld.so ./swerl`), the
        // program in /proc/self/exe is the loader, not swerl: no restart.
        guard glibcGetauxval(auxBase) != 0 else { return }
        var existing: String?
        if let raw = getenv("GLIBC_TUNABLES") {
            // Settings that are not text are left exactly as they are.
            guard let text = String(validatingCString: raw) else { return }
            existing = text
        }
        setenv(restartMarker, existing.map { "=" + $0 } ?? "-", 1)
        // The user's settings come last: a later setting of a tunable wins.
        let tunables = existing.map { cacheTunable + ":" + $0 } ?? cacheTunable
        setenv("GLIBC_TUNABLES", tunables, 1)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        // Not started again (no /proc): carry on with glibc's defaults.
        if let existing { setenv("GLIBC_TUNABLES", existing, 1) } else { unsetenv("GLIBC_TUNABLES") }
        unsetenv(restartMarker)
    }
    #endif
}

#if canImport(Glibc)
/// glibc's `int mallopt(int param, int value)`, which the Glibc module
/// does not export (it lives in `malloc.h`).
@_silgen_name("mallopt")
private func glibcMallopt(_ param: Int32, _ value: Int32) -> Int32

/// glibc's `unsigned long getauxval(unsigned long type)` (`sys/auxv.h`,
/// which the Glibc module does not export).
@_silgen_name("getauxval")
private func glibcGetauxval(_ type: UInt) -> UInt
#endif
