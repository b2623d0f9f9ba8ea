import ErlangTerms

/// How big a list or string Swerl builds on request. erl builds lists of
/// any length until the node runs out of memory and dies
/// (`lists:duplicate(1 bsl 40, a)`); Swerl raises `system_limit` instead,
/// far above anything that fits in memory, so no input can crash it.
enum ResourceLimits {
    /// The most elements a list built from a count may have (2^28).
    static let maxElements = 1 << 28

    /// `system_limit` unless `count` elements (each `width` long) fit.
    static func checkElements(_ count: Int, width: Int = 1) throws {
        let (total, overflow) = count.multipliedReportingOverflow(by: max(width, 1))
        guard !overflow, total <= maxElements else { throw ErlangException.systemLimit }
    }
}
