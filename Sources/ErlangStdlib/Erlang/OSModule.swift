import ErlangRuntime
import ErlangTerms

/// The `os` module's clocks: `timestamp/0`, `system_time/0,1`,
/// `perf_counter/0,1`. Mirrors kernel's os.erl and erts' `os` BIFs (OTP 25
/// on Linux): OS system time is the wall clock (`CLOCK_REALTIME`) and the
/// performance counter is `CLOCK_MONOTONIC`, both in nanoseconds. They
/// read the operating system directly, as erl's do, not the runtime's
/// clock (that one gives `erlang:monotonic_time/0,1`).
///
/// A bad time unit is `badarg` with erl's frame, whose `error_info`
/// names `erl_kernel_errors` (`KernelErrors` below).
enum OSModule {
    /// The exported functions: the clocks here, the environment in `+Environment`.
    static let functions: FunctionTable = clocks + environment

    /// The clock functions.
    static let clocks: FunctionTable = [
        bif("timestamp", 0, { _, _ in ErlangBIFs.timestampTuple(microseconds: OSClock.nanoseconds() / 1000) }),
        bif("system_time", 0, { _, _ in .int(OSClock.nanoseconds()) }),
        bif("system_time", 1, { _, a in
            guard let unit = TimeUnit(a[0]) else { throw badarg("system_time", a, location: []) }
            return TimeUnit.convert(.int(OSClock.nanoseconds()), from: .native, to: unit)
        }),
        bif("perf_counter", 0, { _, _ in .int(OSClock.monotonicNanoseconds()) }),
        bif("perf_counter", 1, { _, a in
            // os.erl's perf_counter/1 is Erlang code, so erl's frame has its line.
            guard let unit = TimeUnit(a[0]) else {
                throw badarg("perf_counter", a, location: [.tuple([.atom("file"), .string("os.erl")]),
                                                          .tuple([.atom("line"), .int(446)])])
            }
            return TimeUnit.convert(.int(OSClock.monotonicNanoseconds()), from: .perfCounter, to: unit)
        }),
    ]

    /// `badarg` from `os:function(args...)`, with erl's frame:
    /// `location` followed by `{error_info, #{module => erl_kernel_errors}}`.
    static func badarg(_ function: String, _ args: [Term], location: [Term]) -> ErlangException {
        let errorInfo = Term.tuple([.atom("error_info"), .map([(.atom("module"), .atom("erl_kernel_errors"))])])
        return ErlangException(.error, .atom(.badarg),
                               stacktrace: [.tuple([.atom("os"), .atom(Atom(function)), .list(args),
                                                    .list(location + [errorInfo])])])
    }

    /// erl_kernel_errors' explanation of a `badarg` from `os:function(args...)`
    /// (argument position to text); `nil` when it is not one of these functions.
    static func explain(_ function: String, _ args: [Term]) -> [Int: String]? {
        switch (function, args.count) {
        case ("system_time", 1), ("perf_counter", 1):
            return TimeUnit(args[0]) == nil ? [1: "invalid time unit"] : [:]
        case ("getenv", _), ("putenv", _), ("unsetenv", _):
            var explained: [Int: String] = [:]
            for (i, arg) in args.prefix(function == "putenv" ? 2 : 1).enumerated() where arg.listElements == nil {
                explained[i + 1] = "not a list"
            }
            return explained
        default:
            return nil
        }
    }
}

/// `erl_kernel_errors:format_error/2` for the `os` functions above: a map
/// from argument position to its explanation (a binary, as erl's is) for
/// the top frame; empty for anything else.
enum KernelErrors {
    /// The exported functions.
    static let functions: FunctionTable = [
        bif("format_error", 2, { _, a in
            guard let frames = a[1].listElements, case .tuple(let top)? = frames.first, top.count == 4,
                  top[0] == .atom("os"), case .atom(let function) = top[1], let args = top[2].listElements,
                  let explained = OSModule.explain(function.text, args) else { return .map(.empty) }
            return .map(explained.map { (Term.int($0.key), Term.binary(utf8: $0.value)) })
        }),
    ]
}
