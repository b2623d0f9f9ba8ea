import ErlangTerms

/// The atoms OTP's generic behaviours use, interned once.
public enum OTPAtom {
    /// `'$gen_call'`: the tag of a `gen_server:call` request.
    public static let genCall = Atom("$gen_call")
    /// `'$gen_cast'`: the tag of a `gen_server:cast` message.
    public static let genCast = Atom("$gen_cast")
    /// `system`: the tag of a `sys` request.
    public static let system = Atom("system")
    /// `alias`: the head of a call's reply tag `[alias | Ref]`.
    public static let alias = Atom("alias")
    /// `ack`: proc_lib's start acknowledgement.
    public static let ack = Atom("ack")
    /// `reply`.
    public static let reply = Atom("reply")
    /// `noreply`.
    public static let noreply = Atom("noreply")
    /// `stop`.
    public static let stop = Atom("stop")
    /// `continue`.
    public static let `continue` = Atom("continue")
    /// `hibernate`.
    public static let hibernate = Atom("hibernate")
    /// `ignore`.
    public static let ignore = Atom("ignore")
    /// `local`.
    public static let local = Atom("local")
    /// `global`.
    public static let global = Atom("global")
    /// `via`.
    public static let via = Atom("via")
    /// `already_started`.
    public static let alreadyStarted = Atom("already_started")
    /// `bad_return_value`.
    public static let badReturnValue = Atom("bad_return_value")
    /// `shutdown`.
    public static let shutdown = Atom("shutdown")
    /// `gen_server`.
    public static let genServer = Atom("gen_server")
    /// `gen`.
    public static let gen = Atom("gen")
    /// `sys`.
    public static let sys = Atom("sys")
    /// `proc_lib`.
    public static let procLib = Atom("proc_lib")
    /// `call`.
    public static let call = Atom("call")
    /// `init`.
    public static let initialize = Atom("init")
    /// `handle_call`.
    public static let handleCall = Atom("handle_call")
    /// `handle_cast`.
    public static let handleCast = Atom("handle_cast")
    /// `handle_info`.
    public static let handleInfo = Atom("handle_info")
    /// `handle_continue`.
    public static let handleContinue = Atom("handle_continue")
    /// `terminate`.
    public static let terminate = Atom("terminate")
    /// `code_change`.
    public static let codeChange = Atom("code_change")
    /// `format_status`.
    public static let formatStatus = Atom("format_status")
    /// `timeout` option key and reason.
    public static let timeout = Atom("timeout")
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
    public static let initialCallKey = Atom("$initial_call")
    /// `$ancestors`: proc_lib's dictionary key.
    public static let ancestorsKey = Atom("$ancestors")
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
