import ErlangRuntime
import ErlangTerms

/// The `erlang` module's process BIFs (the part written so far).
enum ProcessBIFs {
    /// The exported functions.
    static let functions: FunctionTable = [
        bif("self", 0, { p, _ in .pid(p.pid) }),
        bif("make_ref", 0, { p, _ in .ref(p.runtime.makeRef()) }),
        bif("node", 0, { _, _ in .atom(.nonode) }),
    ]
}
