import ErlangRuntime
import ErlangTerms

/// `handle_call/3` and `handle_cast/2`, the callbacks of nearly every
/// message, called with what the loop keeps between messages: where the
/// function is (`CallSite`, no module lookup) and the argument list,
/// filled in place (no array per message). A callback that keeps its
/// argument list (none does) only costs a copy on the next message.
struct HotCallback {
    var site = CallSite()
    private var arguments: [Term]
    private let arity: Int

    /// A callback taking `arity` arguments.
    init(arity: Int) {
        self.arity = arity
        arguments = Array(repeating: .nil, count: arity)
    }

    /// The argument list, taken out to be filled (a callback that ended
    /// by an exit left none behind: a new one is made).
    mutating func takeArguments() -> [Term] {
        var taken: [Term] = []
        swap(&taken, &arguments)
        return taken.count == arity ? taken : Array(repeating: .nil, count: arity)
    }

    /// Puts the list back, emptied, so it holds no term alive meanwhile.
    mutating func giveBack(_ list: inout [Term]) {
        for index in list.indices { list[index] = .nil }
        swap(&list, &arguments)
    }
}

extension GenServerLoop {
    /// `Module:handle_call(Request, From, State)`, as `invoke` calls it.
    @inline(__always)
    func invokeHandleCall(_ request: Term, _ from: Term) async throws -> Outcome {
        var arguments = hotCall.takeArguments()
        (arguments[0], arguments[1], arguments[2]) = (request, from, state)
        let outcome = try await invoke(OTPAtom.handleCall, arguments, via: &hotCall.site)
        hotCall.giveBack(&arguments)
        return outcome
    }

    /// `Module:handle_cast(Request, State)`, as `invoke` calls it.
    @inline(__always)
    func invokeHandleCast(_ request: Term) async throws -> Outcome {
        var arguments = hotCast.takeArguments()
        (arguments[0], arguments[1]) = (request, state)
        let outcome = try await invoke(OTPAtom.handleCast, arguments, via: &hotCast.site)
        hotCast.giveBack(&arguments)
        return outcome
    }
}
