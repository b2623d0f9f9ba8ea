#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The local wall-clock time of a report header, as logger's default
/// formatter writes it for the `error_logger` style:
/// `24-Nov-2026::22:30:06.027653`.
public enum ReportTimestamp {
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The current local time, to the microsecond.
    public static func now() -> String {
        let p = localParts()
        return text(day: p.day, month: p.month - 1, year: p.year, hour: p.hour, minute: p.minute,
                    second: p.second, microsecond: p.microsecond)
    }

    /// The fields of the current local time (`month` from 1).
    static func localParts() -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int,
                                 microsecond: Int) {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        var seconds = spec.tv_sec
        var parts = tm()
        localtime_r(&seconds, &parts)
        return (Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday), Int(parts.tm_hour),
                Int(parts.tm_min), Int(parts.tm_sec), Int(spec.tv_nsec / 1000))
    }

    /// Formats the fields (`month` counts from 0).
    public static func text(day: Int, month: Int, year: Int, hour: Int, minute: Int, second: Int,
                            microsecond: Int) -> String {
        let name = months.indices.contains(month) ? months[month] : "???"
        return "\(day)-\(name)-\(year)::\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2)).\(pad(microsecond, 6))"
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
