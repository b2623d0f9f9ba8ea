import ErlangOTP
import ErlangRuntime
import ErlangTerms

/// The `error_logger` module's reporting functions, which OTP 25 routes to
/// `logger`: `error_msg/1,2`, `warning_msg/1,2`, `info_msg/1,2`,
/// `error_report/1,2`, `warning_report/1,2`, `info_report/1,2`. Errors and
/// warnings are logged at their level, info at `notice` (so erl's default
/// level prints them, with an `INFO REPORT` header, and
/// `logger:set_primary_config(level, error)` silences warnings and info).
/// A report of a type other than `std_error`, `std_warning` or `std_info`
/// goes to no handler by default: nothing is printed.
enum ErrorLoggerModule {
    /// The exported functions.
    static let functions: FunctionTable =
        [("error", LogLevel.error, "ERROR"), ("warning", .warning, "WARNING"), ("info", .notice, "INFO")]
            .flatMap { word, level, header in
                [
                    bif("\(word)_msg", 1, { p, a in
                        OTPLogger.of(p.runtime).write(level, LogMessage.formatted(a[0], .nil), kind: header)
                        return .ok
                    }),
                    bif("\(word)_msg", 2, { p, a in
                        OTPLogger.of(p.runtime).write(level, LogMessage.formatted(a[0], a[1]), kind: header)
                        return .ok
                    }),
                    bif("\(word)_report", 1, { p, a in
                        OTPLogger.of(p.runtime).write(level, reportBody(a[0]), kind: header)
                        return .ok
                    }),
                    bif("\(word)_report", 2, { p, a in
                        if a[0] == .atom(Atom("std_\(word)")) {
                            OTPLogger.of(p.runtime).write(level, reportBody(a[1]), kind: header)
                        }
                        return .ok
                    }),
                ]
            }

    /// A report's body; a map is not a report to error_logger but a term,
    /// printed with `~p` and an empty line, as erl does.
    static func reportBody(_ report: Term) -> String {
        if case .map = report { return PrettyPrinter(unicode: true).print(report) + "\n" }
        return OTPLogger.reportBody(report)
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
