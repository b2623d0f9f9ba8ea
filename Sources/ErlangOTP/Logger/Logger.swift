import ErlangRuntime
import ErlangTerms

/// The logger of one runtime: its primary level and the report writer.
/// Mirrors OTP 25's `logger` with the default handler and the
/// `error_logger`-style formatter the shell uses: every event is printed
/// as a header line `=LEVEL REPORT==== Time ===`, the message, and a
/// newline.
///
/// Reports go to `runtime.output` synchronously, from the process that
/// logs, so they appear before that process's next step (erl's logger
/// process is asynchronous; Swerl's output is deterministic).
public final class OTPLogger: Sendable {
    private let primaryLevel = Lock(LogLevel.notice)
    private let output: any OutputSink
    /// Where header timestamps come from (tests replace it).
    public let timestamp: Lock<@Sendable () -> String> = Lock({ ReportTimestamp.now() })

    private init(output: any OutputSink) { self.output = output }

    private static let loggers = PerRuntime { OTPLogger(output: $0.output) }

    /// The logger of `runtime`.
    public static func of(_ runtime: Runtime) -> OTPLogger { loggers(runtime) }

    /// The primary level (`logger:get_primary_config()`'s `level`):
    /// events less severe are dropped. `notice` by default, as in erl.
    public var level: LogLevel {
        get { primaryLevel.withLock { $0 } }
        set { primaryLevel.withLock { $0 = newValue } }
    }

    /// Whether an event at `level` passes the primary level.
    public func allows(_ level: LogLevel) -> Bool { level <= self.level }

    /// Writes a report at `level` whose body is `body`, unless the primary
    /// level drops it. Mirrors `logger:log/2,3` (`logger:error/1,2` ...).
    public func log(_ level: LogLevel, _ body: String) {
        guard allows(level) else { return }
        write(level, body)
    }

    /// Writes a report at `level` regardless of the primary level: the
    /// `error_logger` functions and OTP's own reports (gen_server,
    /// proc_lib), which erl's default configuration always prints.
    /// `kind` replaces the level's word in the header (`CRASH`).
    public func write(_ level: LogLevel, _ body: String, kind: String? = nil) {
        let time = timestamp.withLock { $0 }()
        output.write("=\(kind ?? level.reportWord) REPORT==== \(time) ===\n\(body)\n")
    }

    /// The body of a report given as data, as the default formatter lays it
    /// out: a `[{Tag, Value}]` list or a map becomes lines `    Tag: Value`;
    /// a string is printed as it is; any other term with `~tp`.
    public static func reportBody(_ report: Term) -> String {
        if case .map(let m) = report {
            return tagged(MapKeyOrder.sortedPairs(m).map { ($0.key, $0.value) }) ?? pretty(report)
        }
        if let codes = StringText.printableCodes(report, range: .unicode) {
            return String(String.UnicodeScalarView(codes.compactMap { Unicode.Scalar(UInt32(clamping: $0)) }))
        }
        if let elements = report.listElements, !elements.isEmpty {
            var pairs: [(Term, Term)] = []
            for element in elements {
                guard case .tuple(let e) = element, e.count == 2 else { return pretty(report) }
                pairs.append((e[0], e[1]))
            }
            return tagged(pairs) ?? pretty(report)
        }
        return pretty(report)
    }

    private static func tagged(_ pairs: [(Term, Term)]) -> String? {
        var lines: [String] = []
        for (key, value) in pairs {
            let keyText: String
            if case .atom(let a) = key { keyText = a.text } else { keyText = TermWriter.write(key) }
            let prefix = "    \(keyText): "
            lines.append(prefix + PrettyPrinter().print(value, column: prefix.count + 1))
        }
        return lines.joined(separator: "\n")
    }

    private static func pretty(_ term: Term) -> String { PrettyPrinter().print(term, column: 1) }
}
