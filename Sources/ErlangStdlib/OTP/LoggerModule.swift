import ErlangOTP
import ErlangRuntime
import ErlangTerms

/// The `logger` module's logging API: `logger:error/1,2,3`, `warning`,
/// `notice`, `info`, `debug`, `critical`, `alert`, `emergency`, `log/2,3,4`,
/// and the primary level (`set_primary_config(level, L)`, with `all` and
/// `none`, and `get_primary_config/0` in erl's shape). Events below the
/// primary level (`notice` by default, as in erl's shell) are dropped.
///
/// A message is a string (printed as it is), a format with arguments, or a
/// report (a map or a `[{Key, Value}]` list); a trailing map argument is
/// metadata.
enum LoggerModule {
    /// The exported functions.
    static let functions: FunctionTable =
        LogLevel.allCases.flatMap { level in
            [
                bif(level.name, 1, { p, a in log(p, level, a[0], nil) }),
                bif(level.name, 2, { p, a in
                    if case .map = a[1] { return log(p, level, a[0], nil) }
                    return log(p, level, a[0], a[1])
                }),
                bif(level.name, 3, { p, a in log(p, level, a[0], a[1]) }),
            ]
        } + [
            bif("log", 2, { p, a in log(p, try level(a[0]), a[1], nil) }),
            bif("log", 3, { p, a in
                if case .map = a[2] { return log(p, try level(a[0]), a[1], nil) }
                return log(p, try level(a[0]), a[1], a[2])
            }),
            bif("log", 4, { p, a in log(p, try level(a[0]), a[1], a[2]) }),
            bif("set_primary_config", 2, { p, a in
                guard a[0] == .atom("level") else {
                    return .tuple([.atom(.error), .tuple([.atom("invalid_primary_config"), .tuple([a[0], a[1]])])])
                }
                guard case .atom(let name) = a[1], OTPLogger.of(p.runtime).setLevel(named: name.text) else {
                    return .tuple([.atom(.error), .tuple([.atom("invalid_level"), a[1]])])
                }
                return .ok
            }),
            bif("get_primary_config", 0, { p, _ in
                Term.map([(.atom("filter_default"), .atom("log")), (.atom("filters"), .nil),
                          (.atom("level"), .atom(Atom(OTPLogger.of(p.runtime).levelName))),
                          (.atom("metadata"), .map(.empty))])
            }),
        ]

    private static func level(_ term: Term) throws -> LogLevel {
        guard case .atom(let a) = term, let level = LogLevel(name: a.text) else { throw ErlangException.badarg }
        return level
    }

    private static func log(_ p: ErlangProcess, _ level: LogLevel, _ what: Term, _ args: Term?) -> Term {
        let logger = OTPLogger.of(p.runtime)
        guard logger.allows(level) else { return .ok }
        if let args {
            logger.write(level, LogMessage.formatted(what, args))
        } else if let codes = StringText.printableCodes(what, range: .unicode) {
            logger.write(level, String(String.UnicodeScalarView(codes.compactMap { Unicode.Scalar(UInt32(clamping: $0)) })))
        } else {
            logger.write(level, OTPLogger.reportBody(what))
        }
        return .ok
    }
}
