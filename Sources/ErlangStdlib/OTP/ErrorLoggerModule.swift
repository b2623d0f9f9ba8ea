import ErlangOTP
import ErlangRuntime
import ErlangTerms

/// The `error_logger` module's reporting functions, which OTP 25 routes to
/// `logger` and which erl's default configuration prints at every level:
/// `error_msg/1,2`, `warning_msg/1,2`, `info_msg/1,2` and
/// `error_report/1`, `warning_report/1`, `info_report/1`.
enum ErrorLoggerModule {
    /// The exported functions.
    static let functions: FunctionTable =
        [("error", LogLevel.error), ("warning", .warning), ("info", .info)].flatMap { word, level in
            [
                bif("\(word)_msg", 1, { p, a in message(p, level, a[0], .nil) }),
                bif("\(word)_msg", 2, { p, a in message(p, level, a[0], a[1]) }),
                bif("\(word)_report", 1, { p, a in
                    OTPLogger.of(p.runtime).write(level, OTPLogger.reportBody(a[0]))
                    return .ok
                }),
            ]
        }

    private static func message(_ p: ErlangProcess, _ level: LogLevel, _ format: Term, _ args: Term) -> Term {
        OTPLogger.of(p.runtime).write(level, LogMessage.formatted(format, args))
        return .ok
    }
}

/// The text of a logged message given as a format and arguments.
enum LogMessage {
    /// `io_lib:format(Format, Args)`; when that fails, logger's
    /// `FORMAT ERROR: Format - Args` line.
    static func formatted(_ format: Term, _ args: Term) -> String {
        if let text = try? ErlangFormat.format(format, args) { return text }
        let fallback = (try? ErlangFormat.format("FORMAT ERROR: ~tp - ~tp", [format, args])) ?? ""
        return fallback
    }
}
