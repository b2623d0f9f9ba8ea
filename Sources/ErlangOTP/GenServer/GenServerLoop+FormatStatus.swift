import ErlangRuntime
import ErlangTerms

/// What a server shows of itself in its error report and in
/// `sys:get_status/1`, once the callback module's `format_status` has had
/// its say. Mirrors OTP 25's `gen:format_status/4`:
/// - `format_status/1` (new in OTP 25) gets a map `#{state, log}` (plus
///   `message` and `reason` for the report) and returns the map to show;
///   keys it adds are ignored. A result that is not a map, or a crash,
///   shows a text instead of the state.
/// - `format_status/2` (the old callback) gets `(normal | terminate,
///   [PDict, State])`; what it returns (or throws) is shown instead of the
///   state. A crash shows a text instead.
/// - Without either, everything is shown as it is.
struct ServerStatus {
    /// The callback module's state.
    var state: Term
    /// The logged `sys` events, oldest first.
    var log: Term
    /// The last message (for the report).
    var message: Term?
    /// The termination reason (for the report).
    var reason: Term?
    /// What `format_status/2` returned.
    var legacy: Term?
    /// Why the callback gave nothing to show ("M:format_status/1 crashed").
    var failure: String?

    /// What the report shows as the server's state.
    var shownState: Term { failure.map { .string($0) } ?? legacy ?? state }

    /// The module-specific part of `sys:get_status/1`'s misc list.
    var specific: Term {
        if let failure { return SysStatus.stateData(.string(failure)) }
        if let legacy { return legacy.isList ? legacy : .list([legacy]) }
        return SysStatus.stateData(state)
    }
}

extension GenServerLoop {
    /// The server as `format_status` lets it be shown; `option` is
    /// `normal` (`sys:get_status`) or `terminate` (the error report).
    /// Throws only `ProcessExit` (the server was killed meanwhile).
    func formatStatus(_ option: Atom, message: Term? = nil, reason: Term? = nil) async throws -> ServerStatus {
        var status = ServerStatus(state: state, log: .list(debug?.logged ?? []), message: message, reason: reason)
        if await exports(FunctionKey(OTPAtom.formatStatus, 1)) {
            try await formatWithMap(&status)
        } else if await exports(FunctionKey(OTPAtom.formatStatus, 2)) {
            let dictionary: Term = .list(process.dictionaryEntries.map { .tuple([$0.key, $0.value]) })
            switch try await invoke(OTPAtom.formatStatus, [.atom(option), .list([dictionary, state])]) {
            case .value(let shown): status.legacy = shown
            case .crash: status.failure = "\(module.text):format_status/2 crashed"
            }
        }
        return status
    }

    /// `format_status/1`: the status as a map in, the map to show out.
    /// A `throw` counts as a crash here, unlike in other callbacks.
    private func formatWithMap(_ status: inout ServerStatus) async throws {
        var pairs: [(Term, Term)] = [(.atom(OTPAtom.state), status.state), (.atom(OTPAtom.log), status.log)]
        if let message = status.message { pairs.append((.atom(OTPAtom.message), message)) }
        if let reason = status.reason { pairs.append((.atom(OTPAtom.reason), reason)) }
        let result: Term
        do {
            result = try await process.apply(module: module, function: OTPAtom.formatStatus, [.map(pairs)])
        } catch is ErlangException {
            status.failure = "\(module.text):format_status/1 crashed"
            return
        }
        guard case .map(let shown) = result else {
            status.failure = "\(module.text):format_status/1 did not return a map"
            return
        }
        status.state = shown[.atom(OTPAtom.state)] ?? status.state
        status.log = shown[.atom(OTPAtom.log)] ?? status.log
        if status.message != nil { status.message = shown[.atom(OTPAtom.message)] ?? status.message }
        if status.reason != nil { status.reason = shown[.atom(OTPAtom.reason)] ?? status.reason }
    }
}

/// Pieces of `sys:get_status/1`'s answer.
enum SysStatus {
    /// `[{data, [{"State", State}]}]`.
    static func stateData(_ state: Term) -> Term {
        .list([.tuple([.atom(Atom("data")), .list([.tuple([.string("State"), state])])])])
    }
}
