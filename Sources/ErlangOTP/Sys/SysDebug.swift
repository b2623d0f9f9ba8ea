import ErlangRuntime
import ErlangTerms

/// A server's `sys` debug options: `trace` (print each event as a
/// `*DBG*` line), `log` (keep the last N events for `sys:log/2`) and
/// `statistics` (count messages for `sys:statistics/2`). Mirrors the
/// `Debug` list of `sys:debug_options/1` and `sys:handle_debug/4`.
///
/// A server keeps a `SysDebug?` that is `nil` when no option is set, so
/// the message loop pays one `nil` check per event and nothing more.
///
/// Split: this file holds the options and records events; `+Commands`
/// carries out `sys:trace/log/statistics/no_debug`; `+Status` is the
/// `Debug` list `sys:get_status/1` shows.
public struct SysDebug: Sendable {
    /// Whether events are printed.
    public var trace: Bool { storage.fields.trace }
    /// The most events kept by `log`, or `nil` when not logging.
    public var logLimit: Int? { storage.fields.logLimit }
    /// The logged events, oldest first.
    public var logged: [Term] { storage.fields.logged }
    /// The statistics, when collected.
    public var statistics: Statistics? { storage.fields.statistics }
    /// The options that are on, the most recently turned on first (the
    /// order of sys's `Debug` list).
    public var enabled: [Atom] { storage.fields.enabled }

    /// The options' values.
    private struct Fields {
        var trace = false
        var logLimit: Int?
        var logged: [Term] = []
        var statistics: Statistics?
        var enabled: [Atom] = []
    }

    /// The fields, shared by copies until one of them changes: a server
    /// and its start keep a `SysDebug?` in one word, not five fields
    /// inline in every server whether it debugs or not.
    private final class Storage: @unchecked Sendable {
        // @unchecked: written only through a `SysDebug` that holds the
        // sole reference (`writable`), so no copy ever sees a write.
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage = Storage(Fields())

    /// The fields, for writing: the storage is made this value's own
    /// first if another shares it.
    private var writable: Fields {
        get { storage.fields }
        _modify {
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
            yield &storage.fields
        }
    }

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
    public var isEmpty: Bool { enabled.isEmpty }

    /// Parses `[trace | log | {log, N} | statistics]` (the `{debug, Opts}`
    /// start option); unknown options are ignored, as `sys` does.
    public init?(options: Term) {
        guard let list = options.listElements else { return nil }
        for option in list {
            switch option {
            case .atom(let a) where a == OTPAtom.trace: setTrace(true)
            case .atom(let a) where a == OTPAtom.log: startLog(limit: SysDebug.defaultLogLimit)
            case .atom(let a) where a == OTPAtom.statistics: startStatistics()
            case .tuple(let e) where e.count == 2 && e[0] == .atom(OTPAtom.log):
                if case .int(let n) = e[1] { startLog(limit: n) }
            default: continue
            }
        }
        if isEmpty { return nil }
    }

    /// How many events `log` keeps unless told: 10.
    public static let defaultLogLimit = 10

    /// Turns tracing on or off.
    public mutating func setTrace(_ on: Bool) {
        writable.trace = on
        mark(OTPAtom.trace, on)
    }

    /// Starts keeping the last `limit` events. Like sys, does nothing
    /// while a log is already kept (its limit and events stay).
    public mutating func startLog(limit: Int) {
        guard logLimit == nil else { return }
        writable.logLimit = limit
        mark(OTPAtom.log, true)
    }

    /// Stops logging and forgets the events.
    public mutating func stopLog() {
        writable.logLimit = nil
        writable.logged = []
        mark(OTPAtom.log, false)
    }

    /// Starts counting messages. Does nothing while already counting.
    public mutating func startStatistics() {
        guard statistics == nil else { return }
        writable.statistics = Statistics(startTime: SysDebug.localDateTime())
        mark(OTPAtom.statistics, true)
    }

    /// Stops counting messages.
    public mutating func stopStatistics() {
        writable.statistics = nil
        mark(OTPAtom.statistics, false)
    }

    /// Keeps `enabled` in step: an option turned on goes first (unless it
    /// was on already), one turned off leaves.
    private mutating func mark(_ option: Atom, _ on: Bool) {
        if !on {
            writable.enabled.removeAll { $0 == option }
        } else if !enabled.contains(option) {
            writable.enabled.insert(option, at: 0)
        }
    }

    /// Records `event` for the server called `name`: prints it when
    /// tracing, keeps it when logging, counts it for statistics.
    public mutating func record(_ event: Term, name: Term, output: any OutputSink) {
        if trace { output.write(SysDebug.text(of: event, name: name)) }
        if let limit = logLimit {
            writable.logged.append(event)
            if logged.count > limit { writable.logged.removeFirst(logged.count - limit) }
        }
        if statistics != nil, case .tuple(let e) = event, case .atom(let tag) = e[0] {
            if tag == OTPAtom.in { writable.statistics?.messagesIn += 1 }
            if tag == OTPAtom.out { writable.statistics?.messagesOut += 1 }
        }
    }

    /// The `*DBG*` line for `event`, in gen_server's words
    /// (`gen_server:print_event/3`). Each term is laid out with `~tp` from
    /// the column it starts at, so a term that wraps lines up under itself.
    /// An event gen_server has no words for (`{continue, C}` among them)
    /// is printed as `*DBG* Name dbg  Event`.
    public static func text(of event: Term, name: Term) -> String {
        let (format, args) = printFormat(of: event, name: name)
        return (try? ErlangFormat.format(format, args)) ?? "*DBG* \(TermWriter.write(event))\n"
    }

    /// The `io:format` format and arguments `text(of:name:)` prints.
    private static func printFormat(of event: Term, name: Term) -> (String, [Term]) {
        if case .tuple(let e) = event, case .atom(let tag) = e[0] {
            if tag == OTPAtom.in, e.count == 2 {
                if case .tuple(let m) = e[1], m.count == 3, m[0] == .atom(OTPAtom.genCall),
                   case .tuple(let from) = m[1], from.count == 2 {
                    return ("*DBG* ~tp got call ~tp from ~tw~n", [name, m[2], from[0]])
                }
                if case .tuple(let m) = e[1], m.count == 2, m[0] == .atom(OTPAtom.genCast) {
                    return ("*DBG* ~tp got cast ~tp~n", [name, m[1]])
                }
                return ("*DBG* ~tp got ~tp~n", [name, e[1]])
            }
            if tag == OTPAtom.out, e.count == 4, case .tuple(let to) = e[2], to.count == 2 {
                return ("*DBG* ~tp sent ~tp to ~tw, new state ~tp~n", [name, e[1], to[0], e[3]])
            }
            if tag == OTPAtom.noreply, e.count == 2 {
                return ("*DBG* ~tp new state ~tp~n", [name, e[1]])
            }
        }
        return ("*DBG* ~tp dbg  ~tp~n", [name, event])
    }

    /// The local date and time as `{{Y,M,D},{H,Mi,S}}` (`erlang:localtime/0`).
    static func localDateTime() -> Term {
        let parts = ReportTimestamp.localParts()
        return .tuple([.tuple([.int(parts.year), .int(parts.month), .int(parts.day)]),
                       .tuple([.int(parts.hour), .int(parts.minute), .int(parts.second)])])
    }
}
