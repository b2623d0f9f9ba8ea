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
    /// The primary level's name and the least severe level it admits
    /// (`all` admits every level, `none` none).
    private let primaryLevel = Lock((name: "notice", admits: LogLevel.notice.rawValue))
    private let output: any OutputSink
    /// Where header timestamps come from (tests replace it).
    public let timestamp: Lock<@Sendable () -> String> = Lock({ ReportTimestamp.now() })

    private init(output: any OutputSink) { self.output = output }

    private static let loggers = PerRuntime { OTPLogger(output: $0.output) }

    /// The logger of `runtime`.
    public static func of(_ runtime: Runtime) -> OTPLogger { loggers(runtime) }

    /// The primary level's name (`logger:get_primary_config()`'s `level`):
    /// a level, `all` or `none`; events less severe are dropped. `notice`
    /// by default, as in erl.
    public var levelName: String { primaryLevel.withLock { $0.name } }

    /// Sets the primary level to a level's name, `all` or `none`
    /// (`logger:set_primary_config(level, L)`); `false` for another name.
    @discardableResult
    public func setLevel(named name: String) -> Bool {
        let admits: Int
        switch name {
        case "all": admits = LogLevel.debug.rawValue
        case "none": admits = -1
        default:
            guard let level = LogLevel(name: name) else { return false }
            admits = level.rawValue
        }
        primaryLevel.withLock { $0 = (name, admits) }
        return true
    }

    /// Whether an event at `level` passes the primary level.
    public func allows(_ level: LogLevel) -> Bool { level.rawValue <= primaryLevel.withLock { $0.admits } }

    /// Writes a report at `level` whose body is `body`, unless the primary
    /// level drops it. Mirrors `logger:log/2,3` (`logger:error/1,2` ...).
    public func log(_ level: LogLevel, _ body: String) {
        guard allows(level) else { return }
        write(level, body)
    }

    /// Writes a report at `level` unless the primary level drops it: the
    /// `error_logger` functions and OTP's own reports (gen_server,
    /// proc_lib), which pass erl's default level. `kind` replaces the
    /// level's word in the header (`CRASH`).
    public func write(_ level: LogLevel, _ body: String, kind: String? = nil) {
        guard allows(level) else { return }
        let time = timestamp.withLock { $0 }()
        output.write("=\(kind ?? level.reportWord) REPORT==== \(time) ===\n\(body)\n")
    }

    /// The body of a report given as data, as the default formatter lays it
    /// out: a map becomes lines `    Key: Value` in key order; a list that is
    /// text prints as that text; another list one line per element,
    /// `    Tag: Value` for a `{Tag, Value}` pair and the element itself
    /// otherwise; any other term prints with `~tp`. A value that is a
    /// string prints as its text (`user: bob`). A map with a `label` and a
    /// `report` (OTP's own reports) prints its `report` alone
    /// (`logger:format_otp_report/1`).
    public static func reportBody(_ report: Term) -> String {
        if case .map(let m) = report, m[.atom(Atom("label"))] != nil, let inner = m[.atom(Atom("report"))] {
            return reportBody(inner)
        }
        if case .map(let m) = report {
            return lines(MapKeyOrder.sortedPairs(m).map { .tuple([$0.key, $0.value]) })
        }
        if let text = flatText(report) { return text }
        if let elements = report.listElements, !elements.isEmpty { return lines(elements) }
        return pretty(report)
    }

    private static func lines(_ elements: [Term]) -> String {
        elements.map { element in
            guard case .tuple(let e) = element, e.count == 2 else { return "    " + pretty(element, column: 5) }
            let keyText: String
            if case .atom(let a) = e[0] { keyText = a.text } else { keyText = pretty(e[0]) }
            let prefix = "    \(keyText): "
            if e[1] != .nil, let text = flatText(e[1]) { return prefix + text }
            return prefix + pretty(e[1], column: prefix.count + 1)
        }.joined(separator: "\n")
    }

    /// The text of a printable string, or of a list of strings (chardata
    /// that is all text); `nil` for anything else.
    private static func flatText(_ term: Term) -> String? {
        guard term != .nil else { return nil }
        if let codes = StringText.printableCodes(term, range: .unicode) { return text(codes) }
        guard let items = term.listElements, !items.isEmpty else { return nil }
        var codes: [Int] = []
        for item in items {
            guard item != .nil, let part = StringText.printableCodes(item, range: .unicode) else { return nil }
            codes += part
        }
        return text(codes)
    }

    private static func text(_ codes: [Int]) -> String {
        String(String.UnicodeScalarView(codes.compactMap { Unicode.Scalar(UInt32(clamping: $0)) }))
    }

    private static func pretty(_ term: Term, column: Int = 1) -> String {
        PrettyPrinter(unicode: true).print(term, column: column)
    }
}
