import ErlangRuntime
import ErlangTerms

/// The generic server's receive loop, running inside the server process.
/// Mirrors `gen_server:loop/7` and `handle_msg/6`: take the next message,
/// classify it (`'$gen_call'`, `'$gen_cast'`, `system`, the parent's
/// `'EXIT'`, anything else), run the callback inside a wrapper that turns
/// a crash into a value, and decide what happens next from its result.
///
/// Split: this file is the loop and message dispatch;
/// `+Results` interprets callback results; `+System` answers `sys`
/// requests; `+Terminate` ends the server and writes the error report.
///
/// Cost: one message is one receive, one callback call and, for a call,
/// one reply; debug hooks run only when `debug` is not `nil`.
struct GenServerLoop {
    let process: ErlangProcess
    /// The parent: the starter for `start_link`, the server itself otherwise.
    let parent: Pid
    /// What reports and `*DBG*` lines call the server.
    let name: Term
    /// The callback module.
    var module: Atom
    /// The callback module's state.
    var state: Term
    /// The `sys` debug options; `nil` when none is set.
    var debug: SysDebug?

    /// A callback's outcome: its value, or the exception it raised (a
    /// `throw` counts as a value, as in gen_server).
    enum Outcome {
        case value(Term)
        case crash(ErlangException)
    }

    /// Runs the loop until the server stops (always by throwing: an
    /// `ErlangException` of class `exit` or the callback's own, or a
    /// `ProcessExit` when an exit signal kills the process).
    mutating func run(_ first: LoopNext) async throws -> Never {
        var next = first
        while true {
            switch next {
            case .continueWith(let argument):
                if debug != nil { record(.tuple([.atom(OTPAtom.continue), argument])) }
                let outcome = try await invoke(OTPAtom.handleContinue, [argument, state])
                next = try await handleNoReply(outcome, message: argument)
            case .wait(let timeout):
                guard let message = try await process.receive(timeout: timeout, { $0 }) else {
                    next = try await handleInfo(.atom(.timeout))
                    continue
                }
                next = try await handle(message)
            }
        }
    }

    /// Dispatches one message.
    mutating func handle(_ message: Term) async throws -> LoopNext {
        if case .tuple(let e) = message, case .atom(let tag) = e[0] {
            if tag == OTPAtom.genCall, e.count == 3 {
                if debug != nil { record(.tuple([.atom(Atom("in")), message])) }
                return try await handleCall(from: e[1], request: e[2])
            }
            if tag == OTPAtom.genCast, e.count == 2 {
                if debug != nil { record(.tuple([.atom(Atom("in")), message])) }
                let outcome = try await invoke(OTPAtom.handleCast, [e[1], state])
                return try await handleNoReply(outcome, message: message)
            }
            if tag == OTPAtom.system, e.count == 3 {
                return try await handleSystem(from: e[1], request: e[2])
            }
            if tag == .EXIT, e.count == 3, e[1] == .pid(parent), parent != process.pid {
                try await terminate(.exit, e[2], stack: StackFrames.terminateExit, message: message, from: nil)
            }
        }
        return try await handleInfo(message)
    }

    mutating func handleInfo(_ message: Term) async throws -> LoopNext {
        if debug != nil { record(.tuple([.atom(Atom("in")), message])) }
        let outcome = try await invoke(OTPAtom.handleInfo, [message, state])
        return try await handleNoReply(outcome, message: message)
    }

    mutating func handleCall(from: Term, request: Term) async throws -> LoopNext {
        let outcome = try await invoke(OTPAtom.handleCall, [request, from, state])
        return try await handleCallResult(outcome, from: from, request: request)
    }

    /// Calls `module:function(args)`, turning an exception into `.crash`
    /// and a `throw` into a value. A `ProcessExit` (killed) is not caught.
    func invoke(_ function: Atom, _ args: [Term]) async throws -> Outcome {
        do {
            return .value(try await process.apply(module: module, function: function, args))
        } catch let exception as ErlangException {
            if exception.kind == .throw { return .value(exception.reason) }
            return .crash(exception)
        }
    }

    /// Records a debug event (only called when `debug` is set).
    mutating func record(_ event: Term) {
        debug?.record(event, name: name, output: process.runtime.output)
    }
}
