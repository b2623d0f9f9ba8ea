import ErlangOTP
import ErlangRuntime
import ErlangTerms

/// The `sys` module: requests to processes that follow OTP's system
/// message protocol (every native gen_server). Mirrors sys.erl's exports.
enum SysModule {
    /// The exported functions.
    static let functions: FunctionTable = state + control + debugging

    static let state: FunctionTable = [
        bif("get_state", 1, { p, a in try await Sys.getState(a[0], args: a, from: p) }),
        bif("get_state", 2, { p, a in try await Sys.getState(a[0], timeout: try timeout(a[1]), args: a, from: p) }),
        bif("replace_state", 2, { p, a in try await Sys.replaceState(a[0], a[1], args: a, from: p) }),
        bif("replace_state", 3, { p, a in
            try await Sys.replaceState(a[0], a[1], timeout: try timeout(a[2]), args: a, from: p)
        }),
        bif("get_status", 1, { p, a in
            try await Sys.request(a[0], .atom(OTPAtom.getStatus), function: "get_status", args: a, from: p)
        }),
        bif("get_status", 2, { p, a in
            try await Sys.request(a[0], .atom(OTPAtom.getStatus), function: "get_status", args: a,
                                  timeout: try timeout(a[1]), from: p)
        }),
    ]

    static let control: FunctionTable = [
        bif("suspend", 1, { p, a in try await Sys.request(a[0], .atom(OTPAtom.suspend), function: "suspend", args: a, from: p) }),
        bif("suspend", 2, { p, a in
            try await Sys.request(a[0], .atom(OTPAtom.suspend), function: "suspend", args: a, timeout: try timeout(a[1]), from: p)
        }),
        bif("resume", 1, { p, a in try await Sys.request(a[0], .atom(OTPAtom.resume), function: "resume", args: a, from: p) }),
        bif("resume", 2, { p, a in
            try await Sys.request(a[0], .atom(OTPAtom.resume), function: "resume", args: a, timeout: try timeout(a[1]), from: p)
        }),
        bif("change_code", 4, { p, a in
            try await Sys.request(a[0], .tuple([.atom(OTPAtom.changeCode), a[1], a[2], a[3]]), function: "change_code",
                                  args: a, from: p)
        }),
        bif("change_code", 5, { p, a in
            try await Sys.request(a[0], .tuple([.atom(OTPAtom.changeCode), a[1], a[2], a[3]]), function: "change_code",
                                  args: a, timeout: try timeout(a[4]), from: p)
        }),
        bif("terminate", 2, { p, a in try await Sys.terminate(a[0], reason: a[1], args: a, from: p) }),
        bif("terminate", 3, { p, a in
            try await Sys.terminate(a[0], reason: a[1], timeout: try timeout(a[2]), args: a, from: p)
        }),
    ]

    static let debugging: FunctionTable = [
        bif("trace", 2, { p, a in
            try await Sys.debug(a[0], .tuple([.atom(OTPAtom.trace), a[1]]), function: "trace", args: a, from: p)
        }),
        bif("trace", 3, { p, a in
            try await Sys.debug(a[0], .tuple([.atom(OTPAtom.trace), a[1]]), function: "trace", args: a,
                                timeout: try timeout(a[2]), from: p)
        }),
        bif("log", 2, { p, a in
            try await Sys.debug(a[0], .tuple([.atom(OTPAtom.log), a[1]]), function: "log", args: a, from: p)
        }),
        bif("log", 3, { p, a in
            try await Sys.debug(a[0], .tuple([.atom(OTPAtom.log), a[1]]), function: "log", args: a,
                                timeout: try timeout(a[2]), from: p)
        }),
        bif("statistics", 2, { p, a in
            try await Sys.debug(a[0], .tuple([.atom(OTPAtom.statistics), a[1]]), function: "statistics", args: a, from: p)
        }),
        bif("statistics", 3, { p, a in
            try await Sys.debug(a[0], .tuple([.atom(OTPAtom.statistics), a[1]]), function: "statistics", args: a,
                                timeout: try timeout(a[2]), from: p)
        }),
        bif("no_debug", 1, { p, a in
            try await Sys.debug(a[0], .atom(OTPAtom.noDebug), function: "no_debug", args: a, from: p)
        }),
        bif("no_debug", 2, { p, a in
            try await Sys.debug(a[0], .atom(OTPAtom.noDebug), function: "no_debug", args: a,
                                timeout: try timeout(a[1]), from: p)
        }),
    ]

    private static func timeout(_ term: Term) throws -> ErlangProcess.ReceiveTimeout {
        guard let t = GenServer.timeout(term) else { throw ErlangException.badarg }
        return t
    }
}
