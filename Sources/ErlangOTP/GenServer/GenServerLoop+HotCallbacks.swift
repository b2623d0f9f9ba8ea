import ErlangRuntime
import ErlangTerms

/// `handle_call/3` and `handle_cast/2`, the callbacks of nearly every
/// message, called with what the loop keeps between messages: where the
/// function is (`CallSite`, no module lookup) and the argument list,
/// filled in place (no array per message). A callback that keeps its
/// argument list (none does) only costs a copy on the next message.
///
/// Made at a server's first such message: an idle server that was never
/// called keeps nothing but the empty field (memory per idle server).
final class HotCallback {
    @exclusivity(unchecked) var site = CallSite()
    @exclusivity(unchecked) private var arguments: [Term]
    private let arity: Int

    /// A callback taking `arity` arguments.
    init(arity: Int) {
        self.arity = arity
        arguments = Array(repeating: .nil, count: arity)
    }

    /// The callback kept in `slot`, made there first if there is none.
    static func made(_ slot: inout HotCallback?, arity: Int) -> HotCallback {
        if let kept = slot { return kept }
        let made = HotCallback(arity: arity)
        slot = made
        return made
    }

    /// The argument list, taken out to be filled (a callback that ended
    /// by an exit left none behind: a new one is made).
    func takeArguments() -> [Term] {
        var taken: [Term] = []
        swap(&taken, &arguments)
        return taken.count == arity ? taken : Array(repeating: .nil, count: arity)
    }

    /// Puts the list back, emptied, so it holds no term alive meanwhile.
    func giveBack(_ list: inout [Term]) {
        for index in list.indices { list[index] = .nil }
        swap(&list, &arguments)
    }
}

extension GenServerLoop {
    /// `Module:handle_call(Request, From, State)`, as `invoke` calls it.
    @inline(__always)
    func invokeHandleCall(_ request: Term, _ from: Term) async throws -> Outcome {
        let hot = HotCallback.made(&hotCall, arity: 3)
        var arguments = hot.takeArguments()
        (arguments[0], arguments[1], arguments[2]) = (request, from, state)
        let outcome = try await invoke(OTPAtom.handleCall, arguments, via: &hot.site)
        hot.giveBack(&arguments)
        return outcome
    }

    /// `invokeHandleCall` without suspending, for a call answered at
    /// once (`GenServer.callAtOnce`): `nil`, having done nothing, when the
    /// callback's code cannot run so (`ErlangProcess.applyAtOnce`).
    func invokeHandleCallAtOnce(_ request: Term, _ from: Term) throws -> Outcome? {
        let hot = HotCallback.made(&hotCall, arity: 3)
        var arguments = hot.takeArguments()
        (arguments[0], arguments[1], arguments[2]) = (request, from, state)
        defer { hot.giveBack(&arguments) }
        return try invokeAtOnce(OTPAtom.handleCall, arguments, via: hot)
    }

    /// `invokeHandleCast` without suspending: `nil`, having done nothing,
    /// when the callback's code cannot run so.
    @inline(__always)
    func invokeHandleCastAtOnce(_ request: Term) throws -> Outcome? {
        let hot = HotCallback.made(&hotCast, arity: 2)
        var arguments = hot.takeArguments()
        (arguments[0], arguments[1]) = (request, state)
        defer { hot.giveBack(&arguments) }
        return try invokeAtOnce(OTPAtom.handleCast, arguments, via: hot)
    }

    /// Calls `module:function(arguments)` through `hot`'s site without
    /// suspending, as `invoke` does: `nil`, having done nothing, when the
    /// code cannot run so.
    @inline(__always)
    private func invokeAtOnce(_ function: Atom, _ arguments: [Term], via hot: HotCallback) throws -> Outcome? {
        do {
            guard let value = try process.applyAtOnce(module: module, function: function, arguments,
                                                      via: &hot.site) else { return nil }
            return .value(value)
        } catch let exception as ErlangException {
            return Self.outcome(of: exception)
        }
    }

    /// `Module:handle_cast(Request, State)`, as `invoke` calls it.
    @inline(__always)
    func invokeHandleCast(_ request: Term) async throws -> Outcome {
        let hot = HotCallback.made(&hotCast, arity: 2)
        var arguments = hot.takeArguments()
        (arguments[0], arguments[1]) = (request, state)
        let outcome = try await invoke(OTPAtom.handleCast, arguments, via: &hot.site)
        hot.giveBack(&arguments)
        return outcome
    }
}
