import ErlangRuntime
import ErlangStdlib
import ErlangTerms
import Testing

/// What a call did: returned a value, or raised an exception.
enum Outcome: Sendable {
    /// The call returned this term.
    case value(Term)
    /// The call raised `kind` with `reason`; when `frame` is given, the top
    /// of the stacktrace must be that frame (location reduced to file and line).
    case raised(ErlangException.Class, Term, frame: Term?)
}

/// One recorded call `Module:Function(Args...)` and what erl did.
struct CallCase: Sendable, CustomTestStringConvertible {
    /// The call as written in the recording.
    let source: String
    let module: String
    let function: String
    let args: [Term]
    let expected: Outcome

    var testDescription: String { source }
}

/// A recorded case (the generated tables use this short name).
func c(_ source: String, _ module: String, _ function: String, _ args: [Term], _ expected: Outcome) -> CallCase {
    CallCase(source: source, module: module, function: function, args: args, expected: expected)
}

/// Runs calls in processes of one shared runtime with the stdlib installed.
enum StdlibHarness {
    static let runtime: Runtime = {
        let runtime = Runtime(clock: ManualClock(), output: CapturedOutput())
        Stdlib.install(in: runtime)
        return runtime
    }()

    /// Calls `module:function(args...)` in a new process and returns what happened.
    static func call(_ module: String, _ function: String, _ args: [Term]) async -> Result<Term, ErlangException> {
        await call(module, function, args, in: runtime)
    }

    /// Calls `module:function(args...)` in a new process of `runtime`.
    static func call(_ module: String, _ function: String, _ args: [Term],
                     in runtime: Runtime) async -> Result<Term, ErlangException> {
        await withTSanAwareCheckedContinuation { continuation in
            runtime.spawn { process in
                do {
                    let value = try await process.apply(module: Atom(module), function: Atom(function), args)
                    continuation.resume(returning: .success(value))
                } catch let exception as ErlangException {
                    continuation.resume(returning: .failure(exception))
                } catch {
                    continuation.resume(returning: .failure(
                        ErlangException(.error, .tuple([.atom("swift_error"), .string("\(error)")]))))
                }
            }
        }
    }

    /// Runs `body` inside a new process (for funs and multi-step checks).
    static func inProcess(_ body: @escaping @Sendable (ErlangProcess) async throws -> Term) async -> Result<Term, ErlangException> {
        await withTSanAwareCheckedContinuation { continuation in
            runtime.spawn { process in
                do {
                    continuation.resume(returning: .success(try await body(process)))
                } catch let exception as ErlangException {
                    continuation.resume(returning: .failure(exception))
                } catch {
                    continuation.resume(returning: .failure(
                        ErlangException(.error, .tuple([.atom("swift_error"), .string("\(error)")]))))
                }
            }
        }
    }

    /// Checks a recorded case against Swerl.
    static func check(_ testCase: CallCase, sourceLocation: SourceLocation = #_sourceLocation) async {
        let actual = await call(testCase.module, testCase.function, testCase.args)
        switch (testCase.expected, actual) {
        case (.value(let expected), .success(let value)):
            #expect(value == expected, "\(testCase.source): got \(TermWriter.write(value)), erl gives \(TermWriter.write(expected))",
                    sourceLocation: sourceLocation)
        case (.value(let expected), .failure(let e)):
            Issue.record("\(testCase.source): raised \(e.kind):\(TermWriter.write(e.reason)), erl gives \(TermWriter.write(expected))",
                         sourceLocation: sourceLocation)
        case (.raised(let kind, let reason, _), .success(let value)):
            Issue.record("\(testCase.source): returned \(TermWriter.write(value)), erl raises \(kind):\(TermWriter.write(reason))",
                         sourceLocation: sourceLocation)
        case (.raised(let kind, let reason, let frame), .failure(let e)):
            #expect(e.kind == kind && e.reason == reason,
                    "\(testCase.source): raised \(e.kind):\(TermWriter.write(e.reason)), erl raises \(kind):\(TermWriter.write(reason))",
                    sourceLocation: sourceLocation)
            if let frame {
                let top = e.stacktrace.first.map(reducedFrame)
                #expect(top == frame,
                        "\(testCase.source): top frame \(top.map { TermWriter.write($0) } ?? "none"), erl has \(TermWriter.write(frame))",
                        sourceLocation: sourceLocation)
            }
        }
    }

    /// A frame with its location reduced to `file` and `line`, as recorded.
    static func reducedFrame(_ frame: Term) -> Term {
        guard case .tuple(let e) = frame, e.count == 4, let location = e[3].listElements else { return frame }
        let kept = location.filter {
            guard case .tuple(let kv) = $0, kv.count == 2, case .atom(let key) = kv[0] else { return false }
            return key.text == "file" || key.text == "line"
        }
        return .tuple([e[0], e[1], e[2], .list(kept)])
    }
}
