import ErlangTerms

/// The atoms OTP's generic behaviours use: constants (`Atom.constantTexts`).
public enum OTPAtom {
    /// `'$gen_call'`: the tag of a `gen_server:call` request.
    public static let genCall = Atom(constant: 31)
    /// `'$gen_cast'`: the tag of a `gen_server:cast` message.
    public static let genCast = Atom(constant: 32)
    /// `system`: the tag of a `sys` request.
    public static let system = Atom(constant: 33)
    /// `alias`: the head of a call's reply tag `[alias | Ref]`.
    public static let alias = Atom(constant: 34)
    /// `ack`: proc_lib's start acknowledgement.
    public static let ack = Atom(constant: 35)
    /// `reply`.
    public static let reply = Atom(constant: 36)
    /// `noreply`.
    public static let noreply = Atom(constant: 37)
    /// `stop`.
    public static let stop = Atom(constant: 38)
    /// `continue`.
    public static let `continue` = Atom(constant: 39)
    /// `hibernate`.
    public static let hibernate = Atom(constant: 40)
    /// `ignore`.
    public static let ignore = Atom(constant: 41)
    /// `local`.
    public static let local = Atom(constant: 42)
    /// `global`.
    public static let global = Atom(constant: 43)
    /// `via`.
    public static let via = Atom(constant: 44)
    /// `already_started`.
    public static let alreadyStarted = Atom(constant: 45)
    /// `bad_return_value`.
    public static let badReturnValue = Atom(constant: 46)
    /// `shutdown`.
    public static let shutdown = Atom(constant: 47)
    /// `gen_server`.
    public static let genServer = Atom(constant: 48)
    /// `gen`.
    public static let gen = Atom(constant: 49)
    /// `sys`.
    public static let sys = Atom(constant: 50)
    /// `proc_lib`.
    public static let procLib = Atom(constant: 51)
    /// `call`.
    public static let call = Atom(constant: 52)
    /// `init`.
    public static let initialize = Atom(constant: 53)
    /// `handle_call`.
    public static let handleCall = Atom(constant: 54)
    /// `handle_cast`.
    public static let handleCast = Atom(constant: 55)
    /// `handle_info`.
    public static let handleInfo = Atom(constant: 56)
    /// `handle_continue`.
    public static let handleContinue = Atom(constant: 57)
    /// `terminate`.
    public static let terminate = Atom(constant: 58)
    /// `code_change`.
    public static let codeChange = Atom("code_change")
    /// `format_status`.
    public static let formatStatus = Atom("format_status")
    /// `hibernate_after` (a start option).
    public static let hibernateAfter = Atom("hibernate_after")
    /// `timeout_value` (the error of a timeout that is not one).
    public static let timeoutValue = Atom("timeout_value")
    /// `timeout` option key and reason.
    public static let timeout = Atom(constant: 23)
    /// `debug` option key.
    public static let debug = Atom("debug")
    /// `trace`.
    public static let trace = Atom("trace")
    /// `log`.
    public static let log = Atom("log")
    /// `statistics`.
    public static let statistics = Atom("statistics")
    /// `get_state`.
    public static let getState = Atom("get_state")
    /// `replace_state`.
    public static let replaceState = Atom("replace_state")
    /// `get_status`.
    public static let getStatus = Atom("get_status")
    /// `suspend`.
    public static let suspend = Atom("suspend")
    /// `resume`.
    public static let resume = Atom("resume")
    /// `change_code`.
    public static let changeCode = Atom("change_code")
    /// `no_debug`.
    public static let noDebug = Atom("no_debug")
    /// `get`.
    public static let get = Atom("get")
    /// `print`.
    public static let print = Atom("print")
    /// `$initial_call`: proc_lib's dictionary key.
    public static let initialCallKey = Atom(constant: 59)
    /// `$ancestors`: proc_lib's dictionary key.
    public static let ancestorsKey = Atom(constant: 60)
    /// `nodedown`.
    public static let nodedown = Atom("nodedown")
    /// `noconnection`.
    public static let noconnection = Atom("noconnection")
    /// `calling_self`.
    public static let callingSelf = Atom("calling_self")
    /// `abcast`.
    public static let abcast = Atom("abcast")
    /// `nocatch`.
    public static let nocatch = Atom("nocatch")
    /// `file`.
    public static let file = Atom("file")
    /// `line`.
    public static let line = Atom("line")
    /// `error_info`.
    public static let errorInfo = Atom("error_info")
    /// `callback_failed`.
    public static let callbackFailed = Atom("callback_failed")
    /// `no_reply`.
    public static let noReply = Atom("no_reply")
    /// `suspended`.
    public static let suspended = Atom("suspended")
    /// `running`.
    public static let running = Atom("running")
    /// `status`.
    public static let status = Atom("status")
    /// `state`: a key of `format_status/1`'s map.
    public static let state = Atom("state")
    /// `message`: a key of `format_status/1`'s map.
    public static let message = Atom("message")
    /// `reason`: a key of `format_status/1`'s map.
    public static let reason = Atom("reason")
    /// `in`: a debug event for a message the server took.
    public static let `in` = Atom("in")
    /// `out`: a debug event for a reply the server sent.
    public static let out = Atom("out")
}
