import ErlangRuntime
import ErlangTerms

/// A server's `sys` debug options: `trace` (print each event as a
/// `*DBG*` line), `log` (keep the last N events for `sys:log/2`) and
/// `statistics` (count messages for `sys:statistics/2`). Mirrors the
/// `Debug` list of `sys:debug_options/1` and `sys:handle_debug/4`.
///
/// A server keeps a `SysDebug?` that is `nil` when no option is set, so
/// the message loop pays one `nil` check per event and nothing more.
public struct SysDebug: Sendable {
    /// Whether events are printed.
    public var trace = false
    /// The most events kept by `log`, or `nil` when not logging.
    public var logLimit: Int?
    /// The logged events, oldest first.
    public var logged: [Term] = []
    /// The statistics, when collected.
    public var statistics: Statistics?

    /// Message counts since `sys:statistics(Name, true)`.
    public struct Statistics: Sendable {
        /// When collection started, as `{{Y,M,D},{H,Mi,S}}`.
        public var startTime: Term
        /// Messages received.
        public var messagesIn = 0
        /// Replies sent.
        public var messagesOut = 0
    }

    /// No options.
    public init() {}

    /// Whether no option is set (the server then drops its `SysDebug`).
    public var isEmpty: Bool { !trace && logLimit == nil && statistics == nil }

    /// Parses `[trace | log | {log, N} | statistics]` (the `{debug, Opts}`
    /// start option); unknown options are ignored, as `sys` does.
    public init?(options: Term) {
        guard let list = options.listElements else { return nil }
        for option in list {
            switch option {
            case .atom(let a) where a == OTPAtom.trace: trace = true
            case .atom(let a) where a == OTPAtom.log: logLimit = 10
            case .atom(let a) where a == OTPAtom.statistics:
                statistics = Statistics(startTime: SysDebug.localDateTime())
            case .tuple(let e) where e.count == 2 && e[0] == .atom(OTPAtom.log):
                if case .int(let n) = e[1] { logLimit = n }
            default: continue
            }
        }
        if isEmpty { return nil }
    }

    /// Records `event` for the server called `name`: prints it when
    /// tracing, keeps it when logging, counts it for statistics.
    public mutating func record(_ event: Term, name: Term, output: any OutputSink) {
        if trace { output.write(SysDebug.text(of: event, name: name)) }
        if let limit = logLimit {
            logged.append(event)
            if logged.count > limit { logged.removeFirst(logged.count - limit) }
        }
        if statistics != nil, case .tuple(let e) = event, case .atom(let tag) = e[0] {
            if tag == Atom("in") { statistics?.messagesIn += 1 }
            if tag == Atom("out") { statistics?.messagesOut += 1 }
        }
    }

    /// The `*DBG*` line for `event`, in gen_server's words
    /// (`gen_server:print_event/3`).
    public static func text(of event: Term, name: Term) -> String {
        let n = TermWriter.write(name, encoding: .unicode)
        let p = { (t: Term) in PrettyPrinter(unicode: true).print(t, column: 1) }
        let w = { (t: Term) in TermWriter.write(t, encoding: .unicode) }
        guard case .tuple(let e) = event, case .atom(let tag) = e[0] else {
            return "*DBG* \(n) dbg  \(p(event))\n"
        }
        switch (tag.text, e.count) {
        case ("in", 2):
            if case .tuple(let m) = e[1], m.count == 3, m[0] == .atom(OTPAtom.genCall),
               case .tuple(let from) = m[1], from.count == 2 {
                return "*DBG* \(n) got call \(p(m[2])) from \(w(from[0]))\n"
            }
            if case .tuple(let m) = e[1], m.count == 2, m[0] == .atom(OTPAtom.genCast) {
                return "*DBG* \(n) got cast \(p(m[1]))\n"
            }
            return "*DBG* \(n) got \(p(e[1]))\n"
        case ("out", 4):
            let to: Term
            if case .tuple(let from) = e[2], from.count == 2 { to = from[0] } else { to = e[2] }
            return "*DBG* \(n) sent \(p(e[1])) to \(w(to)), new state \(p(e[3]))\n"
        case ("noreply", 2):
            return "*DBG* \(n) new state \(p(e[1]))\n"
        case ("continue", 2):
            return "*DBG* \(n) continue \(p(e[1]))\n"
        default:
            return "*DBG* \(n) dbg  \(p(event))\n"
        }
    }

    /// The local date and time as `{{Y,M,D},{H,Mi,S}}` (`erlang:localtime/0`).
    static func localDateTime() -> Term {
        let parts = ReportTimestamp.localParts()
        return .tuple([.tuple([.int(parts.year), .int(parts.month), .int(parts.day)]),
                       .tuple([.int(parts.hour), .int(parts.minute), .int(parts.second)])])
    }
}
