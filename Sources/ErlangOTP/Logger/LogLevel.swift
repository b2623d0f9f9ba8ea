/// A logger severity level, most severe first. Mirrors `logger:level()`.
public enum LogLevel: Int, Sendable, CaseIterable, Comparable {
    /// `emergency`.
    case emergency
    /// `alert`.
    case alert
    /// `critical`.
    case critical
    /// `error`.
    case error
    /// `warning`.
    case warning
    /// `notice`.
    case notice
    /// `info`.
    case info
    /// `debug`.
    case debug

    /// The level named `name` (`error`, `warning`, ...).
    public init?(name: String) {
        guard let level = LogLevel.allCases.first(where: { $0.name == name }) else { return nil }
        self = level
    }

    /// The level's atom text.
    public var name: String {
        switch self {
        case .emergency: return "emergency"
        case .alert: return "alert"
        case .critical: return "critical"
        case .error: return "error"
        case .warning: return "warning"
        case .notice: return "notice"
        case .info: return "info"
        case .debug: return "debug"
        }
    }

    /// The word in a report header: `=ERROR REPORT====`.
    public var reportWord: String { name.uppercased() }

    /// More severe levels compare smaller.
    public static func < (a: LogLevel, b: LogLevel) -> Bool { a.rawValue < b.rawValue }
}
