import ErlangRuntime
import ErlangTerms

extension StdlibError {
    /// An error `reason` raised by `erlang:error(Reason, Args)` in the
    /// Erlang-written `module:function`, at `line` of `module.erl`: the frame
    /// lists the arguments, so the shell prints `called as module:function(...)`.
    static func withArgs(_ reason: Term, _ module: String, _ function: String, _ args: [Term],
                         line: Int) -> ErlangException {
        ErlangException(.error, reason, stacktrace: [sourceFrame(module, function, .list(args), line: line)])
    }
}
